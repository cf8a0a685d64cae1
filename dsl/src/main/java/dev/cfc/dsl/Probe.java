package dev.cfc.dsl;

import java.util.Objects;

/**
 * An application readiness probe. Before the generated Container class proxies a request, it
 * sends {@code GET path} to the container's port (through {@code ctx.container.getTcpPort}) and
 * waits until every probe answers with its expected status, within the readiness budget.
 *
 * @param path request path, starting with {@code /}
 * @param port port to probe, or null for the container's default port
 * @param status expected status, or null for any 2xx
 * @param where where the probe was declared
 */
public record Probe(String path, Integer port, Integer status, SourceLocation where) {

  public Probe {
    Objects.requireNonNull(path, "probe path");
    Objects.requireNonNull(where, "where");
  }

  /** A probe of {@code path} on the default port expecting any 2xx status. */
  public static Probe path(String path) {
    return new Probe(path, null, null, SourceLocation.ofCaller());
  }

  /** Probe this port instead of the default port; it must be one the container listens on. */
  public Probe port(int port) {
    return new Probe(path, port, status, where);
  }

  /** Expect exactly this status (100–599) instead of any 2xx. */
  public Probe status(int status) {
    return new Probe(path, port, status, where);
  }
}

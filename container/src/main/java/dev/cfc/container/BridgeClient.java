package dev.cfc.container;

import java.net.URI;
import java.util.Objects;

/**
 * The bridge's transport: one {@code java.net.http.HttpClient} (HTTP/1.1, kept-alive
 * connections) to the handler the generated Container class registers for
 * {@code bridge.cfc.internal}, and the typed binding accessors built on it. Thread-safe; share
 * one per process.
 */
public final class BridgeClient {

  /** The reserved host the generated class intercepts. */
  public static final URI DEFAULT_URL = URI.create("http://bridge.cfc.internal");

  /** The environment variable that overrides {@link #DEFAULT_URL} (local runs, tests). */
  public static final String URL_VARIABLE = "CFC_BRIDGE_URL";

  private final Transport transport;

  private BridgeClient(Transport transport) {
    this.transport = transport;
  }

  /**
   * A client of {@code CFC_BRIDGE_URL}, or of {@link #DEFAULT_URL} when it is not set (or
   * blank), with {@link BridgeOptions#defaults()}. Opens no connection yet.
   *
   * @throws IllegalArgumentException when {@code CFC_BRIDGE_URL} is not an absolute http(s) URL
   */
  public static BridgeClient connect() {
    String url = System.getenv(URL_VARIABLE);
    URI base;
    try {
      base = url == null || url.isBlank() ? DEFAULT_URL : URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(URL_VARIABLE + " is not a URL: " + url, e);
    }
    return connect(base, BridgeOptions.defaults());
  }

  /**
   * A client of {@code base} (an {@code http://} or {@code https://} URL, e.g. the local
   * handler of a test) with {@code options}. Opens no connection yet.
   */
  public static BridgeClient connect(URI base, BridgeOptions options) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(options, "options");
    String scheme = base.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
        || base.getHost() == null) {
      throw new IllegalArgumentException("the bridge URL must be http(s)://host[:port]: " + base);
    }
    if (base.getRawQuery() != null || base.getRawFragment() != null) {
      throw new IllegalArgumentException("the bridge URL must have no query or fragment: " + base);
    }
    Objects.requireNonNull(options.connectTimeout(), "connectTimeout");
    Objects.requireNonNull(options.requestTimeout(), "requestTimeout");
    Objects.requireNonNull(options.backoff(), "backoff");
    if (options.connectTimeout().isNegative()
        || options.connectTimeout().isZero()
        || options.requestTimeout().isNegative()
        || options.requestTimeout().isZero()) {
      throw new IllegalArgumentException("timeouts must be positive: " + options);
    }
    if (options.attempts() < 1 || options.backoff().isNegative()) {
      throw new IllegalArgumentException(
          "attempts must be at least 1, backoff not negative: " + options);
    }
    return new BridgeClient(new Transport(base, options));
  }

  private static String binding(String binding) {
    Objects.requireNonNull(binding, "binding");
    if (binding.isEmpty()) {
      throw new IllegalArgumentException("binding is empty");
    }
    return binding;
  }

  /** The KV namespace bound as {@code binding}. */
  public KvNamespace kv(String binding) {
    return new HttpKv(transport, binding(binding));
  }

  /** The R2 bucket bound as {@code binding}. */
  public R2Bucket r2(String binding) {
    return new HttpR2(transport, binding(binding));
  }

  /** The D1 database bound as {@code binding}. */
  public D1Database d1(String binding) {
    return new HttpD1(transport, binding(binding));
  }

  /** The queue producer bound as {@code binding}. */
  public QueueProducer queue(String binding) {
    return new HttpQueue(transport, binding(binding));
  }

  /** The service bound as {@code binding}. */
  public ServiceBinding service(String binding) {
    return new HttpService(transport, binding(binding));
  }
}

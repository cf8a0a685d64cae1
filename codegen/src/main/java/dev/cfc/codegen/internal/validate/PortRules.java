package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;
import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Probe;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ports: CFC010 (a port outside 1-65535), CFC011 (requiredPorts empty or repeating a port),
 * CFC012 (defaultPort not among requiredPorts), CFC013 (a probe on a port the container does not
 * listen on).
 */
final class PortRules implements ScopeRules {

  private final Findings findings;

  PortRules(Findings findings) {
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    if (s.defaultPort() != null) {
      checkPort(at(definition, s, "defaultPort"), "defaultPort", s.defaultPort());
    }
    SourceLocation requiredAt = at(definition, s, "requiredPorts");
    if (s.requiredPorts().isEmpty() && s.sourceOf("requiredPorts") != null) {
      findings.error(
          "CFC011",
          requiredAt,
          "requiredPorts() is empty",
          "list at least one port, for example .requiredPorts(8080), or remove the call");
    }
    Set<Integer> seen = new HashSet<>();
    for (int port : s.requiredPorts()) {
      checkPort(requiredAt, "required port", port);
      if (!seen.add(port)) {
        findings.error(
            "CFC011",
            requiredAt,
            "requiredPorts lists port " + port + " twice",
            "list each port once");
      }
    }
    if (s.defaultPort() != null
        && !s.requiredPorts().isEmpty()
        && !s.requiredPorts().contains(s.defaultPort())) {
      findings.error(
          "CFC012",
          at(definition, s, "defaultPort"),
          "defaultPort " + s.defaultPort() + " is not one of requiredPorts " + s.requiredPorts(),
          "add it: .requiredPorts(" + s.defaultPort() + joinPorts(s.requiredPorts()) + ")");
    }
    for (Probe probe : s.probes()) {
      if (probe.port() == null) {
        continue;
      }
      checkPort(probe.where(), "probe port", probe.port());
      boolean listens =
          s.requiredPorts().contains(probe.port()) || probe.port().equals(s.defaultPort());
      if (!listens) {
        findings.error(
            "CFC013",
            probe.where(),
            "probe " + quote(probe.path()) + " uses port " + probe.port()
                + ", which the container does not listen on",
            "add it to .requiredPorts(...) or probe the default port");
      }
    }
  }

  private void checkPort(SourceLocation where, String what, int port) {
    if (port < 1 || port > 65535) {
      findings.error(
          "CFC010",
          where,
          what + " " + port + " is outside 1-65535",
          "use a TCP port between 1 and 65535, for example 8080");
    }
  }

  private static String joinPorts(List<Integer> ports) {
    StringBuilder out = new StringBuilder();
    for (int port : ports) {
      out.append(", ").append(port);
    }
    return out.toString();
  }
}

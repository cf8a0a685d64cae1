package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;
import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Probe;
import dev.cfc.dsl.Settings;

/**
 * Readiness probes and the ping endpoint: CFC060 (a path that does not start with / or holds
 * whitespace), CFC061 (a status that is not an HTTP status). Probe ports are {@link PortRules}.
 */
final class ProbeRules implements ScopeRules {

  private final Findings findings;

  ProbeRules(Findings findings) {
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    for (Probe probe : s.probes()) {
      String path = probe.path();
      if (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
        String fixed = "/" + path.strip().replaceAll("\\s+", "-").replaceFirst("^/+", "");
        findings.error(
            "CFC060",
            probe.where(),
            "probe path " + quote(path) + " must start with / and contain no whitespace",
            "write Probe.path(" + quote(fixed) + ")");
      }
      if (probe.status() != null && (probe.status() < 100 || probe.status() > 599)) {
        findings.error(
            "CFC061",
            probe.where(),
            "probe status " + probe.status() + " is not an HTTP status (100-599)",
            "for example .status(200) or .status(204)");
      }
    }
    String ping = s.pingEndpoint();
    if (ping != null && (!ping.startsWith("/") || ping.chars().anyMatch(Character::isWhitespace))) {
      findings.error(
          "CFC060",
          at(definition, s, "pingEndpoint"),
          "pingEndpoint " + quote(ping) + " must start with / and contain no whitespace",
          "for example .pingEndpoint(\"/ping\")");
    }
  }
}

package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;
import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Egress: CFC050 (a host that is not a host name or *.suffix pattern, or is listed twice), CFC051
 * (a host both allowed and denied), CFC052 (an allow list with no effect; a warning), CFC053
 * (egress with a compatibility_date before {@link #COMPATIBILITY_DATE}).
 */
final class EgressRules implements ScopeRules {

  /** Egress features need at least this {@code compatibility_date}. */
  static final String COMPATIBILITY_DATE = "2025-11-17";

  private static final Pattern HOST =
      Pattern.compile("(\\*\\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private final ConfigFacts config;
  private final Findings findings;

  /** @param config facts of the wrangler config, or null to skip the CFC053 cross-check */
  EgressRules(ConfigFacts config, Findings findings) {
    this.config = config;
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    checkHosts(definition, s, "allowedHosts", s.allowedHosts());
    checkHosts(definition, s, "deniedHosts", s.deniedHosts());
    for (String host : s.allowedHosts()) {
      if (s.deniedHosts().contains(host)) {
        findings.error(
            "CFC051",
            at(definition, s, "deniedHosts." + host),
            "host " + quote(host) + " is both allowed and denied",
            "remove it from one list (deny wins, so the allow entry does nothing)");
      }
    }
    boolean internet = s.enableInternet() == null || s.enableInternet();
    boolean intercept = s.interceptHttps() != null && s.interceptHttps();
    if (!s.allowedHosts().isEmpty() && internet && !intercept) {
      findings.warning(
          "CFC052",
          at(definition, s, "allowedHosts." + s.allowedHosts().get(0)),
          "allowedHosts has no effect while the container can reach the whole internet",
          "add .enableInternet(false) to allow only these hosts, or .interceptHttps(true)");
    }
    if (config != null
        && usesEgress(s)
        && config.compatibilityDate() != null
        && config.compatibilityDate().compareTo(COMPATIBILITY_DATE) < 0) {
      SourceLocation where =
          s.sourceOf("egress") != null ? s.sourceOf("egress") : firstEgressSource(definition, s);
      findings.error(
          "CFC053",
          where,
          "container " + quote(definition.name())
              + " uses egress rules, which need compatibility_date " + COMPATIBILITY_DATE
              + " or later; " + config.configFile() + " has " + config.compatibilityDate()
              + " (at " + config.compatibilityDateAt().render() + ")",
          "set " + ConfigSyntax.keyValue(config, "compatibility_date", COMPATIBILITY_DATE)
              + " or later in " + config.configFile());
    }
  }

  static boolean usesEgress(Settings s) {
    return !s.allowedHosts().isEmpty()
        || !s.deniedHosts().isEmpty()
        || Boolean.TRUE.equals(s.interceptHttps())
        || Boolean.FALSE.equals(s.enableInternet());
  }

  private SourceLocation firstEgressSource(ContainerDefinition definition, Settings s) {
    for (String key : List.of("enableInternet", "interceptHttps")) {
      if (s.sourceOf(key) != null) {
        return s.sourceOf(key);
      }
    }
    if (!s.allowedHosts().isEmpty()) {
      return at(definition, s, "allowedHosts." + s.allowedHosts().get(0));
    }
    if (!s.deniedHosts().isEmpty()) {
      return at(definition, s, "deniedHosts." + s.deniedHosts().get(0));
    }
    return definition.where();
  }

  private void checkHosts(
      ContainerDefinition definition, Settings s, String kind, List<String> hosts) {
    Set<String> seen = new HashSet<>();
    for (String host : hosts) {
      SourceLocation where = at(definition, s, kind + "." + host);
      if (!seen.add(host)) {
        findings.error("CFC050", where, kind + " lists " + quote(host) + " twice", "list it once");
        continue;
      }
      if (host.length() > 253 || !HOST.matcher(host).matches()) {
        String fixed = fixHost(host);
        findings.error(
            "CFC050",
            where,
            kind.substring(0, kind.length() - 1) + " " + quote(host)
                + " is not a host name or *.suffix pattern (no scheme, path, port or inner"
                + " wildcard)",
            fixed.isEmpty()
                ? "write a bare host name such as \"api.github.com\""
                : "write " + quote(fixed));
      }
    }
  }

  /** The host a user most likely meant: scheme, credentials, path and port stripped. */
  static String fixHost(String host) {
    String h = host.trim();
    int scheme = h.indexOf("://");
    if (scheme >= 0) {
      h = h.substring(scheme + 3);
    }
    int slash = h.indexOf('/');
    if (slash >= 0) {
      h = h.substring(0, slash);
    }
    int at = h.lastIndexOf('@');
    if (at >= 0) {
      h = h.substring(at + 1);
    }
    int colon = h.indexOf(':');
    if (colon >= 0) {
      h = h.substring(0, colon);
    }
    int star = h.lastIndexOf('*');
    if (star > 0 || h.startsWith("*") && !h.startsWith("*.")) {
      String rest = h.substring(star + 1);
      int dot = rest.indexOf('.');
      h = dot >= 0 ? "*" + rest.substring(dot) : rest;
    }
    h = h.toLowerCase(java.util.Locale.ROOT);
    return HOST.matcher(h).matches() ? h : "";
  }
}

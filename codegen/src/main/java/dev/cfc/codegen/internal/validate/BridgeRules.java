package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.BridgeKind;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bridge grants ({@code .bridge(...)}): CFC140 (a binding name wrangler cannot declare), CFC141 (a
 * binding the wrangler config does not declare in a scope the container is deployed to), CFC142
 * (declared, but as another kind), CFC143 (one binding granted twice), CFC144 (a read-only queue),
 * CFC145 (a {@code deniedHosts} pattern that blocks the bridge host), CFC146 (a
 * {@code compatibility_date} too old for outbound interception).
 */
final class BridgeRules implements ScopeRules {

  private static final Pattern BINDING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ConfigFacts config;
  private final Findings findings;

  /** @param config facts of the wrangler config, or null to skip the cross-checks */
  BridgeRules(ConfigFacts config, Findings findings) {
    this.config = config;
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    List<Bridge> grants = definition.bridges();
    if (grants.isEmpty()) {
      return;
    }
    if (env == null) {
      checkGrants(grants);
      checkCompatibilityDate(definition, grants.get(0));
    }
    checkDeniedHosts(definition, env, s, grants.get(0));
    if (config != null) {
      for (Bridge grant : grants) {
        if (BINDING_NAME.matcher(grant.binding()).matches()) {
          checkDeclared(env, grant);
        }
      }
    }
  }

  private void checkGrants(List<Bridge> grants) {
    Set<String> seen = new HashSet<>();
    for (Bridge grant : grants) {
      if (!BINDING_NAME.matcher(grant.binding()).matches()) {
        String fixed = Findings.asIdentifier(grant.binding());
        findings.error(
            "CFC140",
            grant.where(),
            "bridge binding " + quote(grant.binding()) + " is not a valid binding name",
            "binding names match ^[A-Za-z_][A-Za-z0-9_]*$; rename it in the wrangler config and"
                + " here, for example " + quote(fixed));
      } else if (grant.binding().equals("__proto__")) {
        // In the generated grants object literal this key sets the prototype instead of
        // declaring a grant, so the container could never reach the binding.
        findings.error(
            "CFC140",
            grant.where(),
            "bridge binding \"__proto__\" cannot be granted: in JavaScript it names an object's"
                + " prototype, not a property",
            "rename the binding in the wrangler config and here, for example \"PROTO\"");
      }
      if (!seen.add(grant.binding())) {
        findings.error(
            "CFC143",
            grant.where(),
            "binding " + quote(grant.binding()) + " is granted twice to this container",
            "grant it once (add .readOnly() to that grant to allow only reads)");
      }
      if (grant.readsOnly() && grant.kind() == BridgeKind.QUEUE) {
        findings.error(
            "CFC144",
            grant.where(),
            "queue " + quote(grant.binding()) + " cannot be read-only: a producer can only send",
            "remove .readOnly() from Bridge.queue(" + quote(grant.binding()) + ")");
      }
    }
  }

  private void checkDeniedHosts(
      ContainerDefinition definition, String env, Settings s, Bridge first) {
    // An environment inherits the top level's denied hosts; those are reported once, there.
    List<String> inherited =
        env == null ? List.of() : definition.settingsFor(null).deniedHosts();
    for (String denied : s.deniedHosts()) {
      if (blocks(denied, Bridge.HOST) && !inherited.contains(denied)) {
        SourceLocation deniedAt = Findings.at(definition, s, "deniedHosts." + denied);
        findings.error(
            "CFC145",
            first.where(),
            "deniedHosts " + quote(denied)
                + (env == null ? "" : " of environment " + quote(env))
                + " (at " + deniedAt.fileName() + ":" + deniedAt.line() + ") blocks " + Bridge.HOST
                + ", the host the container's app reaches its bridge bindings at: denied hosts"
                + " are checked before any outbound handler",
            "deny narrower hosts than " + quote(denied) + ", so " + Bridge.HOST
                + " stays reachable");
      }
    }
  }

  /** Whether a {@code deniedHosts} glob ({@code *} matches any run of characters) matches. */
  static boolean blocks(String pattern, String host) {
    String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
        .map(Pattern::quote)
        .collect(Collectors.joining(".*"));
    return Pattern.matches(regex, host);
  }

  /*
   * Outbound interception registers the Worker's ContainerProxy entrypoint through ctx.exports,
   * which needs compatibility_date 2025-11-17 or later (or the enable_ctx_exports flag): see
   * https://developers.cloudflare.com/sandbox/sdk/migrate/outbound-traffic/ ("The entrypoint uses
   * this.ctx.exports, which needs compatibility date 2025-11-17 or later"). That is the date egress
   * needs too (CFC053), so a container with egress rules is told once, by CFC053.
   */
  private void checkCompatibilityDate(ContainerDefinition definition, Bridge first) {
    if (config == null
        || config.compatibilityDate() == null
        || config.compatibilityDate().compareTo(EgressRules.COMPATIBILITY_DATE) >= 0
        || EgressRules.usesEgress(definition.settingsFor(null))) {
      return;
    }
    findings.error(
        "CFC146",
        first.where(),
        "container " + quote(definition.name())
            + " grants bridge bindings, whose outbound interception needs compatibility_date "
            + EgressRules.COMPATIBILITY_DATE + " or later; " + config.configFile() + " has "
            + config.compatibilityDate() + " (at "
            + config.compatibilityDateAt().render() + ")",
        "set "
            + ConfigSyntax.keyValue(config, "compatibility_date", EgressRules.COMPATIBILITY_DATE)
            + " or later in " + config.configFile());
  }

  private void checkDeclared(String env, Bridge grant) {
    String scope = env == null ? "" : env;
    if (config.bindings(scope, grant.kind()).contains(grant.binding())) {
      return;
    }
    String where = config.configFile() + (env == null ? "" : " for environment " + quote(env));
    for (BridgeKind other : BridgeKind.values()) {
      if (config.bindings(scope, other).contains(grant.binding())) {
        findings.error(
            "CFC142",
            grant.where(),
            grant.binding() + " is " + describe(other) + " in " + where + ", not "
                + withArticle(grant.kind()),
            "grant it with Bridge." + factory(other) + "(" + quote(grant.binding())
                + "), or declare " + withArticle(grant.kind()) + " under another name");
        return;
      }
    }
    findings.error(
        "CFC141",
        grant.where(),
        noun(grant.kind()) + " " + quote(grant.binding()) + " is not declared in " + where
            + " (wrangler does not inherit bindings into environments)",
        declarationHint(env, grant));
  }

  /** The entry to add, in the config's own syntax and scope. */
  private String declarationHint(String env, Bridge grant) {
    String binding = grant.binding();
    List<String[]> fields = switch (grant.kind()) {
      case KV -> List.<String[]>of(new String[] {"id", "<namespace id>"});
      case R2 -> List.<String[]>of(new String[] {"bucket_name", "<bucket name>"});
      case D1 ->
        List.of(
            new String[] {"database_name", "<database name>"},
            new String[] {"database_id", "<database id>"});
      case QUEUE -> List.<String[]>of(new String[] {"queue", "<queue name>"});
      case SERVICE -> List.<String[]>of(new String[] {"service", "<worker name>"});
    };
    String key = grant.kind().wranglerKey();
    if (ConfigSyntax.isJson(config)) {
      StringBuilder entry = new StringBuilder("{ \"binding\": \"" + binding + "\"");
      for (String[] field : fields) {
        entry.append(", \"").append(field[0]).append("\": \"").append(field[1]).append('"');
      }
      entry.append(" }");
      String array =
          grant.kind() == BridgeKind.QUEUE ? "\"producers\" in \"queues\"" : "\"" + key + "\"";
      return (env == null ? "" : "in \"env\": { \"" + env + "\": { … } }, ") + "add to " + array
          + ":\n" + entry;
    }
    StringBuilder table = new StringBuilder("add to " + config.configFile() + ":\n[[")
        .append(env == null ? "" : "env." + env + ".")
        .append(key)
        .append("]]\nbinding = \"")
        .append(binding)
        .append('"');
    for (String[] field : fields) {
      table.append('\n').append(field[0]).append(" = \"").append(field[1]).append('"');
    }
    return table.toString();
  }

  private static String noun(BridgeKind kind) {
    return switch (kind) {
      case KV -> "KV namespace";
      case R2 -> "R2 bucket";
      case D1 -> "D1 database";
      case QUEUE -> "queue producer";
      case SERVICE -> "service binding";
    };
  }

  private static String withArticle(BridgeKind kind) {
    return (kind == BridgeKind.R2 ? "an " : "a ") + noun(kind);
  }

  private static String describe(BridgeKind kind) {
    return withArticle(kind) + " (" + kind.wranglerKey() + ")";
  }

  private static String factory(BridgeKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}

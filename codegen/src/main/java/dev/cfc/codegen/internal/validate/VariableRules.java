package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;
import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Environment variables, secrets, Secrets Store bindings and build args: CFC040 (a name the
 * container cannot read), CFC041 (one name set by two of env, secrets and secretsStore), CFC042 (an
 * invalid Secrets Store binding name), CFC043 (a binding the wrangler config does not declare).
 */
final class VariableRules implements ScopeRules {

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ConfigFacts config;
  private final Findings findings;

  /** @param config facts of the wrangler config, or null to skip the CFC043 cross-check */
  VariableRules(ConfigFacts config, Findings findings) {
    this.config = config;
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    Map<String, String> kindByName = new HashMap<>();
    for (String name : s.env().keySet()) {
      checkVariableName(definition, s, "env", name);
      kindByName.put(name, "env");
    }
    for (String name : s.secrets()) {
      checkVariableName(definition, s, "secrets", name);
      String other = kindByName.putIfAbsent(name, "secrets");
      if (other != null) {
        duplicateVariable(definition, s, name, other, "secrets");
      }
    }
    for (Map.Entry<String, String> entry : s.secretsStore().entrySet()) {
      String name = entry.getKey();
      checkVariableName(definition, s, "secretsStore", name);
      String other = kindByName.putIfAbsent(name, "secretsStore");
      if (other != null) {
        duplicateVariable(definition, s, name, other, "secretsStore");
      }
      String binding = entry.getValue();
      SourceLocation where = at(definition, s, "secretsStore." + name);
      if (!VARIABLE_NAME.matcher(binding).matches()) {
        findings.error(
            "CFC042",
            where,
            "Secrets Store binding " + quote(binding) + " is not a valid binding name",
            "binding names match ^[A-Za-z_][A-Za-z0-9_]*$, for example STRIPE_SECRET");
      } else if (config != null) {
        checkSecretsStoreDeclared(env, binding, where);
      }
    }
    for (String name : s.buildArgs().keySet()) {
      checkVariableName(definition, s, "buildArgs", name);
    }
  }

  private void checkSecretsStoreDeclared(String env, String binding, SourceLocation where) {
    String scope = env == null ? "" : env;
    List<String> declared = config.secretsStoreBindings().getOrDefault(scope, List.of());
    if (declared.contains(binding)) {
      return;
    }
    String snippet;
    if (ConfigSyntax.isJson(config)) {
      String entry = "{ \"binding\": \"" + binding + "\", \"store_id\": \"<your store id>\","
          + " \"secret_name\": \"<secret name>\" }";
      snippet = (env == null ? "" : "in \"env\": { \"" + env + "\": { … } }, ")
          + "add to \"secrets_store_secrets\":\n" + entry;
    } else {
      String table =
          env == null ? "[[secrets_store_secrets]]" : "[[env." + env + ".secrets_store_secrets]]";
      snippet = "add to " + config.configFile() + ":\n" + table + "\nbinding = \"" + binding
          + "\"\nstore_id = \"<your store id>\"\nsecret_name = \"<secret name>\"";
    }
    findings.error(
        "CFC043",
        where,
        "Secrets Store binding " + quote(binding)
            + " is not declared in " + config.configFile()
            + (env == null ? "" : " for environment " + quote(env)),
        snippet);
  }

  private void checkVariableName(
      ContainerDefinition definition, Settings s, String kind, String name) {
    if (!VARIABLE_NAME.matcher(name).matches()) {
      String fixed = Findings.asIdentifier(name);
      findings.error(
          "CFC040",
          at(definition, s, kind + "." + name),
          kindLabel(kind) + " name " + quote(name) + " must match ^[A-Za-z_][A-Za-z0-9_]*$",
          "rename it, for example " + quote(fixed));
    }
  }

  private static String kindLabel(String kind) {
    return switch (kind) {
      case "env" -> "env";
      case "secrets" -> "secret";
      case "secretsStore" -> "Secrets Store variable";
      default -> "build arg";
    };
  }

  private void duplicateVariable(
      ContainerDefinition definition, Settings s, String name, String first, String second) {
    findings.error(
        "CFC041",
        at(definition, s, second + "." + name),
        "variable " + quote(name)
            + " is set by both " + first + "(...) and " + second
            + "(...); the container would see only one of them",
        "keep it in one of env, secrets or secretsStore");
  }
}

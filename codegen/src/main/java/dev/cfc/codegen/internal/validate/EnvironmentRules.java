package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.codegen.internal.typescript.TypeScriptEmitter;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Environment overrides of a definition: CFC005 (an override of an environment cfc.toml does not
 * list; a warning), CFC006 (an override of a setting every environment shares), CFC135 (an
 * environment whose run-time values differ, in whose wrangler {@code vars} {@code
 * CFC_ENVIRONMENT} does not name it, so the generated class could not pick its values).
 */
final class EnvironmentRules {

  /**
   * Settings that may differ per environment: those written into each environment's own wrangler
   * {@code containers} entry, and the run-time values the generated class picks by {@code
   * CFC_ENVIRONMENT}. What stays shared: the ports (the Worker's handles address {@code
   * defaultPort}, and one class declares {@code requiredPorts}), the entrypoint, the ping
   * endpoint and metadata forwarding.
   */
  private static final Set<String> PER_ENVIRONMENT = Set.of(
      "sleepAfter",
      "hardTimeout",
      "env",
      "secrets",
      "secretsStore",
      "egress",
      "enableInternet",
      "allowedHosts",
      "deniedHosts",
      "interceptHttps",
      "readyOn",
      "readinessBudget",
      "labels",
      "image",
      "buildArgs",
      "instanceType",
      "maxInstances",
      "rollout",
      "rolloutKind",
      "schedulingPolicy",
      "regions",
      "jurisdiction",
      "ssh",
      "authorizedKeys",
      "trustedUserCaKeys",
      "wranglerKeys");

  private final List<String> maintained;
  private final ConfigFacts config;
  private final Findings findings;

  /**
   * @param maintained every environment {@code cfc.toml} lists
   * @param config facts of the wrangler config, or null to skip the CFC135 cross-check
   */
  EnvironmentRules(List<String> maintained, ConfigFacts config, Findings findings) {
    this.maintained = maintained;
    this.config = config;
    this.findings = findings;
  }

  void check(ContainerDefinition definition) {
    for (Map.Entry<String, Settings> override : definition.environments().entrySet()) {
      String env = override.getKey();
      checkOverrideReachesWrangler(definition, env, override.getValue());
      if (!maintained.contains(env)) {
        findings.warning(
            "CFC005",
            definition.sources().getOrDefault("environment." + env, definition.where()),
            "container " + quote(definition.name()) + " overrides environment " + quote(env)
                + ", which cfc.toml does not list, so the override is not written anywhere",
            "add \"" + env + "\" to environments in cfc.toml, or remove the override");
      } else if (config != null) {
        checkEnvironmentNamed(definition, env);
      }
    }
  }

  /** CFC135: the class picks an environment's values only where {@code CFC_ENVIRONMENT} names it. */
  private void checkEnvironmentNamed(ContainerDefinition definition, String env) {
    Map<String, String> values;
    try {
      values = TypeScriptEmitter.environmentValues(definition, env);
    } catch (IllegalArgumentException invalid) {
      // A value the emitter cannot write (a bad duration) has its own finding; the selection is
      // checked once the values are valid.
      return;
    }
    String named = config.environmentVars().get(env);
    if (values.isEmpty() || env.equals(named)) {
      return;
    }
    String var = ConfigFacts.ENVIRONMENT_VAR;
    String snippet = ConfigSyntax.isJson(config)
        ? "in \"env\": { \"" + env + "\": { … } }, add to \"vars\": \"" + var + "\": \"" + env
            + "\""
        : "add to " + config.configFile() + ":\n[env." + env + ".vars]\n" + var + " = \"" + env
            + "\"";
    findings.error(
        "CFC135",
        definition.sources().getOrDefault("environment." + env, definition.where()),
        "environment " + quote(env) + " runs container " + quote(definition.name())
            + " with its own " + String.join(", ", values.keySet()) + ", but "
            + config.configFile()
            + (named == null ? " sets no vars." + var : " sets vars." + var + " = " + quote(named))
            + " in environment " + quote(env)
            + ", so the generated class would run there with "
            + (named == null ? "the top-level values" : "the values of " + quote(named)),
        snippet + "\n(wrangler does not inherit vars into environments; the generated class"
            + " reads " + var + " to pick the environment's values)");
  }

  /**
   * The generated Container class is one class shared by every environment, so only what is
   * written into the environment's wrangler entry, or picked at run time, can differ.
   */
  private void checkOverrideReachesWrangler(
      ContainerDefinition definition, String env, Settings override) {
    override.sources().forEach((key, where) -> {
      String setting = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      if (!PER_ENVIRONMENT.contains(setting)) {
        findings.error(
            "CFC006",
            where,
            "environment " + quote(env) + " overrides " + setting
                + " of container " + quote(definition.name()) + ", but " + setting
                + " is part of the generated Container class that every environment shares",
            "set it on the container itself; per environment cfc can change image, buildArg,"
                + " instanceType, maxInstances, the rollout, placement and SSH settings (the"
                + " wrangler entry), and env, secrets, secretsStore, sleepAfter, hardTimeout,"
                + " egress, probes, the readiness budget and labels (picked at run time)");
      }
    });
  }
}

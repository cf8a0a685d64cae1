package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Environment overrides of a definition: CFC005 (an override of an environment cfc.toml does not
 * list; a warning), CFC006 (an override of a setting every environment shares).
 */
final class EnvironmentRules {

  /** Settings written into each environment's own wrangler {@code containers} entry. */
  private static final Set<String> PER_ENVIRONMENT = Set.of(
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
  private final Findings findings;

  /** @param maintained every environment {@code cfc.toml} lists */
  EnvironmentRules(List<String> maintained, Findings findings) {
    this.maintained = maintained;
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
      }
    }
  }

  /**
   * The generated Container class is one class shared by every environment, so only what is
   * written into the environment's wrangler entry can differ per environment.
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
                + " lives in the generated Container class, which every environment shares",
            "set it on the container itself; per environment cfc can change image, buildArg,"
                + " instanceType, maxInstances, the rollout, placement and SSH settings (the"
                + " wrangler entry)");
      }
    });
  }
}

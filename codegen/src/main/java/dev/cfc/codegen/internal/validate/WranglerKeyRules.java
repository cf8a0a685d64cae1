package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;

import dev.cfc.codegen.internal.wrangler.RawKeys;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import java.util.Map;

/**
 * The escape hatch {@code wranglerKey(key, json)}, each finding at its call: CFC048 (a key cfc
 * writes through a DSL call, refused naming the call, so two calls never decide one key), CFC049
 * (JSON that does not parse, or holds a {@code null}), CFC125 (a value of a shape wrangler 4.86
 * refuses), CFC126 (a key wrangler 4.86 does not know; a warning, since wrangler only reports it
 * as an unexpected field and a newer wrangler may know it). Every key wrangler 4.86's
 * {@code config-schema.json} defines for a {@code containers} entry is one cfc writes, so no raw
 * value reaches the schema that CFC048 has not already refused.
 */
final class WranglerKeyRules implements ScopeRules {

  private final Findings findings;

  WranglerKeyRules(Findings findings) {
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    for (Map.Entry<String, String> raw : s.wranglerKeys().entrySet()) {
      String key = raw.getKey();
      SourceLocation where = at(definition, s, "wranglerKeys." + key);
      String call = "wranglerKey(\"" + key + "\", …) of container \"" + definition.name() + "\"";
      String dslCall = RawKeys.dslCallFor(key);
      if (dslCall != null) {
        findings.error(
            "CFC048",
            where,
            call + " sets " + key + ", which cfc writes itself",
            "use " + dslCall + " instead");
        continue;
      }
      Object value;
      try {
        value = RawKeys.parse(raw.getValue());
      } catch (IllegalArgumentException e) {
        findings.error(
            "CFC049",
            where,
            "the value of " + call + " " + e.getMessage(),
            "write one JSON value, such as \"{\\\"colocation\\\": \\\"datacenter\\\"}\" or"
                + " \"\\\"text\\\"\"");
        continue;
      }
      String problem = RawKeys.shapeProblem(key, value);
      if (problem != null) {
        findings.error(
            "CFC125",
            where,
            call + " has a value wrangler 4.86 refuses: " + problem,
            "see wrangler's documentation of containers." + key);
      } else if (!RawKeys.knownToWrangler(key)) {
        findings.warning(
            "CFC126",
            where,
            call + " sets " + key
                + ", which wrangler 4.86 does not know: it warns about the field and deploys"
                + " without it",
            "check the key's spelling against wrangler's containers documentation; keep it"
                + " only if your wrangler is newer and knows it");
      }
    }
  }
}

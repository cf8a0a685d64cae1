package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;
import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;

/**
 * Label keys: CFC044 (a blank key, or one with surrounding whitespace or control characters).
 * A key names a dimension in metrics and logs, and such a key names nothing anyone can query.
 */
final class LabelRules implements ScopeRules {

  private final Findings findings;

  LabelRules(Findings findings) {
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    for (String key : s.labels().keySet()) {
      boolean blank = key.isBlank();
      boolean untidy = !key.equals(key.strip()) || key.chars().anyMatch(Character::isISOControl);
      if (blank || untidy) {
        findings.error(
            "CFC044",
            at(definition, s, "labels." + key),
            "label key " + quote(key)
                + (blank ? " is blank" : " has surrounding whitespace or control characters"),
            blank
                ? "name the label, for example .label(\"team\", \"media\")"
                : "use " + quote(key.strip().replaceAll("\\p{Cntrl}", "")));
      }
    }
  }
}

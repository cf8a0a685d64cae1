package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.dsl.ContainerDefinition;

/**
 * Text anywhere in a definition: CFC091 (half of a surrogate pair, which no file can hold as
 * UTF-8).
 */
final class UnicodeTextRules {

  private final Findings findings;

  UnicodeTextRules(Findings findings) {
    this.findings = findings;
  }

  void check(ContainerDefinition definition) {
    for (UnpairedSurrogates.Found bad : UnpairedSurrogates.in(definition)) {
      findings.error(
          "CFC091",
          bad.where() != null ? bad.where() : definition.where(),
          bad.setting() + " of container " + quote(definition.name()) + " holds half of a"
              + " surrogate pair (\\u"
              + String.format("%04X", (int) bad.value().charAt(bad.index())) + " at offset "
              + bad.index() + "), which is not Unicode text"
              + " and has no UTF-8 form",
          "write the character whole (\"\\uD83D\\uDE00\" or Character.toString(0x1F600)),"
              + " or remove the stray half");
    }
  }
}

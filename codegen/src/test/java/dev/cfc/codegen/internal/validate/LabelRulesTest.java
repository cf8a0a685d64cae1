package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Label keys (CFC044). Failing cases assert the code, the line the bad value was written on and
 * the hint.
 */
class LabelRulesTest extends ValidationFixture {

  @Test
  void blankOrUntidyLabelKeysAreErrorsAtTheLabel() {
    // spotless:off
    int line = nextLine();
    Diagnostic blank = only(validate(app().label("  ", "x").build()), "CFC044");
    // spotless:on
    assertThat(blank.location().line()).isEqualTo(line);
    assertThat(blank.message()).contains("is blank");
    assertThat(only(validate(app().label("", "x").build()), "CFC044")).isNotNull();
    assertThat(only(validate(app().label(" team", "x").build()), "CFC044").hint())
        .contains("\"team\"");
    assertThat(only(validate(app().label("te\nam", "x").build()), "CFC044")).isNotNull();
    assertValid(b -> b.label("team", "media"));
  }
}

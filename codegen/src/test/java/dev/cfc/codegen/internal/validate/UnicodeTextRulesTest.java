package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import org.junit.jupiter.api.Test;

/** Text that is not Unicode (CFC091), located where the setting holding it is written. */
class UnicodeTextRulesTest extends ValidationFixture {

  @Test
  void halfASurrogatePairIsAnErrorAtTheSettingThatHoldsIt() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().env("GREETING", "hi \uD83D").build()), "CFC091");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\\uD83D at offset 3").contains("\"app\"");
    assertThat(d.hint()).contains("Character.toString(0x1F600)");
    assertValid(b -> b.env("GREETING", "hi \uD83D\uDE00"));
  }
}

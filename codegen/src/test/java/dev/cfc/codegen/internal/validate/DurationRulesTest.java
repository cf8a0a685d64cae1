package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Durations and the readiness budget (CFC030-CFC033). Failing cases assert the code, the line the
 * bad value was written on and the hint.
 */
class DurationRulesTest extends ValidationFixture {

  @Test
  void durationsFollowTheGrammar() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().sleepAfter("5 minutes").build()), "CFC030");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).isEqualTo("for example .sleepAfter(\"5m\")");
    assertThat(only(validate(app().hardTimeout(Duration.ofMillis(1500)).build()), "CFC030")
            .message())
        .contains("PT1.5S");
    assertValid(b -> b.sleepAfter("30s").hardTimeout("2h"));
    assertValid(b -> b.sleepAfter(Duration.ofMinutes(5)).hardTimeout(7200));
  }

  @Test
  void zeroSecondsIsAnError() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().sleepAfter("0s").build()), "CFC031");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"0s\"").contains("at least 1s");
    assertThat(only(validate(app().hardTimeout(0).build()), "CFC031")).isNotNull();
    assertValid(b -> b.sleepAfter("1s"));
  }

  @Test
  void hardTimeoutShorterThanSleepAfterIsAWarning() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().sleepAfter("10m").hardTimeout("5m").build()), "CFC032");
    // spotless:on
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.sleepAfter("5m").hardTimeout("1h"));
  }

  @Test
  void readinessBudgetMustBePositiveAndLongerThanThePoll() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().readinessBudget(Duration.ofSeconds(1), Duration.ofSeconds(5)).build()), "CFC033");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(only(
                validate(
                    app().readinessBudget(Duration.ZERO, Duration.ofMillis(1)).build()),
                "CFC033")
            .message())
        .contains("positive");
    assertValid(b -> b.readinessBudget(Duration.ofSeconds(30), Duration.ofMillis(500)));
  }
}

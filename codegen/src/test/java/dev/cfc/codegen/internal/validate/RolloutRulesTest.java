package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Rollout steps and grace period (CFC070, CFC071). Failing cases assert the code, the line the bad
 * value was written on and the hint.
 */
class RolloutRulesTest extends ValidationFixture {

  @Test
  void rolloutValuesAreChecked() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().rollout(0, 300).build()), "CFC070");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(only(validate(app().rollout(25, -1).build()), "CFC071")).isNotNull();
    assertValid(b -> b.rollout(100, 0));
  }

  @Test
  void aSingleRolloutStepMustBeOneWranglerAccepts() {
    for (int step : new int[] {1, 15, 30, 75, 99}) {
      assertThat(only(validate(app().rollout(step, 60).build()), "CFC070").message())
          .contains("rollout step " + step + "% is not one wrangler accepts");
    }
    for (int step : new int[] {5, 10, 20, 25, 50, 100}) {
      assertValid(b -> b.rollout(step));
    }
  }

  @Test
  void explicitRolloutStepsFollowWranglersArrayRules() {
    assertValid(b -> b.rolloutSteps(10, 50, 100));
    assertValid(b -> b.maxInstances(2).rolloutSteps(50, 100));
    assertThat(only(validate(app().rolloutSteps(5, 100).build()), "CFC070").message())
        .contains("each step must be 10-100, not [5]");
    assertThat(only(validate(app().rolloutSteps(50, 20, 100).build()), "CFC070").message())
        .contains("steps must ascend");
    assertThat(only(validate(app().rolloutSteps(10, 50).build()), "CFC070").message())
        .contains("the last step must be 100");
    assertThat(only(validate(app().maxInstances(2).rolloutSteps(10, 50, 100).build()), "CFC070")
            .message())
        .contains("3 steps but only 2 instances");
  }

  @Test
  void aGracePeriodAloneIsValidAndOnlyANegativeOneIsNot() {
    assertValid(b -> b.rolloutGracePeriod(0));
    assertThat(only(validate(app().rollout(25).rolloutGracePeriod(-5).build()), "CFC071"))
        .isNotNull();
  }
}

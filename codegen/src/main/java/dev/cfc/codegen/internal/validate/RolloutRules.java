package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Rollout;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollout rules wrangler 4.86 checks in its config validation, all reported at once: CFC070
 * (step percentages wrangler refuses), CFC071 (a negative grace period).
 */
final class RolloutRules implements ScopeRules {

  /** Steps wrangler accepts for a single {@code rollout_step_percentage}. */
  private static final List<Integer> SINGLE_ROLLOUT_STEPS = List.of(5, 10, 20, 25, 50, 100);

  /** wrangler's {@code max_instances} when the entry leaves it out. */
  private static final int DEFAULT_MAX_INSTANCES = 20;

  private final Findings findings;

  RolloutRules(Findings findings) {
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    Rollout rollout = s.rollout();
    if (rollout == null) {
      return;
    }
    SourceLocation where = at(definition, s, "rollout");
    List<Integer> steps = rollout.stepPercentages();
    if (steps.size() == 1 && !SINGLE_ROLLOUT_STEPS.contains(steps.get(0))) {
      findings.error(
          "CFC070",
          where,
          "rollout step " + steps.get(0)
              + "% is not one wrangler accepts (5, 10, 20, 25, 50 or 100)",
          "for example .rollout(25, 300), or explicit steps .rolloutSteps(10, 50, 100)");
    } else if (rollout.stepped()) {
      List<String> problems = new ArrayList<>();
      List<Integer> outOfRange =
          steps.stream().filter(step -> step < 10 || step > 100).toList();
      if (!outOfRange.isEmpty()) {
        problems.add("each step must be 10-100, not " + outOfRange);
      }
      for (int i = 1; i < steps.size(); i++) {
        if (steps.get(i) < steps.get(i - 1)) {
          problems.add("steps must ascend");
          break;
        }
      }
      if (steps.get(steps.size() - 1) != 100) {
        problems.add("the last step must be 100");
      }
      int instances = s.maxInstances() == null ? DEFAULT_MAX_INSTANCES : s.maxInstances();
      if (steps.size() > instances) {
        problems.add("there are " + steps.size() + " steps but only " + instances + " instances"
            + (s.maxInstances() == null ? " (wrangler's default max_instances)" : ""));
      }
      if (!problems.isEmpty()) {
        findings.error(
            "CFC070",
            where,
            "rollout steps " + steps + " are not ones wrangler accepts: "
                + String.join("; ", problems),
            "for example .rolloutSteps(10, 50, 100)");
      }
    }
    Long grace = rollout.activeGracePeriodSeconds();
    if (grace != null && grace < 0) {
      findings.error(
          "CFC071",
          where,
          "rollout grace period " + grace + " s is negative",
          "use 0 or more seconds");
    }
  }
}

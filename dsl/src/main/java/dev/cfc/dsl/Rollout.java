package dev.cfc.dsl;

import java.util.List;

/**
 * How a new version replaces running instances: wrangler's {@code rollout_step_percentage} and
 * {@code rollout_active_grace_period}.
 *
 * @param stepPercentages none (only the grace period is set), one step, written as a number ({@code rollout_step_percentage = 25}:
 *     wrangler accepts 5, 10, 20, 25, 50 or 100), or several, written as an array
 *     ({@code [10, 50, 100]}: each 10–100, ascending, the last 100, no more steps than
 *     {@code max_instances})
 * @param activeGracePeriodSeconds seconds a busy instance may keep running before it is
 *     replaced, at least 0; null leaves {@code rollout_active_grace_period} out (wrangler's
 *     default applies)
 */
public record Rollout(List<Integer> stepPercentages, Long activeGracePeriodSeconds) {

  public Rollout {
    stepPercentages = List.copyOf(stepPercentages);
  }

  /** One step of {@code stepPercentage}, with wrangler's default grace period. */
  public static Rollout step(int stepPercentage) {
    return new Rollout(List.of(stepPercentage), null);
  }

  /** Whether the steps are written as an array rather than one number. */
  public boolean stepped() {
    return stepPercentages.size() > 1;
  }

  /** This rollout with {@code seconds} as its grace period. */
  public Rollout withGracePeriod(long seconds) {
    return new Rollout(stepPercentages, seconds);
  }
}

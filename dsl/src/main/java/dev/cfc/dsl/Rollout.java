package dev.cfc.dsl;

/**
 * How a new version replaces running instances: wrangler's {@code rollout_step_percentage} and
 * {@code rollout_active_grace_period}.
 *
 * @param stepPercentage share of instances updated per step, 1–100
 * @param activeGracePeriodSeconds seconds a busy instance may keep running before it is replaced,
 *     at least 0
 */
public record Rollout(int stepPercentage, long activeGracePeriodSeconds) {}

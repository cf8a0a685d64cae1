package dev.cfc.dsl;

/** How the platform places instances: wrangler's {@code scheduling_policy}. */
public enum SchedulingPolicy {
  /** The platform's default placement: {@code "default"}. */
  DEFAULT("default"),
  /** {@code "moon"}. */
  MOON("moon"),
  /** Placement within regions: {@code "regional"}. */
  REGIONAL("regional");

  private final String wranglerValue;

  SchedulingPolicy(String wranglerValue) {
    this.wranglerValue = wranglerValue;
  }

  /** The value as wrangler writes it. */
  public String wranglerValue() {
    return wranglerValue;
  }
}

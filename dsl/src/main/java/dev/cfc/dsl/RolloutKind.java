package dev.cfc.dsl;

/** Who drives a rollout after {@code wrangler deploy}: wrangler's {@code rollout_kind}. */
public enum RolloutKind {
  /** The platform steps through the rollout by itself: {@code "full_auto"} (wrangler's default). */
  FULL_AUTO("full_auto"),
  /** Each step waits to be advanced by hand: {@code "full_manual"}. */
  FULL_MANUAL("full_manual"),
  /** A deploy starts no rollout; the application is only updated: {@code "none"}. */
  NONE("none");

  private final String wranglerValue;

  RolloutKind(String wranglerValue) {
    this.wranglerValue = wranglerValue;
  }

  /** The value as wrangler writes it. */
  public String wranglerValue() {
    return wranglerValue;
  }
}

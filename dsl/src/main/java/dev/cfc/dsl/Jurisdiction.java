package dev.cfc.dsl;

/**
 * A compliance boundary containers must stay inside: wrangler's
 * {@code constraints.jurisdiction}.
 */
public enum Jurisdiction {
  /** The European Union: {@code "eu"}. */
  EU("eu"),
  /** FedRAMP: {@code "fedramp"}. */
  FEDRAMP("fedramp");

  private final String wranglerValue;

  Jurisdiction(String wranglerValue) {
    this.wranglerValue = wranglerValue;
  }

  /** The value as wrangler writes it. */
  public String wranglerValue() {
    return wranglerValue;
  }
}

package dev.cfc.dsl;

/**
 * A geographic region a container may be placed in: an element of wrangler's
 * {@code constraints.regions}, written as the constant's name ({@code "WEUR"}). The set is the
 * one wrangler 4.86 validates.
 */
public enum Region {
  /** Eastern North America. */
  ENAM,
  /** Western North America. */
  WNAM,
  /** Eastern Europe. */
  EEUR,
  /** Western Europe. */
  WEUR,
  /** Asia-Pacific. */
  APAC,
  /** South America. */
  SAM,
  /** Middle East. */
  ME,
  /** Oceania. */
  OC,
  /** Africa. */
  AFR
}

package dev.cfc.codegen.internal.wrangler;

import java.util.Set;

/** How a new migration's tag is chosen: the lowest {@code vN} (N ≥ 1) not used yet. */
final class MigrationTags {

  private MigrationTags() {}

  /** {@code v1}, {@code v2}, … — the first that is not in {@code used}, whatever shape those are. */
  static String lowestUnused(Set<String> used) {
    for (int n = 1; ; n++) {
      String tag = "v" + n;
      if (!used.contains(tag)) {
        return tag;
      }
    }
  }
}

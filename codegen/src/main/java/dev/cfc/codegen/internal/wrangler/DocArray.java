package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.List;

/**
 * One array of the config in one scope, syntax-neutral.
 *
 * @param scope {@code ""} or the environment name
 * @param kind which array
 * @param state whether the key is absent, an array of tables/objects, or something cfc cannot read
 * @param entries the elements in file order
 * @param at where the key is written, or the file when absent
 */
record DocArray(
    String scope, ArrayKind kind, State state, List<DocEntry> entries, Diagnostic.Location at) {

  enum State {
    /** The key is not in the config. */
    ABSENT,
    /** An array whose elements are all tables. */
    PRESENT,
    /** Present but not an array of tables. */
    INVALID
  }

  DocArray {
    entries = List.copyOf(entries);
  }

  /** The first entry whose {@code class_name} is {@code className}, or null. */
  DocEntry entryOf(String className) {
    return entries.stream()
        .filter(e -> className.equals(e.className()))
        .findFirst()
        .orElse(null);
  }
}

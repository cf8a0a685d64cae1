package dev.cfc.codegen.internal.wrangler;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The syntax-neutral changes to make to a config, in the order new text is written.
 *
 * @param edits entry additions, updates and removals
 */
record EditPlan(List<Edit> edits) {

  EditPlan {
    edits = List.copyOf(edits);
  }

  boolean isEmpty() {
    return edits.isEmpty();
  }

  /** One change to an array of the config. */
  sealed interface Edit permits AddEntry, UpdateEntry, RemoveEntry {}

  /**
   * A new element.
   *
   * @param scope {@code ""} or an environment name
   * @param kind the array it goes into
   * @param fields its keys and values in write order
   * @param anchor where it goes
   */
  record AddEntry(String scope, ArrayKind kind, LinkedHashMap<String, Object> fields, Anchor anchor)
      implements Edit {}

  /** Changed keys of an existing element. */
  record UpdateEntry(DocEntry entry, List<FieldEdit> fields) implements Edit {
    UpdateEntry {
      fields = List.copyOf(fields);
    }
  }

  /** An existing element to delete. */
  record RemoveEntry(DocEntry entry) implements Edit {}

  /** A change to one key of an existing element. */
  sealed interface FieldEdit permits SetField, RemoveField {
    String key();
  }

  /** Sets a key, replacing its value in place when it exists, else adding it after the last key. */
  record SetField(String key, Object value) implements FieldEdit {}

  /** Removes a key the definition no longer sets. */
  record RemoveField(String key) implements FieldEdit {}

  /** Where a new element goes. */
  sealed interface Anchor permits After, Before, AtEnd {}

  /** Right after an existing element of the same array. */
  record After(DocEntry entry) implements Anchor {}

  /** Right before an existing element of the same array (and its leading comments). */
  record Before(DocEntry entry) implements Anchor {}

  /** After the array's last element, or, when the array is absent, at the end of the config. */
  record AtEnd() implements Anchor {}
}

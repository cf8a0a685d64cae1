package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.Map;

/**
 * One element of a config array (a container, a binding, a migration), syntax-neutral.
 *
 * @param scope {@code ""} or the environment name
 * @param kind which array it belongs to
 * @param index its position in that array
 * @param values its keys and values, normalised ({@code String}, {@code Long}, {@code Double},
 *     {@code Boolean}, {@code LinkedHashMap}, {@code List}; other scalars as their text)
 * @param at where the element starts
 * @param keyAt where each top-level key of the element is written, when known
 */
record DocEntry(
    String scope,
    ArrayKind kind,
    int index,
    Map<String, Object> values,
    Diagnostic.Location at,
    Map<String, Diagnostic.Location> keyAt) {

  /** The {@code class_name} value when it is a string, else {@code null}. */
  String className() {
    return values.get("class_name") instanceof String s ? s : null;
  }

  /** Location of a key of this element, falling back to the element. */
  Diagnostic.Location locationOf(String key) {
    return keyAt.getOrDefault(key, at);
  }
}

package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * Facts read from the wrangler config that validation cross-checks against the DSL.
 *
 * @param workerName the top-level {@code name}, or {@code null} when absent
 * @param workerNameAt where {@code name} is written, or the file when absent
 * @param compatibilityDate the top-level {@code compatibility_date} as {@code yyyy-mm-dd} text, or
 *     {@code null}
 * @param compatibilityDateAt where it is written, or the file when absent
 * @param secretsStoreBindings declared {@code secrets_store_secrets} binding names per scope
 *     ({@code ""} = top level, else the environment name); every environment in the file is a key
 * @param hasMain whether a top-level {@code main} is set
 */
public record ConfigFacts(
    String workerName,
    Diagnostic.Location workerNameAt,
    String compatibilityDate,
    Diagnostic.Location compatibilityDateAt,
    Map<String, List<String>> secretsStoreBindings,
    boolean hasMain) {

  public ConfigFacts {
    secretsStoreBindings = Map.copyOf(secretsStoreBindings);
  }

  /** Facts of a config that could not be read. */
  static ConfigFacts none(String file) {
    Diagnostic.Location at = Diagnostic.Location.of(file);
    return new ConfigFacts(null, at, null, at, Map.of(), false);
  }
}

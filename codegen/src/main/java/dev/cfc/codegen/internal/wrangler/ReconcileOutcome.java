package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * The result of reconciling one wrangler config.
 *
 * @param newText the config to write; the input text unchanged when any error was found
 * @param diagnostics findings, sorted by {@link Diagnostic#ORDER}
 * @param summary what changed (empty when there are errors)
 * @param managedClasses the classes cfc manages after this run, for the next run's {@code
 *     previouslyManaged}; the input set unchanged when there are errors
 * @param facts what the config declares, for validation's cross-checks
 * @param writtenKeys the keys cfc owns in each managed entry after this run; the input record
 *     unchanged when there are errors
 * @param bindings definition name → the Durable Object binding the config has after this run
 *     (a binding kept from the config, else the definition's own); empty when there are errors
 */
public record ReconcileOutcome(
    String newText,
    List<Diagnostic> diagnostics,
    ChangeSummary summary,
    Set<String> managedClasses,
    ConfigFacts facts,
    WrittenKeys writtenKeys,
    java.util.Map<String, String> bindings) {

  /** An outcome that reports no bindings (a failed run). */
  public ReconcileOutcome(
      String newText,
      List<Diagnostic> diagnostics,
      ChangeSummary summary,
      Set<String> managedClasses,
      ConfigFacts facts,
      WrittenKeys writtenKeys) {
    this(newText, diagnostics, summary, managedClasses, facts, writtenKeys, java.util.Map.of());
  }

  public ReconcileOutcome {
    diagnostics = List.copyOf(diagnostics);
    bindings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bindings));
    managedClasses =
        java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(managedClasses));
  }

  /** Whether any finding is an error (then nothing may be written). */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}

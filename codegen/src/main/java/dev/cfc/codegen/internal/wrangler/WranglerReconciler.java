package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reconciles a wrangler config with the desired containers: the format-preserving edit described
 * in DESIGN.md ("Reconciling the wrangler config"). Pure: text in, text and findings out; writing
 * files is the caller's job.
 *
 * <p>The syntax is chosen by file name ({@code .toml}, {@code .jsonc}, {@code .json}; backends are {@link
 * ConfigBackend}s). Planning — ownership, adopt and destroy rules, field diffs, placement and
 * migrations — is shared by all backends ({@link ReconcilePlanner}); a backend only parses with
 * positions and turns the plan into text. Every edit is re-read and verified before it is
 * returned ({@link ManagedStateCheck}).
 */
public final class WranglerReconciler {

  private final List<ConfigBackend> backends;

  /** A reconciler for every config syntax cfc supports. */
  public WranglerReconciler() {
    this(List.of(new TomlBackend(), new JsoncBackend()));
  }

  WranglerReconciler(List<ConfigBackend> backends) {
    this.backends = List.copyOf(backends);
  }

  /** Shorthand for {@code new WranglerReconciler().run(...)}. */
  public static ReconcileOutcome reconcile(
      ConfigSource source, DesiredState desired, Set<String> previouslyManaged) {
    return new WranglerReconciler().run(source, desired, previouslyManaged, WrittenKeys.none());
  }

  /**
   * Computes the new config text.
   *
   * @param source the config as read
   * @param desired what the DSL and {@code cfc.toml} ask for
   * @param previouslyManaged the classes cfc managed after its last successful run
   * @param written the keys cfc wrote into each managed entry on its last successful run
   * @return the new text (the old one when there is any error), findings, summary, the managed
   *     classes to record, and the config's facts
   */
  public ReconcileOutcome run(ConfigSource source, DesiredState desired,
      Set<String> previouslyManaged, WrittenKeys written) {
    String file = source.displayName();
    ConfigBackend backend = backendFor(source);
    if (backend == null) {
      return failed(source, previouslyManaged, written, ConfigFacts.none(file), List.of(
          Diagnostic.error(WranglerCodes.UNSUPPORTED_FILE, Diagnostic.Location.of(file),
              "cfc cannot edit " + file + ": unknown config file type",
              "use wrangler.toml, wrangler.json or wrangler.jsonc")));
    }
    ConfigBackend.Parsed parsed = backend.parse(source);
    if (parsed.document() == null) {
      return failed(source, previouslyManaged, written, ConfigFacts.none(file), parsed.diagnostics());
    }
    ConfigDocument doc = parsed.document();
    KeptNames.Result kept = KeptNames.resolve(desired, doc, previouslyManaged);
    ApplicationNames.Result names = ApplicationNames.resolve(kept.desired(), doc);
    DesiredState wanted = names.desired();
    ReconcilePlanner.Result planned = ReconcilePlanner.plan(doc, wanted, previouslyManaged, written);
    if (!names.diagnostics().isEmpty() || !kept.diagnostics().isEmpty()) {
      List<Diagnostic> found = new ArrayList<>(kept.diagnostics());
      found.addAll(names.diagnostics());
      found.addAll(planned.diagnostics());
      return failed(source, previouslyManaged, written, doc.facts(), found);
    }
    if (planned.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      return failed(source, previouslyManaged, written, doc.facts(), planned.diagnostics());
    }
    if (planned.plan().isEmpty()) {
      return new ReconcileOutcome(source.text(), planned.diagnostics(), planned.summary(),
          planned.managedClasses(), doc.facts(),
          written.after(wanted, planned.managedClasses()), KeptNames.bindings(wanted));
    }
    ConfigBackend.Emitted emitted = backend.apply(doc, planned.plan());
    List<Diagnostic> all = new ArrayList<>(planned.diagnostics());
    all.addAll(emitted.diagnostics());
    if (all.stream().anyMatch(Diagnostic::isError)) {
      return failed(source, previouslyManaged, written, doc.facts(), all);
    }
    List<String> problems =
        ManagedStateCheck.verify(backend, doc, emitted.text(), wanted, previouslyManaged, written);
    if (!problems.isEmpty()) {
      all.add(Diagnostic.error(WranglerCodes.EDIT_NOT_VERIFIED, Diagnostic.Location.of(file),
          "cfc could not edit " + file + " safely: " + String.join("; ", problems),
          "nothing was written; please report this with the config, and make the change by hand"));
      return failed(source, previouslyManaged, written, doc.facts(), all);
    }
    return new ReconcileOutcome(emitted.text(), all, planned.summary(), planned.managedClasses(),
        doc.facts(), written.after(wanted, planned.managedClasses()), KeptNames.bindings(wanted));
  }

  /**
   * Reads the config's facts for validation without planning anything.
   *
   * @return the facts and any parse errors (facts are empty when it does not parse)
   */
  public FactsResult readFacts(ConfigSource source) {
    ConfigBackend backend = backendFor(source);
    if (backend == null) {
      return new FactsResult(ConfigFacts.none(source.displayName()), List.of());
    }
    ConfigBackend.Parsed parsed = backend.parse(source);
    return parsed.document() == null
        ? new FactsResult(ConfigFacts.none(source.displayName()), parsed.diagnostics())
        : new FactsResult(parsed.document().facts(), List.of());
  }

  /**
   * Facts of a config, or the reasons it could not be read.
   *
   * @param facts what the config declares
   * @param diagnostics parse errors, if any
   */
  public record FactsResult(ConfigFacts facts, List<Diagnostic> diagnostics) {
    public FactsResult {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private ConfigBackend backendFor(ConfigSource source) {
    for (ConfigBackend b : backends) {
      if (b.handles(source)) {
        return b;
      }
    }
    return null;
  }

  private static ReconcileOutcome failed(ConfigSource source, Set<String> previouslyManaged,
      WrittenKeys written, ConfigFacts facts, List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    return new ReconcileOutcome(source.text(), sorted, ChangeSummary.none(source.displayName()),
        previouslyManaged, facts, written);
  }
}

package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reconciles a wrangler config with the desired containers: the format-preserving edit described
 * in docs/migrations-and-safety.md ("What cfc edits, and what it leaves alone"). Pure: text in,
 * text and findings out; writing files is the caller's job.
 *
 * <p>The backend is the {@link ConfigBackend} of the source's {@link ConfigSource#syntax()}. Planning — ownership, adopt and destroy rules, field diffs, placement and
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
   * Computes the new config text; shorthand for {@code run(parse(source), ...)}.
   *
   * @see #run(ParsedConfig, DesiredState, Set, WrittenKeys)
   */
  public ReconcileOutcome run(
      ConfigSource source,
      DesiredState desired,
      Set<String> previouslyManaged,
      WrittenKeys written) {
    return run(parse(source), desired, previouslyManaged, written);
  }

  /**
   * Parses the config with the backend of its syntax. A compile parses once and hands the result
   * to validation (its facts) and to {@link #run(ParsedConfig, DesiredState, Set, WrittenKeys)}.
   */
  public ParsedConfig parse(ConfigSource source) {
    ConfigBackend backend = backendFor(source);
    if (backend == null) {
      return new ParsedConfig(source, null, null, List.of());
    }
    ConfigBackend.Parsed parsed = backend.parse(source);
    return new ParsedConfig(source, backend, parsed.document(), parsed.diagnostics());
  }

  /**
   * Computes the new config text.
   *
   * @param config the config as parsed by {@link #parse}
   * @param desired what the DSL and {@code cfc.toml} ask for
   * @param previouslyManaged the classes cfc managed after its last successful run
   * @param written the keys cfc wrote into each managed entry on its last successful run
   * @return the new text (the old one when there is any error), findings, summary, the managed
   *     classes to record, and the config's facts
   */
  public ReconcileOutcome run(
      ParsedConfig config,
      DesiredState desired,
      Set<String> previouslyManaged,
      WrittenKeys written) {
    ConfigSource source = config.source();
    String file = source.displayName();
    ConfigBackend backend = config.backend();
    ConfigFacts facts = config.facts();
    if (backend == null) {
      return failed(
          source,
          previouslyManaged,
          written,
          facts,
          List.of(Diagnostic.error(
              WranglerCodes.UNSUPPORTED_FILE,
              Diagnostic.Location.of(file),
              "cfc cannot edit " + file + ": unknown config file type",
              "use wrangler.toml, wrangler.json or wrangler.jsonc")));
    }
    ConfigDocument doc = config.document();
    if (doc == null) {
      return failed(source, previouslyManaged, written, facts, config.diagnostics());
    }
    KeptNames.Result kept = KeptNames.resolve(desired, doc, previouslyManaged);
    ApplicationNames.Result names = ApplicationNames.resolve(kept.desired(), doc);
    DesiredState wanted = names.desired();
    ReconcilePlanner.Result planned =
        ReconcilePlanner.plan(doc, wanted, previouslyManaged, written);
    if (!names.diagnostics().isEmpty() || !kept.diagnostics().isEmpty()) {
      List<Diagnostic> found = new ArrayList<>(kept.diagnostics());
      found.addAll(names.diagnostics());
      found.addAll(planned.diagnostics());
      return failed(source, previouslyManaged, written, facts, found);
    }
    if (planned.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      return failed(source, previouslyManaged, written, facts, planned.diagnostics());
    }
    if (planned.plan().isEmpty()) {
      return new ReconcileOutcome(
          source.text(),
          planned.diagnostics(),
          planned.summary(),
          planned.managedClasses(),
          facts,
          written.after(wanted, planned.managedClasses()),
          KeptNames.bindings(wanted));
    }
    ConfigBackend.Emitted emitted = backend.apply(doc, planned.plan());
    List<Diagnostic> all = new ArrayList<>(planned.diagnostics());
    all.addAll(emitted.diagnostics());
    if (all.stream().anyMatch(Diagnostic::isError)) {
      return failed(source, previouslyManaged, written, facts, all);
    }
    List<String> problems = ManagedStateCheck.verify(
        backend, doc, emitted.text(), wanted, planned.ownership(), previouslyManaged, written);
    if (!problems.isEmpty()) {
      all.add(Diagnostic.error(
          WranglerCodes.EDIT_NOT_VERIFIED,
          Diagnostic.Location.of(file),
          "cfc could not edit " + file + " safely: " + String.join("; ", problems),
          "nothing was written; please report this with the config, and make the change by hand"));
      return failed(source, previouslyManaged, written, facts, all);
    }
    return new ReconcileOutcome(
        emitted.text(),
        all,
        planned.summary(),
        planned.managedClasses(),
        facts,
        written.after(wanted, planned.managedClasses()),
        KeptNames.bindings(wanted));
  }

  private ConfigBackend backendFor(ConfigSource source) {
    for (ConfigBackend b : backends) {
      if (b.syntax() == source.syntax()) {
        return b;
      }
    }
    return null;
  }

  private static ReconcileOutcome failed(
      ConfigSource source,
      Set<String> previouslyManaged,
      WrittenKeys written,
      ConfigFacts facts,
      List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    return new ReconcileOutcome(
        source.text(),
        sorted,
        ChangeSummary.none(source.displayName()),
        previouslyManaged,
        facts,
        written);
  }
}

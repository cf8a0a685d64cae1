package dev.cfc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfc.codegen.CiAnnotations;
import dev.cfc.codegen.CompileInputs;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.Generation;
import dev.cfc.codegen.JavacSession;
import dev.cfc.codegen.PlannedFile;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.codegen.ProjectState;
import dev.cfc.codegen.WatchSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every project command shares: read {@code cfc.toml}, load the definitions, compile, and
 * print diagnostics and summaries in text or JSON. Commands differ only in what they do with
 * the {@link CompileResult}.
 */
final class ProjectRun {

  private final CfcCommand options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean writes;
  private final OutputFormat format;

  /** The formats a command that reports diagnostics prints: all but markdown. */
  static final java.util.Set<OutputFormat> DIAGNOSTIC_FORMATS = java.util.EnumSet.of(
      OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.GITHUB, OutputFormat.SARIF);

  /** A run of a command that writes nothing into the project, not even the compile cache. */
  ProjectRun(CfcCommand options, PrintWriter out, PrintWriter err, OutputFormat format) {
    this(options, out, err, format, false);
  }

  /**
   * @param format how diagnostics and the report are printed
   * @param writes whether the command writes the project (it may then cache compiled classes)
   */
  ProjectRun(
      CfcCommand options, PrintWriter out, PrintWriter err, OutputFormat format, boolean writes) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.format = format;
    this.writes = writes;
  }

  /**
   * The outcome of a {@link Generation} run.
   *
   * @param externalReads what the definitions use besides their sources (see
   *     {@link DefinitionLoader.Loaded#externalReads})
   */
  record Outcome(Generation.Outcome generation, List<String> externalReads) {

    /** The compile's result; null when loading failed or the lock could not be taken. */
    CompileResult result() {
      return generation.result();
    }

    /** Whether loading or compiling found errors; the diagnostics say which. */
    boolean failed() {
      return generation.status() == Generation.Status.INVALID;
    }

    List<Diagnostic> diagnostics() {
      return generation.diagnostics();
    }

    /**
     * The exit code of a failed outcome: {@link Main#IO_ERROR} when the system could not read
     * a file, else {@link Main#INVALID}, the input's fault.
     */
    int failureExitCode() {
      return diagnostics().stream().anyMatch(Diagnostic::isIoFailure)
          ? Main.IO_ERROR
          : Main.INVALID;
    }
  }

  /** Loads and compiles the project with the given command-specific settings. */
  Outcome compile(String onlyEnvironment, boolean allowDestroy, boolean adopt) throws IOException {
    Loading loading = new Loading(onlyEnvironment, allowDestroy, adopt, null, null);
    return new Outcome(
        Generation.run(Generation.Request.check(state()), loading), loading.externalReads);
  }

  /**
   * Loads and compiles with the options of check, diff and a dry run, writing nothing, and
   * reports the diagnostics when that fails (the command then exits with
   * {@link Outcome#failureExitCode()}).
   */
  Outcome planOutcome(PlanOptions options) throws IOException {
    return reported(compile(options.env, options.allowDestroy, options.adopt));
  }

  /**
   * Generates under the project's lock, observing the inputs into {@code seen}, and reports the
   * diagnostics when loading or compiling fails.
   *
   * @param waiting told when the run waits for another run's lock
   */
  Outcome generate(PlanOptions options, SeenInputs seen, Consumer<String> waiting)
      throws IOException {
    Loading loading = new Loading(options.env, options.allowDestroy, options.adopt, seen, null);
    return reported(new Outcome(
        Generation.run(Generation.Request.write(state(), waiting), loading),
        loading.externalReads));
  }

  /** How each run of {@code generate --watch} plans: as {@link #generate}, with a warm javac. */
  Generation.Planner watchPlanner(PlanOptions options, JavacSession javac) {
    return new Loading(options.env, options.allowDestroy, options.adopt, null, javac);
  }

  /**
   * Prints one run of {@code generate --watch} as a one-shot {@code generate} prints it, then
   * the run's one-line summary on stderr.
   */
  void reportWatchRun(WatchSession.Run run) {
    Generation.Outcome generation = run.outcome();
    if (generation != null && generation.status() == Generation.Status.WRITTEN) {
      report(generation.result(), summaries(generation.result()));
    } else if (generation != null && generation.status() == Generation.Status.INVALID) {
      report(new Outcome(generation, List.of()), List.of(), "");
    }
    // --quiet silences the progress line, but not the one that says a write was refused.
    boolean refused = generation == null || generation.status() == Generation.Status.NOT_WRITTEN;
    if (!options.quiet || refused) {
      err.println(run.summary());
      err.flush();
    }
  }

  private Outcome reported(Outcome outcome) {
    if (outcome.failed()) {
      report(outcome, List.of(), "");
    }
    return outcome;
  }

  private ProjectState state() {
    return ProjectState.of(options.projectFile());
  }

  /**
   * The CLI's way to plan: read {@code cfc.toml}, compile and load the DSL sources, observing
   * each group of inputs into {@code seen} (when not null) just before reading it.
   */
  private final class Loading implements Generation.Planner {

    private final String onlyEnvironment;
    private final boolean allowDestroy;
    private final boolean adopt;
    private final SeenInputs seen;
    private final JavacSession javac;
    private List<String> externalReads = List.of();

    Loading(
        String onlyEnvironment,
        boolean allowDestroy,
        boolean adopt,
        SeenInputs seen,
        JavacSession javac) {
      this.onlyEnvironment = onlyEnvironment;
      this.allowDestroy = allowDestroy;
      this.adopt = adopt;
      this.seen = seen;
      this.javac = javac;
    }

    @Override
    public Generation.Planned plan() throws IOException {
      beforeReading(NoChangeShortcut.projectFileRoot(options.projectFile()));
      ProjectConfig.Loaded loaded = ProjectConfig.load(options.projectFile());
      if (loaded.config() == null) {
        return Generation.Planned.failed(loaded.diagnostics());
      }
      ProjectConfig config = loaded.config();
      DefinitionLoader loader = new DefinitionLoader(
          state(), options.verbose ? err : null, config.definitionTimeout(), !writes, javac);
      beforeReading(NoChangeShortcut.sourcesRoot(config.projectDir().resolve(config.sourcesDir())));
      DefinitionLoader.Loaded definitions = loader.load(config.sourcesDir());
      if (definitions.diagnostics().stream().anyMatch(Diagnostic::isError)) {
        return Generation.Planned.failed(definitions.diagnostics());
      }
      if (onlyEnvironment != null && !config.environments().contains(onlyEnvironment)) {
        return Generation.Planned.failed(List.of(Diagnostic.error(
            "CFC207",
            Diagnostic.Location.of("cfc.toml"),
            "--env " + onlyEnvironment + " is not one of the environments in cfc.toml "
                + config.environments(),
            "add it to environments in cfc.toml, or pick one of those")));
      }
      externalReads = definitions.externalReads();
      return Generation.Planned.of(CompileRequest.from(config)
          .definitions(definitions.definitions())
          .onlyEnvironment(onlyEnvironment)
          .allowDestroy(allowDestroy)
          .adoptAll(adopt)
          .definitionFindings(definitions.diagnostics())
          .build());
    }

    @Override
    public void beforeCompile(CompileInputs inputs) throws IOException {
      beforeReading(NoChangeShortcut.compileRoots(inputs));
    }

    private void beforeReading(List<InputStates.Root> roots) throws IOException {
      if (seen != null) {
        seen.beforeReading(roots);
      }
    }
  }

  /** Reports a successful compile: its warnings, and {@code text} unless quiet. */
  void report(CompileResult result, String text) {
    report(result.diagnostics(), result.files(), text);
  }

  /**
   * Reports a successful compile whose {@code text} is the command's answer (a diff), printed
   * even with {@code --quiet}, which silences only progress summaries.
   */
  void answer(CompileResult result, String text) {
    report(result.diagnostics(), result.files(), "");
    if (format == OutputFormat.TEXT || format == OutputFormat.GITHUB) {
      out.print(text);
      out.flush();
    }
  }

  /**
   * Prints diagnostics (text to stderr; workflow commands to stdout) and, as JSON or SARIF,
   * the whole report to stdout.
   */
  void report(Outcome outcome, List<PlannedFile> files, String textFooter) {
    report(outcome.diagnostics(), files, textFooter);
  }

  private void report(List<Diagnostic> diagnostics, List<PlannedFile> files, String textFooter) {
    switch (format) {
      case JSON -> {
        out.println(json(diagnostics, files));
        out.flush();
        return;
      }
      case SARIF -> {
        out.print(CiAnnotations.sarif(diagnostics));
        out.flush();
        return;
      }
      case GITHUB -> {
        out.print(CiAnnotations.github(diagnostics));
        out.flush();
      }
      default -> diagnostics.forEach(diagnostic -> err.println(diagnostic.render()));
    }
    String failure = Diagnostic.failureSummary(diagnostics);
    if (failure != null) {
      err.println(failure);
    }
    err.flush();
    if (!options.quiet && textFooter != null && !textFooter.isEmpty()) {
      out.print(textFooter);
      out.flush();
    }
  }

  static String json(List<Diagnostic> diagnostics, List<PlannedFile> files) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : diagnostics) {
      ObjectNode node = list.addObject();
      node.put("code", d.code());
      node.put("severity", d.severity().label());
      node.put("message", d.message());
      node.put("file", d.location().file());
      node.put("line", d.location().line());
      node.put("column", d.location().column());
      node.put("hint", d.hint());
    }
    ArrayNode fileList = root.putArray("files");
    for (PlannedFile f : files) {
      ObjectNode node = fileList.addObject();
      node.put("path", f.displayName());
      node.put("status", f.status());
      node.put("summary", f.summary());
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  /** One summary line per changed file, or {@code no changes}. */
  static String summaries(CompileResult result) {
    return String.join("\n", result.summaryLines()) + "\n";
  }
}

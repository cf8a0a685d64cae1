package dev.cfc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.PlannedFile;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.codegen.ProjectState;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

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

  /** A run of a command that writes nothing into the project, not even the compile cache. */
  ProjectRun(CfcCommand options, PrintWriter out, PrintWriter err) {
    this(options, out, err, false);
  }

  /** @param writes whether the command writes the project (it may then cache compiled classes) */
  ProjectRun(CfcCommand options, PrintWriter out, PrintWriter err, boolean writes) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.writes = writes;
  }

  /**
   * The outcome of loading and compiling; {@code result} and {@code request} are null when
   * loading failed.
   *
   * @param externalReads what the definitions use besides their sources (see
   *     {@link DefinitionLoader.Loaded#externalReads})
   */
  record Outcome(CompileResult result, List<Diagnostic> loadDiagnostics, CompileRequest request,
      List<String> externalReads) {

    static Outcome failed(List<Diagnostic> diagnostics) {
      return new Outcome(null, diagnostics, null, List.of());
    }

    boolean failed() {
      return result == null || result.hasErrors();
    }

    List<Diagnostic> diagnostics() {
      return result == null ? loadDiagnostics : result.diagnostics();
    }

    /**
     * The exit code of a failed outcome: {@link Main#IO_ERROR} when the system could not read
     * a file, else {@link Main#INVALID}, the input's fault.
     */
    int failureExitCode() {
      return diagnostics().stream().anyMatch(Diagnostic::isIoFailure) ? Main.IO_ERROR
          : Main.INVALID;
    }
  }

  /** Loads and compiles the project with the given command-specific settings. */
  Outcome compile(String onlyEnvironment, boolean allowDestroy, boolean adopt)
      throws IOException {
    return compile(onlyEnvironment, allowDestroy, adopt, null);
  }

  /**
   * {@link #compile(String, boolean, boolean)}, observing each group of inputs into
   * {@code seen} (when not null) just before reading it.
   */
  Outcome compile(String onlyEnvironment, boolean allowDestroy, boolean adopt,
      SeenInputs seen) throws IOException {
    beforeReading(seen, NoChangeShortcut.projectFileRoot(options.projectFile()));
    ProjectConfig.Loaded loaded = ProjectConfig.load(options.projectFile());
    if (loaded.config() == null) {
      return Outcome.failed(loaded.diagnostics());
    }
    ProjectConfig config = loaded.config();
    DefinitionLoader loader = new DefinitionLoader(ProjectState.of(options.projectFile()),
        options.verbose ? err : null, config.definitionTimeout(), !writes);
    beforeReading(seen, NoChangeShortcut.sourcesRoot(
        config.projectDir().resolve(config.sourcesDir())));
    DefinitionLoader.Loaded definitions = loader.load(config.sourcesDir());
    if (definitions.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      return Outcome.failed(definitions.diagnostics());
    }
    if (onlyEnvironment != null && !config.environments().contains(onlyEnvironment)) {
      return Outcome.failed(List.of(Diagnostic.error("CFC207",
          Diagnostic.Location.of("cfc.toml"),
          "--env " + onlyEnvironment + " is not one of the environments in cfc.toml "
              + config.environments(),
          "add it to environments in cfc.toml, or pick one of those")));
    }
    CompileRequest request = CompileRequest.from(config)
        .definitions(definitions.definitions())
        .onlyEnvironment(onlyEnvironment)
        .allowDestroy(allowDestroy)
        .adoptAll(adopt)
        .definitionFindings(definitions.diagnostics())
        .build();
    beforeReading(seen, NoChangeShortcut.compileRoots(Compiler.inputs(request)));
    return new Outcome(Compiler.compile(request), List.of(), request,
        definitions.externalReads());
  }

  /**
   * Loads and compiles with the options of generate, check and diff, and reports the
   * diagnostics when that fails (the command then exits with
   * {@link Outcome#failureExitCode()}).
   */
  Outcome planOutcome(PlanOptions options) throws IOException {
    return planOutcome(options, null);
  }

  private static void beforeReading(SeenInputs seen, List<InputStates.Root> roots)
      throws IOException {
    if (seen != null) {
      seen.beforeReading(roots);
    }
  }

  /** {@link #planOutcome(PlanOptions)}, observing the inputs into {@code seen}. */
  Outcome planOutcome(PlanOptions options, SeenInputs seen) throws IOException {
    Outcome outcome = compile(options.env, options.allowDestroy, options.adopt, seen);
    if (outcome.failed()) {
      report(outcome, List.of(), "");
    }
    return outcome;
  }

  /** Reports a successful compile: its warnings, and {@code text} unless quiet. */
  void report(CompileResult result, String text) {
    report(new Outcome(result, List.of(), null, List.of()), result.files(), text);
  }

  /**
   * Reports a successful compile whose {@code text} is the command's answer (a diff), printed
   * even with {@code --quiet}, which silences only progress summaries.
   */
  void answer(CompileResult result, String text) {
    report(new Outcome(result, List.of(), null, List.of()), result.files(), "");
    if (!options.json) {
      out.print(text);
      out.flush();
    }
  }

  /** Prints diagnostics (text to stderr) and, in JSON mode, the whole report to stdout. */
  void report(Outcome outcome, List<PlannedFile> files, String textFooter) {
    if (options.json) {
      out.println(json(outcome.diagnostics(), files));
      out.flush();
      return;
    }
    for (Diagnostic diagnostic : outcome.diagnostics()) {
      err.println(diagnostic.render());
    }
    String failure = Diagnostic.failureSummary(outcome.diagnostics());
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

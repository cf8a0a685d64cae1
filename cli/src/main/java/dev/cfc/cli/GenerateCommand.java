package dev.cfc.cli;

import dev.cfc.codegen.ChangeSource;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Diffs;
import dev.cfc.codegen.Generation;
import dev.cfc.codegen.ProjectState;
import dev.cfc.codegen.WatchSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfc generate}: writes the wrangler config, TypeScript and Java. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Reconcile the wrangler config and write the generated TypeScript and Java.")
final class GenerateCommand implements Callable<Integer> {

  @ParentCommand
  CfcCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  PlanOptions plan;

  @Option(names = "--dry-run", description = "Print the diff instead of writing.")
  boolean dryRun;

  @Option(
      names = "--watch",
      description = "Keep running: generate again whenever a definition, cfc.toml, the wrangler"
          + " config or a Dockerfile changes, until Ctrl-C.")
  boolean watch;

  @Override
  public Integer call() throws Exception {
    OutputFormat format = root.format(spec.commandLine(), ProjectRun.DIAGNOSTIC_FORMATS);
    ProjectRun run = new ProjectRun(
        root, spec.commandLine().getOut(), spec.commandLine().getErr(), format, !dryRun);
    if (watch) {
      if (dryRun || format == OutputFormat.SARIF) {
        throw new ParameterException(
            spec.commandLine(),
            "--watch writes and prints each run as it ends: it cannot be combined with "
                + (dryRun ? "--dry-run" : "--format=sarif"));
      }
      return watch(run);
    }
    if (dryRun) {
      ProjectRun.Outcome outcome = run.planOutcome(plan);
      if (outcome.failed()) {
        return outcome.failureExitCode();
      }
      CompileResult result = outcome.result();
      run.answer(result, Diffs.withSummaries(result, plan.color()));
      return Main.OK;
    }
    // Planned and written under one lock: a concurrent run waits, then finds nothing to do.
    PrintWriter err = spec.commandLine().getErr();
    SeenInputs seen = new SeenInputs(NoChangeShortcut.cfcDir(root.projectFile()));
    ProjectRun.Outcome outcome = run.generate(plan, seen, waiting -> {
      err.println("cfc: " + waiting);
      err.flush();
    });
    if (outcome.generation().status() == Generation.Status.NOT_WRITTEN) {
      err.println("cfc: " + outcome.generation().failureMessage());
      return Main.IO_ERROR;
    }
    if (outcome.failed()) {
      return outcome.failureExitCode();
    }
    CompileResult result = outcome.result();
    String printed = ProjectRun.summaries(result);
    run.report(result, printed);
    // The fingerprint observes every input again and is saved only if each is as this run saw
    // it, so it needs no lock.
    if (result.changedFiles().isEmpty() && result.diagnostics().isEmpty()) {
      if (format == OutputFormat.TEXT) {
        saveFingerprint(outcome, seen, root.quiet ? "" : printed);
      }
    }
    return Main.OK;
  }

  /**
   * Generates, then again on every change, until Ctrl-C: the shutdown hook lets the run under
   * way finish its write before the process ends.
   */
  private int watch(ProjectRun run) throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    WatchSession session;
    try (ChangeSource changes = ChangeSource.fileSystem()) {
      session = WatchSession.builder(ProjectState.of(root.projectFile()), root.projectFile())
          .planner(javac -> run.watchPlanner(plan, javac))
          .waiting(waiting -> {
            err.println("cfc: " + waiting);
            err.flush();
          })
          .report(run::reportWatchRun)
          .changes(changes)
          .build();
      Thread stopOnExit = new Thread(session::stop, "cfc-watch-stop");
      Runtime.getRuntime().addShutdownHook(stopOnExit);
      try {
        session.run();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl-C: the hook is what ended the session.
        }
      }
    }
    return Main.OK;
  }

  /**
   * After a run that found nothing to do, lets the next identical command line answer without
   * compiling (see {@link NoChangeShortcut}). Failing to save it costs only speed.
   */
  private void saveFingerprint(ProjectRun.Outcome outcome, SeenInputs seen, String printed) {
    boolean shortcutOptions = !root.json && plan.env == null && !plan.allowDestroy && !plan.adopt;
    if (!shortcutOptions) {
      return;
    }
    NoChangeShortcut.Invocation invocation = new NoChangeShortcut.Invocation(
        root.projectFile().toAbsolutePath().normalize(), root.quiet, root.verbose);
    String notSaved;
    try {
      notSaved = NoChangeShortcut.record(
          invocation, seen, outcome.externalReads(), root.startedMillis, printed);
    } catch (IOException e) {
      notSaved = "cannot save " + invocation.fingerprintShown() + ": " + e.getMessage();
    }
    if (root.verbose) {
      spec.commandLine()
          .getErr()
          .println(
              notSaved == null
                  ? "cfc: saved " + invocation.fingerprintShown()
                      + ": until an input changes, `cfc generate`" + " answers without compiling"
                  : "cfc: no fingerprint: " + notSaved);
    }
  }
}

package dev.cfc.cli;

import dev.cfc.codegen.Diffs;
import dev.cfc.codegen.OutputWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfc generate}: writes the wrangler config, TypeScript and Java. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Reconcile the wrangler config and write the generated TypeScript and Java.")
final class GenerateCommand implements Callable<Integer> {

  @ParentCommand CfcCommand root;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Option(names = "--dry-run", description = "Print the diff instead of writing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    ProjectRun run = new ProjectRun(root, spec.commandLine().getOut(),
        spec.commandLine().getErr());
    ProjectRun.Outcome outcome = run.compile(plan.env, plan.allowDestroy, plan.adopt);
    if (outcome.failed()) {
      run.report(outcome, java.util.List.of(), "");
      return Main.INVALID;
    }
    if (dryRun) {
      run.report(outcome, outcome.result().files(),
          Diffs.unified(outcome.result(), plan.color()) + ProjectRun.summaries(outcome.result()));
      return Main.OK;
    }
    try {
      OutputWriter.write(root.projectFile().toAbsolutePath().getParent(), outcome.result());
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("cfc: nothing was written: " + e.getMessage());
      return Main.IO_ERROR;
    }
    run.report(outcome, outcome.result().files(), ProjectRun.summaries(outcome.result()));
    return Main.OK;
  }
}

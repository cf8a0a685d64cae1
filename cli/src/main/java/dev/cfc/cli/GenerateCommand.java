package dev.cfc.cli;

import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Diffs;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectLock;
import java.io.IOException;
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
    if (dryRun) {
      CompileResult result = run.plan(plan);
      if (result == null) {
        return Main.INVALID;
      }
      run.answer(result, Diffs.unified(result, plan.color()) + ProjectRun.summaries(result));
      return Main.OK;
    }
    // Planned and written under one lock: a concurrent run waits, then finds nothing to do.
    try (ProjectLock lock = ProjectLock.acquire(root.projectFile().toAbsolutePath().getParent())) {
      CompileResult result = run.plan(plan);
      if (result == null) {
        return Main.INVALID;
      }
      try {
        OutputWriter.write(lock, result);
      } catch (IOException e) {
        spec.commandLine().getErr().println("cfc: nothing was written: " + e.getMessage());
        return Main.IO_ERROR;
      }
      run.report(result, ProjectRun.summaries(result));
      return Main.OK;
    }
  }
}

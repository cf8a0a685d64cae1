package dev.cfc.cli;

import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Diffs;
import dev.cfc.codegen.Generation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfc check}: the CI gate; exit 3 with the diff when generated files are stale. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Fail (exit 3) with the diff when the checked-in files are stale.")
final class CheckCommand implements Callable<Integer> {

  @ParentCommand
  CfcCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  PlanOptions plan;

  @Override
  public Integer call() throws Exception {
    ProjectRun run = new ProjectRun(
        root,
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        root.format(spec.commandLine(), ProjectRun.DIAGNOSTIC_FORMATS));
    ProjectRun.Outcome outcome = run.planOutcome(plan);
    if (outcome.failed()) {
      return outcome.failureExitCode();
    }
    CompileResult result = outcome.result();
    if (outcome.generation().status() == Generation.Status.UP_TO_DATE) {
      run.report(result, "up to date\n");
      return Main.OK;
    }
    run.answer(
        result,
        Diffs.withSummaries(result, plan.color())
            + "stale: run `cfc generate" + (root.config == null ? "" : " --config " + root.config)
            + "` and commit the result\n");
    return Main.STALE;
  }
}

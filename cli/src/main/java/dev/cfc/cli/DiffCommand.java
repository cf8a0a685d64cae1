package dev.cfc.cli;

import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Diffs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfc diff}: prints what {@code generate} would change, as a unified diff. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Print the unified diff generate would apply.")
final class DiffCommand implements Callable<Integer> {

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
        root.format(
            spec.commandLine(), java.util.EnumSet.of(OutputFormat.TEXT, OutputFormat.JSON)));
    ProjectRun.Outcome outcome = run.planOutcome(plan);
    if (outcome.failed()) {
      return outcome.failureExitCode();
    }
    CompileResult result = outcome.result();
    String diff = Diffs.unified(result, plan.color());
    run.answer(result, diff.isEmpty() ? "no changes\n" : diff);
    return Main.OK;
  }
}

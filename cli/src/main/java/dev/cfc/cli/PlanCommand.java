package dev.cfc.cli;

import dev.cfc.codegen.ReviewPlan;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cfc plan}: what {@code generate} would change, summarised for a reviewer before any
 * diff. A command of its own rather than {@code diff --summary}: it has formats a diff has not
 * (markdown for a pull-request comment), and {@code diff} stays one unified diff a tool can
 * apply.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Summarise what generate would change, per environment, for a reviewer;"
        + " write nothing.")
final class PlanCommand implements Callable<Integer> {

  @ParentCommand
  CfcCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  PlanOptions plan;

  @Option(
      names = "--all",
      description = "List every vendored runtime file instead of one \"runtime updated\" line.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    OutputFormat format = root.format(
        spec.commandLine(),
        EnumSet.of(OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.JSON));
    // Diagnostics go to stderr as text: stdout holds only the plan, ready to post.
    ProjectRun run = new ProjectRun(
        root, spec.commandLine().getOut(), spec.commandLine().getErr(), OutputFormat.TEXT);
    ProjectRun.Outcome outcome = run.planOutcome(plan);
    if (outcome.failed()) {
      return outcome.failureExitCode();
    }
    run.answer(
        outcome.result(),
        ReviewPlan.of(outcome.result(), all)
            .render(
                switch (format) {
                  case MARKDOWN -> ReviewPlan.Format.MARKDOWN;
                  case JSON -> ReviewPlan.Format.JSON;
                  default -> ReviewPlan.Format.TEXT;
                }));
    return Main.OK;
  }
}

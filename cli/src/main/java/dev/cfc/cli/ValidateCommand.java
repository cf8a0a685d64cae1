package dev.cfc.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfc validate}: checks the definitions against the project, writes nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check the container definitions and the wrangler config; write nothing.")
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand
  CfcCommand root;

  @Spec
  CommandSpec spec;

  @Option(
      names = "--env",
      paramLabel = "<name>",
      description = "Check only this environment (and the top level).")
  String env;

  @Override
  public Integer call() throws Exception {
    ProjectRun run = new ProjectRun(
        root,
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        root.format(spec.commandLine(), ProjectRun.DIAGNOSTIC_FORMATS));
    ProjectRun.Outcome outcome = run.compile(env, false, false);
    String footer = outcome.failed()
        ? ""
        : "ok: " + outcome.result().files().size() + " planned file(s) valid\n";
    run.report(outcome, List.of(), footer);
    return outcome.failed() ? outcome.failureExitCode() : Main.OK;
  }
}

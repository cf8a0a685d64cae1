package dev.cfc.cli;

import dev.cfc.codegen.CfcVersion;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/** The top-level command; its options are inherited by every subcommand. */
@Command(
    name = "cfc",
    mixinStandardHelpOptions = true,
    versionProvider = CfcCommand.Version.class,
    description = "Compiles Cloudflare Containers declared in Java into wrangler config,"
        + " TypeScript and Java.",
    subcommands = {
      GenerateCommand.class,
      CheckCommand.class,
      DiffCommand.class,
      PlanCommand.class,
      ValidateCommand.class,
      ExplainCommand.class,
      InitCommand.class,
      ImportCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok (for check: nothing is stale)",
      "1:invalid input; diagnostics printed, nothing written",
      "2:usage error",
      "3:check: generated files are stale",
      "4:I/O or internal error"
    })
final class CfcCommand implements Runnable {

  @Option(
      names = "-C",
      paramLabel = "<dir>",
      scope = ScopeType.INHERIT,
      description = "Run in this project directory (default: the current directory).")
  Path directory = Path.of(".");

  @Option(
      names = "--config",
      paramLabel = "<cfc.toml>",
      scope = ScopeType.INHERIT,
      description = "The project file (default: cfc.toml in the project directory).")
  Path config;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print diagnostics and planned files as JSON; the same as --format=json.")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      scope = ScopeType.INHERIT,
      description = "How to print: text (default), json, github (GitHub Actions workflow"
          + " commands) or sarif (SARIF 2.1.0) for validate, check and generate; text,"
          + " markdown or json for plan.")
  OutputFormat format;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description =
          "Print no progress summaries: only diagnostics, and the diff of check, diff and --dry-run.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Explain what cfc does, such as whether javac ran or the cache was used.")
  boolean verbose;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** When the run began, before it read anything (see {@link NoChangeShortcut}). */
  final long startedMillis;

  CfcCommand(long startedMillis) {
    this.startedMillis = startedMillis;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The output format asked for, when {@code command} prints it.
   *
   * @throws ParameterException (exit 2) when the command does not print {@code --format}'s
   *     value, or {@code --json} contradicts it
   */
  OutputFormat format(picocli.CommandLine command, java.util.Set<OutputFormat> supported) {
    if (json && format != null && format != OutputFormat.JSON) {
      throw new ParameterException(
          command, "--json and --format=" + format + " contradict each other; give one");
    }
    OutputFormat chosen = json ? OutputFormat.JSON : format == null ? OutputFormat.TEXT : format;
    if (!supported.contains(chosen)) {
      throw new ParameterException(
          command,
          "this command does not print --format="
              + chosen + "; it prints "
              + supported.stream()
                  .map(OutputFormat::toString)
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    return chosen;
  }

  /** The project directory, absolute. */
  Path projectDir() {
    return directory.toAbsolutePath().normalize();
  }

  /** The project file to read. */
  Path projectFile() {
    return config != null ? projectDir().resolve(config) : projectDir().resolve("cfc.toml");
  }

  /** Supplies {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cfc " + CfcVersion.get()};
    }
  }
}

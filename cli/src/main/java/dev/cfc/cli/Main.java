package dev.cfc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** The {@code cfc} command: {@code java -jar cfc.jar <command>}. */
public final class Main {

  /** Everything succeeded, and for {@code check} nothing is stale. */
  static final int OK = 0;
  /** The input is invalid; diagnostics were printed and nothing was written. */
  static final int INVALID = 1;
  /** The command line could not be understood. */
  static final int USAGE = 2;
  /** {@code check}: a generated file is stale. */
  static final int STALE = 3;
  /** A file could not be read or written, or cfc itself failed. */
  static final int IO_ERROR = 4;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line with the given streams; returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    long startedMillis = System.currentTimeMillis();
    if (NoChangeShortcut.answer(args, out)) {
      return OK;
    }
    CommandLine cli = commandLine(startedMillis);
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  private static CommandLine commandLine(long startedMillis) {
    CommandLine cli = new CommandLine(new CfcCommand(startedMillis));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      IOException io = exception instanceof IOException e
          ? e
          : exception instanceof UncheckedIOException e ? e.getCause() : null;
      if (io != null) {
        // The system refused a read or write: its reason is the answer, not a bug to report.
        err.println("cfc: " + describe(io));
        err.flush();
        return IO_ERROR;
      }
      err.println("cfc: internal error: " + exception);
      CfcCommand root = commandLine.getCommandSpec().root().commandLine().getCommand();
      if (root.verbose) {
        exception.printStackTrace(err);
      } else {
        err.println("    run again with --verbose for the stack trace, and report it");
      }
      err.flush();
      return IO_ERROR;
    });
    cli.setParameterExceptionHandler((exception, args) -> {
      PrintWriter err = exception.getCommandLine().getErr();
      err.println("cfc: " + exception.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
      err.println(
          "    see `cfc " + String.join(" ", commandPath(exception.getCommandLine())) + " --help`");
      err.flush();
      return USAGE;
    });
    return cli;
  }

  /** {@code <file>: <reason>} as the operating system gave it, or the exception's message. */
  static String describe(IOException e) {
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      String reason = e instanceof AccessDeniedException
          ? "permission denied"
          : e instanceof NoSuchFileException
              ? "no such file or directory"
              : e instanceof FileAlreadyExistsException
                  ? "already exists"
                  : fs.getReason() != null ? fs.getReason() : "I/O error";
      return fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": "
          + reason;
    }
    return "I/O error: " + e.getMessage();
  }

  private static java.util.List<String> commandPath(CommandLine commandLine) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (CommandLine c = commandLine; c.getParent() != null; c = c.getParent()) {
      names.add(0, c.getCommandName());
    }
    return names;
  }
}

package dev.cfc.codegen;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about the user's input: a DSL value, a wrangler config or a project file.
 *
 * <p>Errors stop every write; warnings are reported and do not. Codes are stable ({@code CFC001}…)
 * and each is documented in {@code docs/diagnostics.md}; {@code cfc explain CODE} prints the entry.
 *
 * @param code stable code such as {@code CFC012}
 * @param severity whether the finding blocks writing
 * @param message what is wrong, naming the bad value
 * @param location where it was written; {@link Location#UNKNOWN} when there is no better place
 * @param hint how to fix it, or an empty string
 */
public record Diagnostic(
    String code, Severity severity, String message, Location location, String hint) {

  /** Orders diagnostics by file, line, column, then code, the order they are printed in. */
  public static final Comparator<Diagnostic> ORDER = Comparator.comparing(
          (Diagnostic d) -> d.location().file())
      .thenComparingInt(d -> d.location().line())
      .thenComparingInt(d -> d.location().column())
      .thenComparing(Diagnostic::code)
      .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    hint = hint == null ? "" : hint;
  }

  /** Shorthand for an error. */
  public static Diagnostic error(String code, Location location, String message, String hint) {
    return new Diagnostic(code, Severity.ERROR, message, location, hint);
  }

  /** Shorthand for a warning. */
  public static Diagnostic warning(String code, Location location, String message, String hint) {
    return new Diagnostic(code, Severity.WARNING, message, location, hint);
  }

  /**
   * {@code 2 errors, 1 warning; nothing was written}, the closing line of a failed run, or null
   * when none of the findings is an error.
   */
  public static String failureSummary(java.util.List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    if (errors == 0) {
      return null;
    }
    long warnings = diagnostics.size() - errors;
    return count(errors, "error") + (warnings > 0 ? ", " + count(warnings, "warning") : "")
        + "; nothing was written";
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * Whether this reports the operating system failing to read a file (permission denied, an
   * I/O error) rather than a mistake in the input: the CLI exits 4 for it, not 1.
   */
  public boolean isIoFailure() {
    return code.equals(dev.cfc.codegen.internal.InputFiles.IO_FAILURE);
  }

  /** Whether this finding stops all writes. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The text form editors and CI parse: {@code file:line:col: error CFC012: message}, then the
   * hint on following lines indented by four spaces.
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(location.render())
        .append(": ")
        .append(severity.label())
        .append(' ')
        .append(code)
        .append(": ")
        .append(message);
    if (!hint.isEmpty()) {
      for (String line : hint.split("\n", -1)) {
        out.append('\n').append("    ").append(line);
      }
    }
    return out.toString();
  }

  /** How serious a finding is. */
  public enum Severity {
    /** Stops every write; the CLI exits 1. */
    ERROR("error"),
    /** Reported; files are still written. */
    WARNING("warning");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    /** The lower-case word printed in the rendered form. */
    public String label() {
      return label;
    }
  }

  /**
   * A place in a file. Lines and columns count from 1; 0 means unknown and is left out when
   * rendered.
   *
   * @param file path relative to the project directory, with {@code /} separators
   * @param line 1-based line, or 0
   * @param column 1-based column, or 0
   */
  public record Location(String file, int line, int column) {
    /** Used when a finding has no source position at all. */
    public static final Location UNKNOWN = new Location("<unknown>", 0, 0);

    public Location {
      Objects.requireNonNull(file, "file");
    }

    /** A whole file, no position. */
    public static Location of(String file) {
      return new Location(file, 0, 0);
    }

    /** {@code file:line:col}, {@code file:line} or {@code file}, as far as known. */
    public String render() {
      if (line <= 0) {
        return file;
      }
      return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
  }
}

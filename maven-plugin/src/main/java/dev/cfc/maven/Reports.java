package dev.cfc.maven;

import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.PlannedFile;
import java.util.List;

/** The text the goals log, worded as the CLI prints it. */
final class Reports {

  private Reports() {}

  /**
   * One summary line per planned file that changes (files with an empty summary, such as all but
   * one of the TypeScript files, share another's line), or {@code no changes}.
   */
  static List<String> summaries(CompileResult result) {
    List<String> lines = result.changedFiles().stream().map(PlannedFile::summary)
        .filter(summary -> !summary.isEmpty()).toList();
    return lines.isEmpty() ? List.of("no changes") : lines;
  }

  /** {@code 1 error, 2 warnings; nothing was written}, or null when nothing is an error. */
  static String errorSummary(List<Diagnostic> diagnostics) {
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
}

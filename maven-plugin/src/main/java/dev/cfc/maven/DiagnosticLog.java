package dev.cfc.maven;

import dev.cfc.codegen.Diagnostic;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Prints findings in Maven's log with the CLI's text: errors as errors, the rest as warnings. */
final class DiagnosticLog {

  private DiagnosticLog() {}

  static void log(Log log, List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      if (diagnostic.isError()) {
        log.error(diagnostic.render());
      } else {
        log.warn(diagnostic.render());
      }
    }
  }
}

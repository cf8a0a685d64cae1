package dev.cfc.cli;

import dev.cfc.codegen.DiagnosticCatalog;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cfc explain CFC012}: prints the catalogue entry of a diagnostic code. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain a diagnostic code: what it means, an example and the fix.")
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "CODE", description = "A code such as CFC012.")
  String code;

  @Override
  public Integer call() {
    Optional<String> entry = DiagnosticCatalog.entry(code);
    if (entry.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("cfc: no diagnostic code " + code
              + "; codes look like CFC012 (see docs/diagnostics.md)");
      return Main.USAGE;
    }
    spec.commandLine().getOut().print(entry.get());
    spec.commandLine().getOut().flush();
    return Main.OK;
  }
}

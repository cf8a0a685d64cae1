package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.DiagnosticCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cfc explain} prints the diagnostics catalogue the compiler is checked against, whole. */
class ExplainCommandTest {

  @Test
  void explainPrintsEveryCatalogueEntryExactlyAsCatalogued() {
    Map<String, String> entries = DiagnosticCatalog.entries();
    assertThat(entries).hasSizeGreaterThan(40);
    entries.forEach((code, entry) -> {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.run(
          new String[] {"explain", code.toLowerCase(Locale.ROOT)},
          new PrintWriter(out),
          new PrintWriter(err));
      assertThat(exit).as(code).isEqualTo(Main.OK);
      assertThat(out.toString()).as(code).isEqualTo(entry);
      assertThat(err.toString()).as(code).isEmpty();
    });
  }
}

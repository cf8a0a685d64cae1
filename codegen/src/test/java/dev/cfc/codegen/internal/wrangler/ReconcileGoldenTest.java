package dev.cfc.codegen.internal.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.GoldenDirectory;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case under {@code src/test/resources/reconcile/} and {@code reconcile-jsonc/}, one
 * promise for both backends: the output and findings match the expectations, an error leaves the
 * input as it was, a second run on the output changes nothing, and line endings are the input's
 * ({@code -Dcfc.updateGoldens=true} rewrites the expectations).
 */
class ReconcileGoldenTest {

  private static final boolean UPDATE = GoldenDirectory.UPDATE;

  @TestFactory
  Stream<DynamicTest> goldenCases() {
    return GoldenCase.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(GoldenCase c) {
    ReconcileOutcome outcome = c.run();
    String report = GoldenCase.report(outcome);
    Path expectedConfig = c.expected();
    Path expectedOut = c.dir().resolve("expected.out");
    if (UPDATE) {
      GoldenCase.write(expectedConfig, outcome.newText());
      GoldenCase.write(expectedOut, report);
    }
    assertThat(expectedConfig)
        .as("an input without its expected output: review the case, then"
            + " write it with -Dcfc.updateGoldens=true")
        .exists();
    assertThat(outcome.newText()).as("config").isEqualTo(GoldenCase.read(expectedConfig));
    assertThat(report).as("summary and diagnostics").isEqualTo(GoldenCase.read(expectedOut));

    if (outcome.hasErrors()) {
      assertThat(outcome.newText()).as("nothing written on error").isEqualTo(c.input());
      assertThat(outcome.managedClasses()).isEqualTo(c.previouslyManaged());
      return;
    }
    if (c.input().contains("\r\n")) {
      assertThat(outcome.newText().replace("\r\n", "")).as("CRLF kept").doesNotContain("\n");
    } else {
      assertThat(outcome.newText()).as("LF line endings").doesNotContain("\r");
    }
    // The second run reads what the first recorded in cfc.lock: the classes and their keys.
    ReconcileOutcome again = new WranglerReconciler()
        .run(
            c.source(outcome.newText()),
            c.desired(),
            outcome.managedClasses(),
            outcome.writtenKeys());
    assertThat(again.diagnostics()).as("second run findings").isEmpty();
    assertThat(again.newText()).as("second run is a no-op").isEqualTo(outcome.newText());
    assertThat(again.summary().isEmpty()).as("second run summary").isTrue();
    assertThat(again.summary().render()).isEqualTo(c.fileName() + ": no changes");
  }
}

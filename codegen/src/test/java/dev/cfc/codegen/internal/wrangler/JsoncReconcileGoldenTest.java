package dev.cfc.codegen.internal.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case under {@code src/test/resources/reconcile-jsonc/}: {@code input.jsonc} (or {@code
 * input.json}) and {@code desired.toml} (the same format as the TOML cases, see {@link
 * GoldenCase}); the config after reconcile must equal {@code expected.jsonc} ({@code .json}) and
 * the summary and diagnostics {@code expected.out}; a second run on the output changes nothing,
 * and line endings are the input's. {@code -Dcfc.updateGoldens=true} rewrites the expectations.
 */
class JsoncReconcileGoldenTest {

  static final Path ROOT = Path.of("src/test/resources/reconcile-jsonc");
  private static final boolean UPDATE = Boolean.getBoolean("cfc.updateGoldens");

  /** One case: the config file name decides the backend ({@code wrangler.jsonc} or {@code .json}). */
  record Case(String name, Path dir, String extension, String input, DesiredState desired,
      Set<String> previouslyManaged) {

    String fileName() {
      return "wrangler." + extension;
    }

    Path expected() {
      return dir.resolve("expected." + extension);
    }

    ReconcileOutcome run(String text, Set<String> managed) {
      return run(text, managed, WrittenKeys.none());
    }

    ReconcileOutcome run(String text, Set<String> managed, WrittenKeys written) {
      return new WranglerReconciler().run(new ConfigSource(Path.of(fileName()), text), desired,
          managed, written);
    }
  }

  static List<Case> all() {
    try (var dirs = Files.list(ROOT)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("desired.toml")))
          .sorted()
          .map(JsoncReconcileGoldenTest::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Case load(Path dir) {
    String extension = Files.exists(dir.resolve("input.json")) ? "json" : "jsonc";
    GoldenCase.Desired desired = GoldenCase.readDesired(dir);
    return new Case(dir.getFileName().toString(), dir, extension,
        GoldenCase.read(dir.resolve("input." + extension)), desired.state(),
        desired.previouslyManaged());
  }

  @TestFactory
  Stream<DynamicTest> goldenCases() {
    return all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) {
    ReconcileOutcome outcome = c.run(c.input(), c.previouslyManaged());
    String report = GoldenCase.report(outcome);
    Path expectedConfig = c.expected();
    Path expectedOut = c.dir().resolve("expected.out");
    if (UPDATE) {
      GoldenCase.write(expectedConfig, outcome.newText());
      GoldenCase.write(expectedOut, report);
    }
    assertThat(expectedConfig).as("an input without its expected output: review the case, then"
        + " write it with -Dcfc.updateGoldens=true").exists();
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
    ReconcileOutcome again = c.run(outcome.newText(), outcome.managedClasses(),
        outcome.writtenKeys());
    assertThat(again.diagnostics()).as("second run findings").isEmpty();
    assertThat(again.newText()).as("second run is a no-op").isEqualTo(outcome.newText());
    assertThat(again.summary().render()).isEqualTo(c.fileName() + ": no changes");
  }
}

package dev.cfc.codegen.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.cfc.codegen.GoldenDirectory;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.PlannedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cfc generate} through the whole product, one case per directory under
 * {@code src/test/resources/golden/}: a project with real DSL sources is loaded, compiled and
 * written exactly as the CLI does it, and what it prints, writes and deletes must match the
 * case's expectations. Failing runs must plan nothing and leave the project byte-identical;
 * successful ones must write LF-only files, touch nothing else, and leave nothing stale for a
 * second run. {@code -Dcfc.updateGoldens=true} rewrites the expectations from the current
 * behaviour (review the diff like code).
 */
class GoldenProjectTest {

  static final boolean UPDATE = GoldenDirectory.UPDATE;

  static Stream<GoldenCase> cases() {
    List<GoldenCase> all = GoldenCase.all();
    assertThat(all).as("golden cases").isNotEmpty();
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generateMatchesTheGoldenCase(GoldenCase golden, @TempDir Path temp) throws IOException {
    if (golden.knownBug == null) {
      check(golden, temp.resolve("project"), UPDATE);
      return;
    }
    try {
      // the expectations of a known bug show the correct behaviour: never rewrite them
      check(golden, temp.resolve("project"), false);
    } catch (AssertionError expected) {
      Assumptions.abort("known bug: " + golden.knownBug + "\n" + expected.getMessage());
    }
    fail(golden.name + " passes now: remove knownBug from its case.properties");
  }

  /**
   * Changing one value in the DSL changes exactly one line of the wrangler config: the
   * {@code field-changed} cases (one {@code maxInstances}) and the {@code --env staging} cases
   * (one environment's {@code maxInstances}, while production's change is not this run's).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "field-changed/wrangler.toml",
        "field-changed-jsonc/wrangler.jsonc",
        "environments-only-staging/wrangler.toml",
        "environments-only-staging-jsonc/wrangler.jsonc"
      })
  void changingOneDslValueChangesExactlyOneWranglerLine(String caseAndConfig) throws IOException {
    GoldenCase golden = GoldenCase.load(caseAndConfig.substring(0, caseAndConfig.indexOf('/')));
    String config = caseAndConfig.substring(caseAndConfig.indexOf('/') + 1);
    List<String> before = Files.readAllLines(golden.input().resolve(config));
    List<String> after = Files.readAllLines(golden.expectedDir().resolve(config));
    List<AbstractDelta<String>> deltas = DiffUtils.diff(before, after).getDeltas();
    assertThat(deltas).as("changes to " + config).hasSize(1);
    AbstractDelta<String> delta = deltas.get(0);
    assertThat(delta.getType()).isEqualTo(DeltaType.CHANGE);
    assertThat(delta.getSource().size()).isEqualTo(1);
    assertThat(delta.getTarget().size()).isEqualTo(1);
  }

  private static void check(GoldenCase golden, Path project, boolean update) throws IOException {
    golden.copyInputTo(project);
    Map<String, byte[]> before = GoldenCase.tree(project);
    GoldenCase.Run run = golden.compile(project);

    Path expectedOutput = golden.dir.resolve("expected-output.txt");
    if (run.failed()) {
      expectText(expectedOutput, run.output(), "printed output", update);
      if (run.result() != null) {
        assertThat(run.result().files()).as("files planned by a failed run").isEmpty();
      }
      assertThat(asText(GoldenCase.tree(project)))
          .as("project after a failed run")
          .isEqualTo(asText(before));
      if (update) {
        deleteRecursively(golden.expectedDir());
        Files.deleteIfExists(golden.dir.resolve("expected-deleted.txt"));
      }
      assertThat(golden.expectedDir()).as("expected/ of a failing case").doesNotExist();
      assertThat(golden.dir.resolve("expected-deleted.txt")).doesNotExist();
      return;
    }
    if (Files.isRegularFile(expectedOutput)
        && Files.readString(expectedOutput, StandardCharsets.UTF_8)
            .contains("nothing was written")) {
      expectText(expectedOutput, run.output(), "printed output", update); // expected to fail
    }

    Map<String, String> written = new TreeMap<>();
    Map<String, String> compared = new TreeMap<>();
    List<String> deleted = new ArrayList<>();
    List<String> runtimeCopies = new ArrayList<>();
    for (PlannedFile file : run.result().changedFiles()) {
      String relative = project.relativize(file.path()).toString().replace('\\', '/');
      if (file.after() == null) {
        deleted.add(relative);
        continue;
      }
      written.put(relative, file.after());
      if (GoldenCase.isRuntimeCopy(relative)) {
        runtimeCopies.add(relative);
      } else {
        compared.put(relative, GoldenCase.withVersionToken(file.after()));
      }
    }
    expectFiles(golden, compared, update);
    expectText(
        golden.dir.resolve("expected-deleted.txt"),
        deleted.isEmpty() ? null : String.join("\n", deleted) + "\n",
        "deleted files",
        update);

    OutputWriter.write(project, run.result());

    Map<String, String> after = asText(GoldenCase.tree(project));
    Map<String, String> expectedAfter = asText(before);
    deleted.forEach(expectedAfter::remove);
    expectedAfter.putAll(written);
    assertThat(after)
        .as("the project after generate: planned files written, nothing else" + " touched")
        .isEqualTo(expectedAfter);
    runtimeCopies.forEach(path -> assertThat(project.resolve(path)).isRegularFile());
    written.forEach((path, content) ->
        assertThat(content.indexOf('\r')).as(path + " has LF line endings only").isEqualTo(-1));

    GoldenCase.Run second = golden.compile(project);
    assertThat(second.failed()).as("second run failed:\n" + second.output()).isFalse();
    assertThat(second.result().changedFiles())
        .as("files a second run would change")
        .isEmpty();
    assertThat(second.result().isStale()).isFalse();
    assertThat(second.result().summaryLines()).containsExactly("no changes");

    // last, so that a known bug in the printed output does not hide a wrong file
    expectText(expectedOutput, run.output(), "printed output", update);
  }

  private static void expectFiles(GoldenCase golden, Map<String, String> actual, boolean update)
      throws IOException {
    Path dir = golden.expectedDir();
    if (update) {
      deleteRecursively(dir);
      for (Map.Entry<String, String> file : actual.entrySet()) {
        Path to = dir.resolve(file.getKey());
        Files.createDirectories(to.getParent());
        Files.writeString(to, file.getValue(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> expected = asText(GoldenCase.tree(dir));
    assertThat(actual.keySet())
        .as("files the run creates or changes (besides cfc-*.ts)")
        .containsExactlyElementsOf(expected.keySet());
    actual.forEach((path, content) ->
        assertThat(content).as("expected/" + path).isEqualTo(expected.get(path)));
  }

  /** Compares {@code actual} with a file, null meaning the file must not exist. */
  static void expectText(Path file, String actual, String what, boolean update) throws IOException {
    if (update) {
      if (actual == null) {
        Files.deleteIfExists(file);
      } else {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
    }
    if (actual == null) {
      assertThat(file).as(what).doesNotExist();
      return;
    }
    assertThat(file)
        .as(what + ": " + file.getFileName() + " is missing (run with"
            + " -Dcfc.updateGoldens=true)")
        .isRegularFile();
    assertThat(actual).as(what).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  static Map<String, String> asText(Map<String, byte[]> tree) {
    Map<String, String> text = new TreeMap<>();
    tree.forEach((path, bytes) -> text.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return text;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

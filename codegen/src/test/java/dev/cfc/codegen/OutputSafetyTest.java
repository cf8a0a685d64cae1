package dev.cfc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfc.codegen.internal.AtomicWrite;
import dev.cfc.codegen.internal.WriteJournal;
import dev.cfc.codegen.internal.WriteSteps;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link OutputWriter} never does to a project: replace a file cfc did not write, turn a
 * symbolic link into a copy, overwrite an edit saved while it ran, or leave a half-written
 * project behind after a crash.
 */
class OutputSafetyTest {

  private static final String WRANGLER = """
      name = "shop"
      main = "src/index.ts"
      compatibility_date = "2025-11-17"
      """;

  @TempDir
  Path temp;

  private Path project;

  private static List<ContainerDefinition> definitions() {
    return List.of(
        Container.define("api")
            .image(Image.registry("registry.cloudflare.com/shop/api:1.0"))
            .build(),
        Container.define("worker")
            .image(Image.registry("registry.cloudflare.com/shop/worker:1.0"))
            .build());
  }

  private Path project() throws IOException {
    project = Files.createDirectories(temp.resolve("project"));
    Files.writeString(project.resolve("wrangler.toml"), WRANGLER);
    return project;
  }

  private CompileResult compile(String typescriptOut) {
    return Compiler.compile(CompileRequest.builder(project)
        .definitions(definitions())
        .typescriptOut(project.resolve(typescriptOut))
        .build());
  }

  @Test
  void aHandWrittenFileWhereCfcGeneratesOneIsRefusedWithItsLocationAndNothingIsWritten()
      throws IOException {
    project();
    String worker = "export default { fetch() { return new Response(\"hi\"); } };\n";
    Files.createDirectories(project.resolve("src"));
    Files.writeString(project.resolve("src/index.ts"), worker);
    Map<String, String> before = tree(project);

    CompileResult result = compile("src");

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("CFC220");
      assertThat(d.render())
          .startsWith("src/index.ts:1:1: error CFC220: src/index.ts was not" + " written by cfc")
          .contains("typescript-out", "\"src/_generated\"");
    });
    assertThat(result.files()).isEmpty();
    assertThat(tree(project)).isEqualTo(before);
  }

  @Test
  void aHandWrittenJavaFileInJavaOutIsRefusedToo() throws IOException {
    project();
    Path accessor = project.resolve("gen/app/generated/ApiContainerConfig.java");
    Files.createDirectories(accessor.getParent());
    Files.writeString(accessor, "package app.generated;\nclass ApiContainerConfig {}\n");

    CompileResult result = Compiler.compile(CompileRequest.builder(project)
        .definitions(definitions())
        .javaOut(project.resolve("gen"))
        .build());

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("CFC220");
    assertThat(result.diagnostics().get(0).location().file())
        .isEqualTo("gen/app/generated/ApiContainerConfig.java");
  }

  @Test
  void aSymlinkedConfigStaysALinkAndItsTargetGetsTheNewContent() throws IOException {
    project();
    Path shared = Files.createDirectories(temp.resolve("shared")).resolve("wrangler.toml");
    Files.move(project.resolve("wrangler.toml"), shared);
    Path link = Files.createSymbolicLink(
        project.resolve("wrangler.toml"), Path.of("../shared/wrangler.toml"));

    OutputWriter.write(project, compile("src/_generated"));

    assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../shared/wrangler.toml"));
    assertThat(Files.readString(shared)).contains("class_name = \"ApiContainer\"");
    assertThat(compile("src/_generated").isStale())
        .as("a second run finds nothing to do")
        .isFalse();
    assertThat(leftovers(temp)).isEmpty();
  }

  @Test
  void aSymlinkedGeneratedFileIsWrittenThroughAndAStaleOneLosesOnlyItsLink() throws IOException {
    project();
    OutputWriter.write(project, compile("src/_generated"));
    Path generated = project.resolve("src/_generated");
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Files.move(generated.resolve("ApiContainer.ts"), elsewhere.resolve("ApiContainer.ts"));
    Path apiLink = Files.createSymbolicLink(
        generated.resolve("ApiContainer.ts"), elsewhere.resolve("ApiContainer.ts"));
    Files.writeString(elsewhere.resolve("ApiContainer.ts"), "// Generated by cfc 0.0.1.\n");
    Files.writeString(elsewhere.resolve("OldContainer.ts"), "// Generated by cfc 0.0.1.\n");
    Path staleLink = Files.createSymbolicLink(
        generated.resolve("OldContainer.ts"), elsewhere.resolve("OldContainer.ts"));

    CompileResult result = compile("src/_generated");
    assertThat(result.changedFiles())
        .extracting(PlannedFile::status)
        .containsExactlyInAnyOrder("updated", "deleted");
    OutputWriter.write(project, result);

    assertThat(Files.isSymbolicLink(apiLink)).isTrue();
    assertThat(Files.readString(elsewhere.resolve("ApiContainer.ts")))
        .contains("class ApiContainer");
    assertThat(Files.exists(staleLink, LinkOption.NOFOLLOW_LINKS))
        .as("stale link")
        .isFalse();
    assertThat(elsewhere.resolve("OldContainer.ts"))
        .as("the file it pointed to")
        .exists();
  }

  @Test
  void aFileEditedRightBeforeItsMoveStopsTheWriteAndTheFilesMovedBeforeItAreRolledBack()
      throws IOException {
    project();
    CompileResult result = compile("src/_generated");
    List<PlannedFile> changed = result.changedFiles();
    assertThat(changed.get(0).displayName()).isEqualTo("wrangler.toml");
    Map<String, String> before = tree(project);
    Path edited = changed.get(1).path();
    String editorSaved = "# cfc.lock as an editor saved it\n";

    WriteSteps editor = new WriteSteps() {
      @Override
      public void beforeMove(Path target) {
        if (target.equals(edited)) {
          write(target, editorSaved);
        }
      }
    };
    assertThatThrownBy(() -> AtomicWrite.write(journal(), changed, editor))
        .isInstanceOf(IOException.class)
        .hasMessage("cfc.lock changed while cfc ran; run the command again");

    Map<String, String> expected = new TreeMap<>(before);
    expected.put("cfc.lock", editorSaved);
    assertThat(tree(project)).as("the edit kept, every other file as before").isEqualTo(expected);
    assertThat(project.resolve("src")).as("the directories the write made").doesNotExist();
    assertThat(leftovers(project)).isEmpty();
  }

  @Test
  void aWriteStoppedAfterAnyStepIsRolledBackByTheNextLockHolder() throws IOException {
    project();
    CompileResult result = compile("src/_generated");
    Map<String, String> before = tree(project);
    int steps = countSteps(result);
    assertThat(steps)
        .as("journal, directories, a temp file per file, the moving marker, a move per file,"
            + " commit")
        .isEqualTo(2 + 1 + 2 * result.changedFiles().size() + 1 + 1);
    for (int n = 1; n < steps; n++) {
      crashAfter(n, result);
      // Until the journal is in place (step 2) no file has been touched.
      assertThat(compile("src/_generated").diagnostics())
          .as("a read-only run after a crash after step %d", n)
          .extracting(Diagnostic::code)
          .isEqualTo(n < 2 ? List.of() : List.of("CFC221"));

      ProjectLock.acquire(project).close();

      assertThat(tree(project)).as("after a crash after step %d", n).isEqualTo(before);
      assertThat(leftovers(project)).isEmpty();
    }
  }

  @Test
  void anInterruptedWriteWhoseFileWasEditedSinceIsNotRolledBack() throws IOException {
    project();
    CompileResult result = compile("src/_generated");
    crashAfter(2 + 1 + result.changedFiles().size() + 1 + 1, result);
    Path config = project.resolve("wrangler.toml");
    assertThat(Files.readString(config)).as("moved before the crash").contains("ApiContainer");
    Files.writeString(config, Files.readString(config) + "# edited after the crash\n");
    Map<String, String> afterEdit = tree(project);

    assertThatThrownBy(() -> ProjectLock.acquire(project))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("wrangler.toml was changed after cfc replaced it")
        .hasMessageContaining(".cfc/journal");
    assertThat(tree(project)).isEqualTo(afterEdit);
  }

  @Test
  void aFileEditedAfterAWriteStoppedBeforeAnyMoveIsKeptAndTheJournalCleared() throws IOException {
    project();
    CompileResult result = compile("src/_generated");
    Map<String, String> before = tree(project);
    // Journal (2) and directories (1): no temporary file is written, nothing has moved.
    crashAfter(2 + 1, result);
    Path config = project.resolve("wrangler.toml");
    Files.writeString(config, Files.readString(config) + "# edited after the crash\n");

    ProjectLock.acquire(project).close();

    Map<String, String> expected = new TreeMap<>(before);
    expected.put("wrangler.toml", before.get("wrangler.toml") + "# edited after the crash\n");
    assertThat(tree(project)).as("the edit kept, nothing else changed").isEqualTo(expected);
    assertThat(leftovers(project)).isEmpty();
  }

  @Test
  void aFileThatMovedIsRolledBackEvenWhenTheMovingMarkerWasLost() throws IOException {
    project();
    CompileResult result = compile("src/_generated");
    Map<String, String> before = tree(project);
    // Journal (2), directories (1), the temporary files, the marker (1), then one move.
    crashAfter(2 + 1 + result.changedFiles().size() + 1 + 1, result);
    Files.delete(WriteJournal.movingOf(journal()));

    ProjectLock.acquire(project).close();

    assertThat(tree(project)).isEqualTo(before);
    assertThat(leftovers(project)).isEmpty();
  }

  @Test
  void aProjectFileOfItsOwnKeepsItsJournalInItsOwnStateAndReadOnlyRunsNameIt() throws IOException {
    project();
    ProjectState api = ProjectState.of(project.resolve("cfc.api.toml"));
    CompileResult result = compile("src/_generated");
    crashAfter(4, result, api.journalFile());
    assertThat(api.journalFile())
        .isEqualTo(project.resolve(".cfc/projects/cfc.api/journal"))
        .exists();

    assertThat(compile("src/_generated").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("CFC221");
      assertThat(d.location().file()).isEqualTo(".cfc/projects/cfc.api/journal");
      assertThat(d.hint()).contains("cfc generate --config cfc.api.toml");
    });
    ProjectLock.acquire(api).close();
    assertThat(leftovers(project)).isEmpty();
  }

  private Path journal() {
    return ProjectState.ofDefault(project).journalFile();
  }

  private void crashAfter(int n, CompileResult result) throws IOException {
    crashAfter(n, result, journal());
  }

  /** A crash as the CLI's halt hook makes one, in process: the write stops, nothing cleans up. */
  private void crashAfter(int n, CompileResult result, Path journal) throws IOException {
    class Crash extends Error {}
    WriteSteps crash = new WriteSteps() {
      int count;

      @Override
      public void reached(String step, Path file) {
        if (++count == n) {
          throw new Crash();
        }
      }
    };
    try {
      AtomicWrite.write(journal, result.changedFiles(), crash);
    } catch (Crash expected) {
      return;
    }
    throw new AssertionError("the write finished before step " + n);
  }

  private int countSteps(CompileResult result) throws IOException {
    Path copy = temp.resolve("count");
    copyTree(project, copy);
    int[] count = {0};
    List<PlannedFile> moved = result.changedFiles().stream()
        .map(f -> new PlannedFile(
            copy.resolve(project.relativize(f.path())),
            f.displayName(),
            f.before(),
            f.after(),
            f.summary()))
        .toList();
    AtomicWrite.write(ProjectState.ofDefault(copy).journalFile(), moved, new WriteSteps() {
      @Override
      public void reached(String step, Path file) {
        count[0]++;
      }
    });
    return count[0];
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file outside {@code .cfc}, relative path → content. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(path).toString();
        if (!relative.startsWith(".cfc")) {
          files.put(relative, Files.readString(path));
        }
      }
    }
    return files;
  }

  /** Temporary files and journals a write left. */
  static List<String> leftovers(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.map(p -> root.relativize(p).toString())
          .filter(name -> name.endsWith(".cfc-tmp") || name.startsWith(".cfc/journal"))
          .toList();
    }
  }
}

package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during {@code cfc generate}, at every step of its write: the packaged jar runs
 * in a child JVM that stops itself (as {@code kill -9} would, no cleanup) after step N of the
 * write, for every N until a run completes. After each crash every file is its old or its new
 * version, {@code cfc check} reports the interrupted write (CFC221) instead of judging the mixed
 * files, and the next {@code cfc generate} rolls back to the old set (it prints the summary of a
 * run on the untouched project) and then writes the new set, leaving no temporary file. A kill
 * after the journal is deleted (the commit) leaves the new set, and the next run finds nothing
 * to do.
 */
class CrashRecoveryIT {

  private static final String HALT = "-Dcfc.test.haltAfterStep=";
  private static final int KILLED = 137;

  @TempDir
  Path work;

  private final Path root =
      Path.of(System.getProperty("cfc.it.root", "..")).toAbsolutePath().normalize();

  record Run(int exitCode, String out, String err) {}

  @Test
  void aGenerateKilledAfterAnyWriteStepIsRolledBackAndRedoneByTheNextRun() throws Exception {
    Path pristine = work.resolve("pristine");
    copy(root.resolve("examples/quickstart"), pristine);
    // Compiles the definitions once into .cfc/cache, which every copy below reuses.
    assertThat(cfc(pristine, null, "validate").exitCode()).isZero();
    Map<String, String> oldSet = tree(pristine);

    Path reference = work.resolve("reference");
    copy(pristine, reference);
    Run complete = cfc(reference, null, "generate");
    assertThat(complete.exitCode()).as(complete.err()).isZero();
    Map<String, String> newSet = tree(reference);
    assertThat(newSet).containsKeys("cfc.lock", "src/_generated/index.ts");

    int steps = 0;
    for (int n = 1; n < 100; n++) {
      Path project = work.resolve("crash" + n);
      copy(pristine, project);
      Run crashed = cfc(project, n, "generate");
      if (crashed.exitCode() == 0) {
        assertThat(tree(project)).isEqualTo(newSet);
        steps = n - 1;
        break;
      }
      assertThat(crashed.exitCode())
          .as("killed after step %d: %s", n, crashed.err())
          .isEqualTo(KILLED);
      Map<String, String> mixed = tree(project);
      for (Map.Entry<String, String> file : mixed.entrySet()) {
        assertThat(file.getValue())
            .as("%s after a kill after step %d", file.getKey(), n)
            .isIn(oldSet.get(file.getKey()), newSet.get(file.getKey()));
      }

      boolean pending = Files.exists(project.resolve(".cfc/journal"));
      if (pending) {
        Run check = cfc(project, null, "check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).contains("error CFC221").doesNotContain("CFC102");
      } else {
        assertThat(mixed)
            .as("without a journal, after a kill after step %d", n)
            .isIn(oldSet, newSet);
      }

      Run next = cfc(project, null, "generate");
      assertThat(next.exitCode()).as(next.err()).isZero();
      // Rolled back to the old set, the run writes everything; past the commit, nothing.
      assertThat(next.out())
          .as("the run after a kill after step %d", n)
          .isEqualTo(pending || mixed.equals(oldSet) ? complete.out() : "no changes\n");
      assertThat(tree(project)).isEqualTo(newSet);
      assertThat(leftovers(project)).isEmpty();
    }
    assertThat(steps)
        .as("journal, directories, a temp file and a move per file, commit")
        .isGreaterThan(10);
  }

  @Test
  void aRollbackKilledHalfwayIsFinishedByTheRunAfter() throws Exception {
    Path project = work.resolve("project");
    copy(root.resolve("examples/quickstart"), project);
    Map<String, String> oldSet = tree(project);
    // Journal (2), directories (1), temp files, the moving marker (1): stop after the config and
    // cfc.lock moved.
    Run first = cfc(project, null, "generate", "--dry-run");
    assertThat(first.exitCode()).isZero();
    int files =
        (int) first.out().lines().filter(line -> line.startsWith("+++ ")).count();
    assertThat(cfc(project, 2 + 1 + files + 1 + 2, "generate").exitCode()).isEqualTo(KILLED);

    Run rollbackKilled = cfc(project, 1, "generate");
    assertThat(rollbackKilled.exitCode()).as("killed after restoring one file").isEqualTo(KILLED);
    assertThat(project.resolve(".cfc/journal")).exists();

    Run next = cfc(project, null, "generate");
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.out()).startsWith("wrangler.toml: +2 containers").contains("cfc.lock: created");
    assertThat(leftovers(project)).isEmpty();
    assertThat(oldSet).doesNotContainKey("cfc.lock");
    assertThat(tree(project)).containsKey("cfc.lock");
  }

  private Run cfc(Path project, Integer haltAfter, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    List<String> command = new ArrayList<>();
    command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC"));
    if (haltAfter != null) {
      command.add(HALT + haltAfter);
    }
    command.addAll(
        List.of("-jar", root.resolve("cli/target/cfc.jar").toString(), "-C", project.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("cfc finished").isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Every file outside {@code .cfc}, relative path → content. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(path).toString();
        if (!relative.startsWith(".cfc") && !relative.endsWith(".cfc-tmp")) {
          files.put(relative, Files.readString(path));
        }
      }
    }
    return files;
  }

  private static List<String> leftovers(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.map(p -> root.relativize(p).toString())
          .filter(name -> name.endsWith(".cfc-tmp") || name.startsWith(".cfc/journal"))
          .toList();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    ProjectFiles.copy(
        from,
        to,
        relative -> relative.startsWith("src/_generated")
            || relative.toString().equals("cfc.lock")
            || relative.startsWith(".cfc/fingerprint")
            || relative.startsWith("target"));
  }
}

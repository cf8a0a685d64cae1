package dev.cfc.codegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.PlannedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random writes (files created in new directories, updated, updated through a symbolic link,
 * deleted) stopped by a crash after a random step, disturbed by an editor saving a random file
 * right before its move, and with the rollback itself crashing midway: afterwards the files are
 * exactly the old set (plus the editor's save) or, when nothing stopped the write, exactly the
 * new set, and no temporary file, journal or created directory is left.
 */
class AtomicWritePropertyTest {

  /** A crash at a step: the write stops where it is and nothing cleans up. */
  static final class Crash extends Error {
    Crash() {
      super(null, null, false, false);
    }
  }

  enum Kind {
    CREATE,
    UPDATE,
    UPDATE_THROUGH_LINK,
    DELETE
  }

  record FileSpec(Kind kind, String name, String before, String after) {}

  /** One random write and what disturbs it. */
  record Scenario(
      List<FileSpec> files, int crashAfter, int editBeforeMoveOf, int rollbackCrashAfter) {}

  @Property(tries = 300)
  void aDisturbedWriteLeavesTheOldSetAndAnUndisturbedOneTheNewSet(@ForAll long seed)
      throws IOException {
    Scenario s = scenario(new Random(seed));
    Path root = Files.createTempDirectory("cfc-atomic-write");
    try {
      check(s, root);
    } finally {
      delete(root);
    }
  }

  private void check(Scenario s, Path root) throws IOException {
    Path project = Files.createDirectories(root.resolve("project"));
    Path shared = Files.createDirectories(root.resolve("shared"));
    List<PlannedFile> planned = new ArrayList<>();
    for (FileSpec f : s.files()) {
      Path path = project.resolve(f.kind() == Kind.CREATE ? "new/dir/" + f.name() : f.name());
      if (f.kind() == Kind.UPDATE_THROUGH_LINK) {
        Files.writeString(shared.resolve(f.name()), f.before());
        Files.createSymbolicLink(path, Path.of("../shared/" + f.name()));
      } else if (f.before() != null) {
        Files.writeString(path, f.before());
      }
      planned.add(new PlannedFile(path, f.name(), f.before(), f.after(), ""));
    }
    Map<String, String> oldSet = snapshot(root);
    Path journal = project.resolve(".cfc/journal");
    String editorSaved = "saved by an editor\n";
    boolean[] edited = {false};
    String[] crashedAfter = {null};
    WriteSteps steps = new WriteSteps() {
      int count;

      @Override
      public void reached(String step, Path file) {
        if (++count == s.crashAfter()) {
          crashedAfter[0] = step;
          throw new Crash();
        }
      }

      @Override
      public void beforeMove(Path target) {
        if (s.editBeforeMoveOf() >= 0
            && !edited[0]
            && target.equals(target(planned.get(s.editBeforeMoveOf())))) {
          edited[0] = true;
          try {
            Files.writeString(target, editorSaved);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    };

    boolean crashed = false;
    IOException refused = null;
    try {
      AtomicWrite.write(journal, planned, steps);
    } catch (Crash crash) {
      crashed = true;
    } catch (IOException e) {
      refused = e;
    }
    if (crashed) {
      try {
        WriteJournal.recover(
            journal,
            s.rollbackCrashAfter() == 0 ? WriteSteps.NONE : crashAfter(s.rollbackCrashAfter()));
      } catch (Crash again) {
        assertThat(journal).as("a crashed rollback leaves its journal").exists();
      }
      WriteJournal.recover(journal, WriteSteps.NONE);
    }

    Map<String, String> expected;
    // A crash after the commit (the journal deleted) leaves the new set.
    boolean rolledBack = crashed && !"commit".equals(crashedAfter[0]);
    if (rolledBack || edited[0]) {
      expected = new TreeMap<>(oldSet);
      if (edited[0]) {
        expected.put(relative(root, target(planned.get(s.editBeforeMoveOf()))), editorSaved);
        if (s.files().get(s.editBeforeMoveOf()).kind() == Kind.CREATE) {
          // The editor's file keeps the directories the write made for it.
          expected.put("project/new/", "dir");
          expected.put("project/new/dir/", "dir");
        }
      }
      if (!rolledBack) {
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).endsWith("changed while cfc ran; run the command again");
      }
    } else {
      assertThat(refused).isNull();
      expected = new TreeMap<>(oldSet);
      for (int i = 0; i < planned.size(); i++) {
        FileSpec f = s.files().get(i);
        Path path = planned.get(i).path();
        if (f.kind() == Kind.CREATE) {
          expected.put("project/new/", "dir");
          expected.put("project/new/dir/", "dir");
        }
        if (f.after() == null) {
          expected.remove(relative(root, path));
        } else {
          expected.put(relative(root, target(planned.get(i))), f.after());
        }
      }
    }
    assertThat(snapshot(root)).isEqualTo(expected);
    assertThat(leftovers(root)).isEmpty();
  }

  private static WriteSteps crashAfter(int n) {
    return new WriteSteps() {
      int count;

      @Override
      public void reached(String step, Path file) {
        if (++count == n) {
          throw new Crash();
        }
      }
    };
  }

  private static Path target(PlannedFile file) {
    try {
      return AtomicWrite.endOfLinks(file.path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Scenario scenario(Random random) {
    int count = 1 + random.nextInt(5);
    List<FileSpec> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
      String before = kind == Kind.CREATE ? null : text(random);
      String after = kind == Kind.DELETE ? null : text(random);
      if (after != null && after.equals(before)) {
        after = after + "changed\n";
      }
      files.add(new FileSpec(kind, "file" + i + ".ts", before, after));
    }
    int steps = 2 + 1 + 2 * count + 1 + 1;
    int crashAfter = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(steps);
    int edit = random.nextBoolean() ? -1 : random.nextInt(count);
    int rollbackCrash = random.nextBoolean() ? 0 : 1 + random.nextInt(count);
    return new Scenario(files, crashAfter, edit, rollbackCrash);
  }

  private static String text(Random random) {
    String[] pieces = {
      "// Generated by cfc 1.0.\n", "a = 1\r\n", "ünïcödé ✓\n", "", "x", "\uFEFFbom\n", "line\n"
    };
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(4); i >= 0; i--) {
      out.append(pieces[random.nextInt(pieces.length)]);
    }
    return out.toString();
  }

  /** Files (content), links ({@code -> target}) and directories outside {@code .cfc}. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(p -> !p.equals(root)).toList()) {
        String name = relative(root, path);
        if (name.startsWith("project/.cfc")) {
          continue;
        }
        if (Files.isSymbolicLink(path)) {
          entries.put(name, "-> " + Files.readSymbolicLink(path));
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          entries.put(name + "/", "dir");
        } else {
          entries.put(name, Files.readString(path));
        }
      }
    }
    return entries;
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private static List<String> leftovers(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.map(p -> relative(root, p))
          .filter(name -> name.endsWith(".cfc-tmp") || name.startsWith("project/.cfc/journal"))
          .toList();
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

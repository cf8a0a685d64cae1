package dev.cfc.codegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operating system's notifications as watch mode uses them (inotify on Linux): each way an
 * editor saves is reported under the saved file's own name, a directory created later is seen
 * from its parent and can then be watched itself, and closing wakes a waiting poll.
 */
class FileSystemChangesTest {

  /** Long enough for any notification; the tests wait for events, never for the clock. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  /** Collects changes until {@code expected} has been reported (or the patience runs out). */
  private static Set<Path> until(FileSystemChanges changes, Path expected)
      throws InterruptedException {
    Set<Path> seen = new LinkedHashSet<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!seen.contains(expected) && System.nanoTime() < deadline) {
      List<Path> polled = changes.poll(Duration.ofMillis(200));
      assertThat(polled).isNotNull();
      seen.addAll(polled);
    }
    return seen;
  }

  @Test
  void everyWayOfSavingIsReportedUnderTheFilesName() throws Exception {
    Path file = Files.writeString(dir.resolve("Containers.java"), "class A {}");
    try (FileSystemChanges changes = new FileSystemChanges()) {
      changes.watch(Set.of(dir));

      Files.writeString(file, "class B {}"); // truncate, then write
      assertThat(until(changes, file)).contains(file);

      Path swap = dir.resolve("Containers.java.swp");
      Files.writeString(swap, "class C {}");
      Files.move(swap, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      assertThat(until(changes, file)).contains(file);

      Files.delete(file);
      assertThat(until(changes, file)).contains(file);
    }
  }

  @Test
  void aDirectoryCreatedLaterIsSeenFromItsParentAndThenWatched() throws Exception {
    try (FileSystemChanges changes = new FileSystemChanges()) {
      changes.watch(Set.of(dir));
      Path images = Files.createDirectory(dir.resolve("images"));
      assertThat(until(changes, images)).contains(images);

      changes.watch(Set.of(dir, images));
      Path dockerfile = Files.writeString(images.resolve("Dockerfile"), "FROM node:22\n");
      assertThat(until(changes, dockerfile)).contains(dockerfile);
    }
  }

  @Test
  void aDirectoryNoLongerWatchedReportsNothing() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    try (FileSystemChanges changes = new FileSystemChanges()) {
      changes.watch(Set.of(dir, sub));
      changes.watch(Set.of(dir));
      Files.writeString(sub.resolve("ignored.java"), "x");
      Path marker = Files.writeString(dir.resolve("marker"), "x");
      // The marker's event arrives after any event of the earlier write would have.
      assertThat(until(changes, marker)).doesNotContain(sub.resolve("ignored.java"));
    }
  }

  @Test
  void closingWakesAWaitingPoll() throws Exception {
    FileSystemChanges changes = new FileSystemChanges();
    changes.watch(Set.of(dir));
    Thread closer = new Thread(() -> {
      try {
        changes.close();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    closer.start();
    assertThat(changes.poll(null)).isNull();
    closer.join();
  }
}

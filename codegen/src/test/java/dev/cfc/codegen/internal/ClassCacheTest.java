package dev.cfc.codegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled classes are kept per source hash, never half-written, and old entries pruned. */
class ClassCacheTest {

  @TempDir
  Path dir;

  private final List<String> said = new ArrayList<>();

  private static final Map<String, byte[]> CLASSES =
      Map.of("app.AppContainers", new byte[] {1, 2, 3}, "app.inner.Helper", new byte[] {4});

  @Test
  void storedClassesAreReadBackUnderTheirHash() throws IOException {
    ClassCache cache = new ClassCache(dir.resolve("cache"), said::add);
    assertThat(cache.holds("abc")).isFalse();

    cache.store("abc", CLASSES);

    assertThat(cache.holds("abc")).isTrue();
    assertThat(cache.holds("other")).isFalse();
    Map<String, byte[]> read = cache.read("abc");
    assertThat(read.keySet()).containsExactly("app.AppContainers", "app.inner.Helper");
    assertThat(read.get("app.AppContainers")).containsExactly(1, 2, 3);
    assertThat(said).isEmpty();
  }

  @Test
  void anEntryWithoutItsCompleteMarkerIsNotUsed() throws IOException {
    ClassCache cache = new ClassCache(dir, said::add);
    Files.createDirectories(cache.entry("abc").resolve("classes/app"));
    Files.write(cache.entry("abc").resolve("classes/app/AppContainers.class"), new byte[] {1});

    assertThat(cache.holds("abc")).isFalse();
  }

  @Test
  void aCacheThatCannotBeWrittenIsSkippedAndSaidSo() throws IOException {
    Path blocked = dir.resolve("cache");
    Files.writeString(blocked, "a file where the cache directory belongs");
    ClassCache cache = new ClassCache(blocked, said::add);

    cache.store("abc", CLASSES);

    assertThat(cache.holds("abc")).isFalse();
    assertThat(said)
        .singleElement()
        .asString()
        .startsWith("compiled classes not cached (")
        .endsWith("); the next run compiles again");
  }

  @Test
  void storingKeepsTheNewEntryAndTheTwoNewestOldOnes() throws IOException {
    ClassCache cache = new ClassCache(dir, said::add);
    long now = System.currentTimeMillis();
    for (int i = 1; i <= 4; i++) {
      Path old = Files.createDirectories(cache.entry("old" + i));
      Files.writeString(old.resolve("complete"), "0\n");
      // Explicit ages: entries made within one clock tick would otherwise tie.
      Files.setLastModifiedTime(old, FileTime.fromMillis(now - 60_000L * (5 - i)));
    }

    cache.store("new", CLASSES);

    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("new", "old4", "old3");
    }
  }
}

package dev.cfc.codegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache key of compiled definitions follows what the sources say, not when they were saved. */
class DefinitionSourcesTest {

  @TempDir
  Path dir;

  @BeforeEach
  void sources() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/B.java"), "package app; class B {}");
    Files.writeString(dir.resolve("app/A.java"), "package app; class A {}");
    Files.writeString(dir.resolve("app/notes.txt"), "not a source");
    Files.createDirectories(dir.resolve("app/Dir.java"));
  }

  @Test
  void findsTheJavaFilesUnderTheDirectoryInPathOrder() throws IOException {
    assertThat(DefinitionSources.in(dir).files())
        .containsExactly(dir.resolve("app/A.java"), dir.resolve("app/B.java"));
  }

  @Test
  void theHashChangesWithASourcesContents() throws IOException {
    String before = DefinitionSources.in(dir).hash();

    Files.writeString(dir.resolve("app/A.java"), "package app; class A { int x; }");

    assertThat(DefinitionSources.in(dir).hash()).isNotEqualTo(before);
  }

  @Test
  void theHashChangesWhenASourceMovesOrAnotherIsAdded() throws IOException {
    String before = DefinitionSources.in(dir).hash();

    Files.move(dir.resolve("app/B.java"), dir.resolve("app/C.java"));
    String moved = DefinitionSources.in(dir).hash();
    Files.writeString(dir.resolve("app/D.java"), "package app; class D {}");

    assertThat(moved).isNotEqualTo(before);
    assertThat(DefinitionSources.in(dir).hash()).isNotEqualTo(moved).isNotEqualTo(before);
  }

  @Test
  void theHashIgnoresTimestampsAndFilesThatAreNotSources() throws IOException {
    String before = DefinitionSources.in(dir).hash();

    Files.setLastModifiedTime(
        dir.resolve("app/A.java"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
    Files.writeString(dir.resolve("app/notes.txt"), "changed");

    assertThat(DefinitionSources.in(dir).hash()).isEqualTo(before).hasSize(24);
  }
}

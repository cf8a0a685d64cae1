package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}, {@code validate}, {@code diff}, {@code plan} and {@code generate --dry-run}
 * (in every output format) write nothing into
 * the project, not even the compile cache, so they work in a read-only checkout; the cache is
 * still used when a writing run left one.
 */
class ReadOnlyCommandsTest {

  private static final List<List<String>> READ_ONLY = List.of(
      List.of("check"),
      List.of("validate"),
      List.of("diff"),
      List.of("generate", "--dry-run"),
      List.of("plan"),
      List.of("plan", "--format=markdown", "--all"),
      List.of("check", "--format=sarif"),
      List.of("validate", "--format=github"));

  @TempDir
  Path project;

  private String err;

  @BeforeEach
  void project() throws IOException {
    ProjectFiles.shop(project, "", ProjectFiles.API);
  }

  private int run(List<String> command, String... more) {
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of("-C", project.toString()));
    all.addAll(command);
    all.addAll(List.of(more));
    int code = Main.run(
        all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(e));
    err = e.toString();
    return code;
  }

  /** Every path under the project with its content (directories as an empty marker). */
  private Map<String, String> tree() throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path path : walk.toList()) {
        tree.put(
            project.relativize(path).toString(),
            Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                ? "<dir>"
                : Arrays.toString(Files.readAllBytes(path)) + Files.getLastModifiedTime(path));
      }
    }
    return tree;
  }

  @Test
  void readOnlyCommandsLeaveAFreshProjectByteForByteAsItWas() throws IOException {
    Map<String, String> before = tree();
    for (List<String> command : READ_ONLY) {
      int code = run(command);
      assertThat(code).as("%s: %s", command, err).isIn(Main.OK, Main.STALE);
      assertThat(tree()).as("%s writes nothing", command).isEqualTo(before);
    }
    assertThat(project.resolve(".cfc")).doesNotExist();
  }

  @Test
  void readOnlyCommandsWorkWhereNothingCanBeWritten() throws IOException {
    // Root may write anywhere; a file where cfc's directory would go is what stops it.
    Files.writeString(project.resolve(".cfc"), "not a directory\n");
    Map<String, String> before = tree();
    assertThat(run(List.of("check"))).as(err).isEqualTo(Main.STALE);
    assertThat(run(List.of("validate"))).as(err).isEqualTo(Main.OK);
    assertThat(run(List.of("diff"))).as(err).isEqualTo(Main.OK);
    assertThat(run(List.of("generate", "--dry-run"))).as(err).isEqualTo(Main.OK);
    assertThat(run(List.of("plan", "--format=json"))).as(err).isEqualTo(Main.OK);
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void aWritingRunThatCannotLockSaysWhyWithExitCode4() throws IOException {
    Files.writeString(project.resolve(".cfc"), "not a directory\n");
    assertThat(run(List.of("generate"))).isEqualTo(Main.IO_ERROR);
    assertThat(err)
        .startsWith("cfc: nothing was written: ")
        .contains(project.resolve(".cfc").toString())
        .doesNotContain("internal");
  }

  @Test
  void readOnlyCommandsUseTheCacheAWritingRunLeft() throws IOException {
    assertThat(run(List.of("generate"))).isEqualTo(Main.OK);
    Map<String, String> before = tree();
    for (List<String> command : READ_ONLY) {
      assertThat(run(command, "-v")).as(err).isEqualTo(Main.OK);
      assertThat(err).as("%s", command).contains("using cached classes");
    }
    assertThat(tree()).isEqualTo(before);
  }
}

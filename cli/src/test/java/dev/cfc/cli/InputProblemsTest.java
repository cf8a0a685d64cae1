package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input cfc cannot use gets one clear, located error naming the file and the reason, with exit
 * code 1 when the input is at fault and 4 when the system could not read a good file; never a
 * stack trace, "internal error" or a request to report a bug.
 */
class InputProblemsTest {

  @TempDir
  Path project;

  private String err;

  @BeforeEach
  void project() throws IOException {
    ProjectFiles.shop(project, "", ProjectFiles.API);
  }

  private int run(String... args) {
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of("-C", project.toString()));
    all.addAll(List.of(args));
    int code = Main.run(
        all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(e));
    err = e.toString();
    return code;
  }

  private void assertOnlyError(String rendered) {
    assertThat(err).isEqualTo(rendered + "1 error; nothing was written\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wrangler.toml", "cfc.toml"})
  void aThousandNestedArraysAreALocatedErrorNotAStackOverflow(String file) throws IOException {
    Files.writeString(
        project.resolve(file),
        "x = " + "[".repeat(1000) + "]".repeat(1000) + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(run("validate")).isEqualTo(Main.INVALID);

    assertOnlyError(file + ":" + (file.equals("cfc.toml") ? 2 : 4) + ":105: error CFC122:"
        + " arrays and tables nest more than 100 levels deep here\n"
        + "    flatten the value; cfc reads configs nested at most 100 levels\n");
  }

  @Test
  void aDeeplyNestedCfcLockIsALocatedErrorToo() throws IOException {
    Files.writeString(
        project.resolve("cfc.lock"),
        "[wrangler]\nconfig = \"wrangler.toml\"\n" + "managed = " + "[".repeat(1000)
            + "]".repeat(1000) + "\n");

    assertThat(run("validate")).isEqualTo(Main.INVALID);

    assertThat(err).startsWith("cfc.lock:3:").contains("error CFC122:");
  }

  @Test
  void aJsoncConfigHasTheSameNestingLimit() throws IOException {
    Files.delete(project.resolve("wrangler.toml"));
    Files.writeString(
        project.resolve("wrangler.jsonc"),
        "{\n  \"name\": \"shop\", // [[\n" + "  \"x\": " + "[".repeat(1000) + "]".repeat(1000)
            + "\n}\n");

    assertThat(run("validate")).isEqualTo(Main.INVALID);

    assertThat(err).startsWith("wrangler.jsonc:3:107: error CFC122:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wrangler.toml", "cfc.toml"})
  void aFiftyMegabyteConfigIsRefusedAtOnce(String file) throws IOException {
    byte[] big = new byte[50 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) '#');
    Files.write(project.resolve(file), big);
    long start = System.nanoTime();

    assertThat(run("validate")).isEqualTo(Main.INVALID);

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    assertOnlyError(file + ": error CFC121: " + file + " is larger than 4 MiB, the most cfc"
        + " reads\n    a wrangler config or cfc.toml is a few KiB; check that " + file
        + " is the file you meant\n");
  }

  /** Replaces a config with an odd kind of file; returns what the error should say it is. */
  private String oddFile(String kind, Path file) throws IOException, InterruptedException {
    Files.delete(file);
    switch (kind) {
      case "directory" -> {
        Files.createDirectory(file);
        return "is a directory, not a file";
      }
      case "fifo" -> {
        assumeTrue(new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0);
        return "is a FIFO (named pipe), not a regular file";
      }
      case "dangling" -> {
        Files.createSymbolicLink(file, Path.of("gone.toml"));
        return "is a symbolic link to gone.toml, which does not exist";
      }
      default -> {
        Files.createSymbolicLink(file, file.getFileName());
        return "is a symbolic link that loops back to itself (it points to " + file.getFileName()
            + ")";
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "wrangler.toml, directory",
    "wrangler.toml, fifo",
    "wrangler.toml, dangling",
    "wrangler.toml, loop",
    "cfc.toml, directory",
    "cfc.toml, fifo",
    "cfc.toml, dangling",
    "cfc.toml, loop"
  })
  void aConfigThatIsNoRegularFileSaysWhatItIs(String file, String kind) throws Exception {
    String what = oddFile(kind, project.resolve(file));

    assertThat(run("validate")).isEqualTo(Main.INVALID);

    assertOnlyError(file + ": error CFC120: " + file + " " + what
        + "\n    point cfc at the regular file it should read\n");
  }

  @Test
  void aFileTheSystemCannotReadExitsFourWithTheSystemsReason() throws IOException {
    // Reading /proc/self/mem from its start fails with EIO: a read error root cannot bypass.
    Path mem = Path.of("/proc/self/mem");
    assumeTrue(Files.isReadable(mem));
    Files.delete(project.resolve("wrangler.toml"));
    Files.createSymbolicLink(project.resolve("wrangler.toml"), mem);

    assertThat(run("validate")).isEqualTo(Main.IO_ERROR);

    assertOnlyError("wrangler.toml: error CFC124: cannot read wrangler.toml: Input/output error\n"
        + "    the file is fine; the system could not read it: check its permissions and the"
        + " disk\n");
  }

  @Test
  void invalidUtf8InTheProjectFileIsLocated() throws IOException {
    Files.write(
        project.resolve("cfc.toml"),
        "sources = \"cfc\"\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(run("validate")).isEqualTo(Main.INVALID);

    assertOnlyError("cfc.toml:2:6: error CFC123: cfc.toml is not UTF-8 text: byte 0xE9 here is"
        + " not valid UTF-8\n    save the file as UTF-8\n");
  }

  @Test
  void aLoneSurrogateInADefinitionValueIsALocatedDefinitionError() throws IOException {
    ProjectFiles.shop(
        project,
        "",
        ProjectFiles.API.replace(".build()", ".env(\"GREETING\", \"hi \\uD800 there\").build()"));

    assertThat(run("validate")).isEqualTo(Main.INVALID);
    assertOnlyError("cfc/app/AppContainers.java:10:72: error CFC091: env.GREETING of container"
        + " \"api\" holds half of a surrogate pair (\\uD800 at offset 3), which is not Unicode"
        + " text and has no UTF-8 form\n"
        + "    write the character whole (\"\\uD83D\\uDE00\" or Character.toString(0x1F600)),"
        + " or remove the stray half\n");
    assertThat(run("generate")).isEqualTo(Main.INVALID);
    assertThat(err).doesNotContain("CFC119");
  }

  @Test
  void definitionTimeoutInTheProjectFileLimitsHowLongADefinitionMayRun() throws IOException {
    ProjectFiles.shop(
        project,
        "try { Thread.sleep(60_000); } catch (InterruptedException e) { }",
        ProjectFiles.API);
    Files.writeString(project.resolve("cfc.toml"), "sources = \"cfc\"\ndefinition-timeout = 1\n");
    long start = System.nanoTime();

    assertThat(run("validate")).isEqualTo(Main.INVALID);

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    assertThat(err)
        .startsWith("cfc/app/AppContainers.java:8:1: error CFC230: loading"
            + " app.AppContainers did not finish within 1 s; it was running this line\n");
  }

  @Test
  void aDefinitionTimeoutThatIsNoDurationIsAnError() throws IOException {
    Files.writeString(
        project.resolve("cfc.toml"), "sources = \"cfc\"\n" + "definition-timeout = \"soon\"\n");

    assertThat(run("validate")).isEqualTo(Main.INVALID);

    assertOnlyError("cfc.toml:2:1: error CFC205: definition-timeout must be a duration such as"
        + " \"30s\", \"2m\" or whole seconds (at least 1), not soon\n"
        + "    definition-timeout = \"30s\"\n");
  }
}

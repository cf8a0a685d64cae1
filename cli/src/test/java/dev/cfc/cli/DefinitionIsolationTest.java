package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definition code that misbehaves (exits the JVM, never returns, recurses without end, eats the
 * heap) runs inside cfc's own process; each is reported as a short, located error with exit
 * code 1, and the project lock is released. Run as a user runs cfc: a child JVM of its own.
 */
class DefinitionIsolationTest {

  @TempDir
  Path project;

  /** What one run printed, with its exit code. */
  record Run(int exitCode, String output) {}

  private void project(String beforeReturn, String cfcToml) throws IOException {
    ProjectFiles.shop(project, beforeReturn, ProjectFiles.API);
    Files.writeString(project.resolve("cfc.toml"), cfcToml, StandardOpenOption.APPEND);
  }

  private Process start(Path log, String maxHeap, String... args) throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(
        java.toString(),
        "-Xmx" + maxHeap,
        "-cp",
        classpath,
        Main.class.getName(),
        "-C",
        project.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private Run finish(Process process, Path log) throws Exception {
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    assertThat(finished).as("cfc finished within a minute").isTrue();
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private Run cfc(String maxHeap, String... args) throws Exception {
    Path log = Files.createTempFile("cfc", ".log");
    try {
      return finish(start(log, maxHeap, args), log);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void systemExitInADefinitionFailsWithTheLineOfTheCall() throws Exception {
    project("if (Math.abs(1) > 0) System.exit(0);", "");

    Run check = cfc("256m", "check");

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.output())
        .startsWith("cfc/app/AppContainers.java:8:1: error CFC231:"
            + " loading app.AppContainers called System.exit");
    assertThat(check.output()).contains("1 error; nothing was written");
  }

  @Test
  void anEndlessLoopTimesOutAndAWaitingRunSaysWhatItWaitsFor() throws Exception {
    // The default limit: the old cfc, which had none, hangs here instead of failing.
    project("while (Math.abs(1) > 0) { }", "");
    Path firstLog = project.resolveSibling(project.getFileName() + "-first.log");
    Path secondLog = project.resolveSibling(project.getFileName() + "-second.log");
    Process first = start(firstLog, "256m", "generate");
    Path lock = project.resolve(".cfc/lock");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(Files.exists(lock) && Files.size(lock) > 0) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Process second = start(secondLog, "256m", "generate");

    Run one = finish(first, firstLog);
    Run two = finish(second, secondLog);

    assertThat(one.exitCode()).isEqualTo(1);
    assertThat(one.output())
        .startsWith("cfc/app/AppContainers.java:8:1: error CFC230:"
            + " loading app.AppContainers did not finish within 10 s; it was running this line");
    assertThat(two.output())
        .startsWith("cfc: waiting for " + lock + ": another cfc run (process " + first.pid()
            + ") is changing this project");
    assertThat(two.exitCode()).isEqualTo(1);
    assertThat(two.output()).contains("error CFC230");
    Files.deleteIfExists(firstLog);
    Files.deleteIfExists(secondLog);
  }

  @Test
  void endlessRecursionIsAShortLocatedError() throws Exception {
    project("if (Math.abs(1) > 0) return containers();", "");

    Run validate = cfc("256m", "validate");

    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.output())
        .isEqualTo("cfc/app/AppContainers.java:8:1: error CFC232:"
            + " loading app.AppContainers overflowed the stack: the code at this line calls itself"
            + " without end\n"
            + "    give the recursion a base case, or build the list with a loop\n"
            + "1 error; nothing was written\n");
  }

  @Test
  void runningOutOfMemoryIsAShortLocatedError() throws Exception {
    project(
        "List<long[]> all = new java.util.ArrayList<>();\n"
            + "    while (Math.abs(1) > 0) { all.add(new long[1 << 20]); }",
        "");

    Run validate = cfc("64m", "validate");

    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.output())
        .startsWith("cfc/app/AppContainers.java:9:1: error CFC233:"
            + " loading app.AppContainers ran out of memory (Java heap space) at this line");
    assertThat(validate.output().lines()).hasSize(3);
  }
}

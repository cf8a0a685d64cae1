package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code cfc generate} processes started together on one project take turns: both succeed,
 * the project ends up exactly as one run leaves it, and the second run finds nothing to do.
 */
class ConcurrentRunsTest {

  @TempDir
  Path project;

  private Process start(Path log) throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            classpath,
            Main.class.getName(),
            "-C",
            project.toString(),
            "generate")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  @Test
  void twoGenerateRunsTakeTurnsAndTheSecondFindsNothingToDo() throws Exception {
    ProjectFiles.shop(project, "", ProjectFiles.API);
    Path logs = Files.createDirectories(project.resolve("logs-outside-sources"));
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(start(logs.resolve("run" + i + ".log")));
    }
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Process run = runs.get(i);
      assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(logs.resolve("run" + i + ".log"), StandardCharsets.UTF_8);
      assertThat(run.exitValue()).as(output).isZero();
      outputs.add(output);
    }
    assertThat(outputs)
        .filteredOn(o -> o.contains("wrangler.toml: +1 container"))
        .hasSize(1);
    // The run that waited for the lock may say so first.
    assertThat(outputs)
        .filteredOn(o -> o.lines()
            .filter(line -> !line.startsWith("cfc: waiting for "))
            .toList()
            .equals(List.of("no changes")))
        .hasSize(1);
    String wrangler = Files.readString(project.resolve("wrangler.toml"));
    assertThat(wrangler.split("\\[\\[containers]]", -1)).hasSize(2);
    assertThat(wrangler.split("tag = \"v", -1)).hasSize(2);
    try (var leftovers = Files.list(project)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".cfc-tmp"));
    }
    assertThat(String.join(File.pathSeparator, outputs)).doesNotContain("Exception");
  }
}

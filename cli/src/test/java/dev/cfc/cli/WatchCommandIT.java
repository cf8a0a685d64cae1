package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfc generate --watch} as a user runs it: the packaged jar in its own JVM on a copy of
 * an example, files edited on disk, the real file notifications, and Ctrl-C. The test waits
 * for the lines cfc prints and asserts what they say and what is on disk, never how long
 * anything took.
 */
class WatchCommandIT {

  private static final String DEFINITION = "cfc/app/QuickstartContainers.java";

  @TempDir
  Path work;

  private final Path root =
      Path.of(System.getProperty("cfc.it.root", "..")).toAbsolutePath().normalize();
  private Process watch;
  private final BlockingQueue<String> err = new LinkedBlockingQueue<>();
  private final StringBuffer out = new StringBuffer();

  @AfterEach
  void stop() throws InterruptedException {
    if (watch != null && watch.isAlive()) {
      watch.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Path copy(String example) throws IOException {
    Path project = work.resolve(example);
    ProjectFiles.copy(
        root.resolve("examples").resolve(example),
        project,
        relative -> relative.startsWith("src/_generated")
            || relative.toString().contains("_generated")
            || relative.toString().endsWith("cfc.lock")
            || relative.startsWith(".cfc")
            || relative.startsWith("target"));
    return project;
  }

  private List<String> command(Path project, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-jar",
        root.resolve("cli/target/cfc.jar").toString(),
        "-C",
        project.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private void start(Path project, String... args) throws IOException {
    watch = new ProcessBuilder(command(project, args)).start();
    pump(watch.getErrorStream(), line -> err.add(line));
    pump(watch.getInputStream(), line -> out.append(line).append('\n'));
  }

  private static void pump(InputStream stream, java.util.function.Consumer<String> lines) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.accept(line);
        }
      } catch (IOException ended) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
  }

  /** The stderr lines up to and including the next run's summary. */
  private List<String> nextRun() throws InterruptedException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = err.poll(2, TimeUnit.MINUTES);
      assertThat(line).as("a run's summary; so far %s", lines).isNotNull();
      lines.add(line.replaceAll(" in [0-9]+ ms$", ""));
      if (line.startsWith("watch: run ")) {
        return lines;
      }
    }
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String content = Files.readString(file);
    assertThat(content).contains(from);
    Files.writeString(file, content.replace(from, to));
  }

  @Test
  void regeneratesOnEveryEditRecoversFromACompileErrorAndCtrlCLetsTheWriteFinish()
      throws Exception {
    Path project = copy("quickstart");
    Path definition = project.resolve(DEFINITION);
    String original = Files.readString(definition);
    start(project, "generate", "--watch");
    assertThat(nextRun()).containsExactly("watch: run 1 at start: 16 files written");

    replace(definition, ".maxInstances(5)", ".maxInstances(9)");
    assertThat(nextRun())
        .containsExactly(
            "watch: run 2 after cfc/app/QuickstartContainers.java changed: 2 files written");
    assertThat(Files.readString(project.resolve("wrangler.toml"))).contains("max_instances = 9");
    assertThat(out.toString()).contains("wrangler.toml: ~1 field");

    replace(definition, ".maxInstances(9)", ".maxInstances(9");
    List<String> broken = nextRun();
    assertThat(broken.get(0))
        .matches("cfc/app/QuickstartContainers.java:\\d+:\\d+: error CFC203: .*");
    assertThat(broken)
        .endsWith(
            "1 error; nothing was written",
            "watch: run 3 after cfc/app/QuickstartContainers.java changed: nothing written,"
                + " 1 error");

    // A Dockerfile the definitions name from now on, in a directory that does not exist yet.
    Files.writeString(
        definition,
        original
            .replace(".maxInstances(5)", ".maxInstances(7)")
            .replace("Image.build(\"containers/api\")", "Image.build(\"images/api\")"));
    assertThat(nextRun()).last().asString().contains("run 4").contains("nothing written, 1 error");
    Files.createDirectories(project.resolve("images/api"));
    Files.copy(
        project.resolve("containers/api/Dockerfile"), project.resolve("images/api/Dockerfile"));
    assertThat(nextRun()).last().asString().contains("2 files written");
    assertThat(Files.readString(project.resolve("wrangler.toml")))
        .contains("max_instances = 7")
        .contains("images/api");

    // Ctrl-C while a run is under way (its definition takes three seconds).
    Files.writeString(
        definition,
        original
            .replace(".maxInstances(5)", ".maxInstances(4)")
            .replace("return List.of(", "sleep();\n    return List.of(")
            .replace(
                "  @Override\n  public List<ContainerDefinition> containers() {",
                "  private static void sleep() {\n"
                    + "    try {\n"
                    + "      Thread.sleep(3000);\n"
                    + "    } catch (InterruptedException e) {\n"
                    + "      throw new IllegalStateException(e);\n"
                    + "    }\n"
                    + "  }\n\n"
                    + "  @Override\n  public List<ContainerDefinition> containers() {"));
    Thread.sleep(1000);
    interrupt();
    assertThat(watch.waitFor(2, TimeUnit.MINUTES)).as("cfc ended after Ctrl-C").isTrue();
    List<String> last = new ArrayList<>();
    err.drainTo(last);
    assertThat(String.join("\n", last))
        .contains("watch: run 6 after cfc/app/QuickstartContainers.java changed: 2 files written");
    assertThat(Files.readString(project.resolve("wrangler.toml"))).contains("max_instances = 4");
    try (Stream<Path> all = Files.walk(project)) {
      assertThat(all.map(p -> project.relativize(p).toString()))
          .noneMatch(name -> name.endsWith(".cfc-tmp") || name.startsWith(".cfc/journal"));
    }
    Process check = new ProcessBuilder(command(project, "check")).inheritIO().start();
    assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(check.exitValue()).as("cfc check after Ctrl-C").isZero();
  }

  @Test
  void quietPrintsTheDiagnosticsOfEachRunButNoProgressLine() throws Exception {
    Path project = copy("quickstart");
    Path definition = project.resolve(DEFINITION);
    start(project, "-q", "generate", "--watch");
    Path lock = project.resolve("cfc.lock");
    for (int i = 0; i < 1200 && !Files.exists(lock); i++) {
      Thread.sleep(100);
    }
    assertThat(lock).as("the first run wrote").exists();

    replace(definition, ".maxInstances(5)", ".maxInstances(5");
    List<String> lines = new ArrayList<>();
    for (String line = err.poll(2, TimeUnit.MINUTES);
        line != null;
        line = err.poll(2, TimeUnit.MINUTES)) {
      lines.add(line);
      if (line.contains("error CFC203")) {
        break;
      }
    }
    assertThat(lines).last().asString().contains("error CFC203");
    String after = err.poll(3, TimeUnit.SECONDS);
    while (after != null) {
      lines.add(after);
      after = err.poll(1, TimeUnit.SECONDS);
    }
    assertThat(lines).noneMatch(line -> line.startsWith("watch: run"));
    assertThat(out.toString()).doesNotContain("cfc.lock: created");
  }

  /**
   * Ctrl-C: SIGINT. A test runner started in the background may have the process ignore
   * SIGINT (as shells do for background jobs); SIGTERM then takes the same way out, the
   * shutdown hook.
   */
  private void interrupt() throws Exception {
    new ProcessBuilder("kill", "-INT", Long.toString(watch.pid())).start().waitFor();
    if (!watch.waitFor(15, TimeUnit.SECONDS)) {
      watch.destroy();
    }
  }

  @Test
  void watchesTheProjectFileItIsGivenInAFolderOfSeveralProjectsAndPrintsJson() throws Exception {
    Path project = copy("monorepo");
    String jobs = Files.readString(project.resolve("wrangler.jobs.toml"));
    start(project, "--json", "generate", "--watch", "--config", "cfc.api.toml");
    assertThat(nextRun()).last().asString().startsWith("watch: run 1 at start: ");

    replace(
        project.resolve("cfc/app/jobs/JobsContainers.java"),
        ".maxInstances(10)",
        ".maxInstances(11)");
    replace(
        project.resolve("cfc/app/api/ApiContainers.java"), ".maxInstances(3)", ".maxInstances(6)");
    assertThat(nextRun())
        .containsExactly(
            "watch: run 2 after cfc/app/api/ApiContainers.java changed: 2 files written");
    assertThat(Files.readString(project.resolve("wrangler.api.toml")))
        .contains("max_instances = 6");
    assertThat(Files.readString(project.resolve("wrangler.jobs.toml"))).isEqualTo(jobs);
    // One JSON object per run on standard output, as a one-shot --json run prints it.
    assertThat(out.toString())
        .startsWith("{\n  \"diagnostics\" : [ ],")
        .contains("\"path\" : \"wrangler.api.toml\",\n    \"status\" : \"updated\"");
  }
}

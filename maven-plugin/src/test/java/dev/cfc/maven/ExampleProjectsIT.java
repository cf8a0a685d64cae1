package dev.cfc.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The CI gate on the projects in {@code examples/}, each built by the real Maven with its own
 * {@code pom.xml}: in a copy of the example, {@code mvn cfc:generate} writes the files (the
 * examples are committed un-generated) and {@code mvn verify} passes; one DSL value edited
 * without regenerating makes {@code mvn verify} fail with the one-line diff in the log;
 * {@code mvn cfc:generate} fixes it and {@code mvn verify} passes again.
 *
 * <p>Runs in the {@code integration-test} phase, after {@code invoker:install} has put this
 * plugin and {@code cfc-dsl} into the local repository; the builds run offline against it.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExampleProjectsIT {

  private static final Path EXAMPLES = Path.of(property("cfc.it.examples", "../examples"));
  private static final Path WORK = Path.of(property("cfc.it.work", "target/examples-it"));
  private static final String VERSION = property("cfc.it.version", "0.1.0-SNAPSHOT");
  /** What a copy leaves out: build output, the CLI's cache, npm packages. */
  private static final Set<String> NOT_COPIED = Set.of("target", ".cfc", "node_modules");

  @Test
  void quickstartFailsVerifyWithTheDiffUntilRegenerated() throws Exception {
    Example example = Example.copy("quickstart");
    Path project = example.dir;
    Path definitions = project.resolve("cfc/app/QuickstartContainers.java");

    example.mvn("cfc:generate").succeeds();
    assertThat(project.resolve("wrangler.toml")).content().contains("max_instances = 5");
    example.mvn("verify").succeeds().logs("[INFO] up to date");

    edit(definitions, ".maxInstances(5)", ".maxInstances(6)");
    example
        .mvn("verify")
        .fails()
        .logs(
            "[ERROR] generated files are stale:\n--- a/wrangler.toml\n+++ b/wrangler.toml\n",
            "\n-max_instances = 5\n+max_instances = 6\n",
            "\nwrangler.toml: ~1 field\n",
            "\nstale: run `mvn cfc:generate` and commit the result\n");

    example.mvn("cfc:generate").succeeds().logs("[INFO] wrangler.toml: ~1 field");
    example.mvn("verify").succeeds().logs("[INFO] up to date");
    assertThat(project.resolve("wrangler.toml"))
        .content()
        .contains("max_instances = 6")
        .doesNotContain("max_instances = 5");
  }

  @Test
  void jsoncEnvironmentsFailsVerifyWithTheDiffUntilRegenerated() throws Exception {
    Example example = Example.copy("jsonc-environments");
    Path project = example.dir;
    Path definitions = project.resolve("cfc/app/PlatformContainers.java");

    example.mvn("cfc:generate").succeeds();
    example.mvn("verify").succeeds().logs("[INFO] up to date");

    // The production override: one line of the production environment changes, nothing else.
    edit(definitions, ".maxInstances(20)", ".maxInstances(21)");
    example
        .mvn("verify")
        .fails()
        .logs(
            "[ERROR] generated files are stale:\n--- a/wrangler.jsonc\n+++ b/wrangler.jsonc\n",
            "\n-\t\t\t\t\t\"max_instances\": 20,\n+\t\t\t\t\t\"max_instances\": 21,\n",
            "\nwrangler.jsonc: ~1 field\nstale: run `mvn cfc:generate` and commit the result\n");

    example.mvn("cfc:generate").succeeds().logs("[INFO] wrangler.jsonc: ~1 field");
    example.mvn("verify").succeeds().logs("[INFO] up to date");
    assertThat(project.resolve("wrangler.jsonc")).content().contains("\"max_instances\": 21,");
  }

  @Test
  void monorepoChecksEachWorkerOnItsOwnAndRegeneratesOne() throws Exception {
    Example example = Example.copy("monorepo");
    Path project = example.dir;

    example.mvn("cfc:generate@api").succeeds().logs("[INFO] wrangler.api.toml: +1 container");
    example.mvn("cfc:generate@jobs").succeeds().logs("[INFO] wrangler.jobs.toml: +1 container");
    example.mvn("verify").succeeds().logs("[INFO] up to date");
    assertThat(project.resolve("wrangler.api.toml"))
        .content()
        .contains("class_name = \"GatewayContainer\"")
        .doesNotContain("VideoEncoder");
    assertThat(project.resolve("wrangler.jobs.toml"))
        .content()
        .contains("name = \"jobs-video-encoder\"")
        .doesNotContain("Gateway");
    assertThat(project.resolve("wrangler.api.cfc.lock")).exists();
    assertThat(project.resolve("wrangler.jobs.cfc.lock")).exists();

    edit(
        project.resolve("cfc/app/jobs/JobsContainers.java"),
        ".maxInstances(10)",
        ".maxInstances(12)");
    example
        .mvn("verify")
        .fails()
        .logs("\n-max_instances = 10\n+max_instances = 12\n", "\nwrangler.jobs.toml: ~1 field\n");
    example.mvn("cfc:generate@jobs").succeeds().logs("[INFO] wrangler.jobs.toml: ~1 field");
    example.mvn("verify").succeeds();
    assertThat(project.resolve("wrangler.api.toml")).content().doesNotContain("max_instances = 12");
  }

  /** One Maven run: its exit code and the log it wrote. */
  private record Run(String command, int exitCode, String log, Path logFile) {
    Run succeeds() {
      assertThat(exitCode)
          .as("%s should pass; log %s:\n%s", command, logFile, log)
          .isZero();
      return this;
    }

    Run fails() {
      assertThat(exitCode)
          .as("%s should fail; log %s:\n%s", command, logFile, log)
          .isNotZero();
      return this;
    }

    Run logs(String... texts) {
      for (String text : texts) {
        assertThat(log).as("log of %s (%s)", command, logFile).contains(text);
      }
      return this;
    }
  }

  /** A copy of one example and the Maven runs made in it, numbered for their log files. */
  private static final class Example {
    final Path dir;
    private int runs;

    private Example(Path dir) {
      this.dir = dir;
    }

    /**
     * A copy of {@code examples/<name>} as it is in the checkout, with an empty {@code .mvn} so
     * that Maven takes the copy as the top directory and nothing of the enclosing checkout.
     */
    static Example copy(String name) throws IOException {
      Path from = EXAMPLES.resolve(name).toAbsolutePath().normalize();
      Path pom = from.resolve("pom.xml");
      assertThat(Files.readString(pom))
          .as("%s names the cfc version being built", pom)
          .contains("<cfc.version>" + VERSION + "</cfc.version>");
      Path to = WORK.resolve(name).toAbsolutePath().normalize();
      delete(to);
      try (Stream<Path> all = Files.walk(from)) {
        for (Path file : all.toList()) {
          Path relative = from.relativize(file);
          if (relative.getNameCount() > 0
              && NOT_COPIED.contains(relative.getName(0).toString())) {
            continue;
          }
          if (Files.isDirectory(file)) {
            Files.createDirectories(to.resolve(relative.toString()));
          } else {
            Files.copy(file, to.resolve(relative.toString()));
          }
        }
      }
      Files.createDirectories(to.resolve(".mvn"));
      return new Example(to);
    }

    /** Runs {@code mvn -B -o <goal>} in the copy against the build's local repository. */
    Run mvn(String goal) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(mavenExecutable());
      command.addAll(List.of("-B", "-o", "-ntp"));
      String localRepository = System.getProperty("cfc.it.localRepository");
      if (localRepository != null && !localRepository.isEmpty()) {
        command.add("-Dmaven.repo.local=" + localRepository);
      }
      command.add(goal);
      Path logFile = dir.resolveSibling(
          dir.getFileName() + "-" + (++runs) + "-" + goal.replace(':', '-') + ".log");
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile());
      // Short builds: the C1 compiler alone starts Maven faster.
      builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("mvn " + goal + " in " + dir + " timed out; log " + logFile);
      }
      String log = Files.readString(logFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
      return new Run("mvn " + goal, process.exitValue(), log, logFile);
    }
  }

  /** Replaces the one occurrence of {@code from}, as a developer editing the DSL would. */
  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text.indexOf(from))
        .as("%s in %s", from, file)
        .isNotNegative()
        .isEqualTo(text.lastIndexOf(from));
    Files.writeString(file, text.replace(from, to));
  }

  private static String mavenExecutable() {
    String windows = System.getProperty("os.name", "").startsWith("Windows") ? ".cmd" : "";
    String home = System.getProperty("cfc.it.mavenHome");
    if (home == null || home.isEmpty()) {
      return "mvn" + windows;
    }
    return Path.of(home, "bin", "mvn" + windows).toString();
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

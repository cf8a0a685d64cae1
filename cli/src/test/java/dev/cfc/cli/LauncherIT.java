package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The built command as a user runs it: {@code ./cfc} (the packaged jar and its class-data
 * archive) on a copy of {@code examples/quickstart}. Which classes a run loads shows which path
 * it took: a run answered from the fingerprint never loads picocli or the compiler.
 */
class LauncherIT {

  @TempDir
  Path work;

  private final Path root =
      Path.of(System.getProperty("cfc.it.root", "..")).toAbsolutePath().normalize();

  /** What one run printed and which classes it loaded. */
  record Run(int exitCode, String out, String err, List<String> loadedClasses) {
    boolean loaded(String prefix) {
      return loadedClasses.stream().anyMatch(name -> name.startsWith(prefix));
    }
  }

  @Test
  void aRepeatedNoChangeGenerateIsAnsweredWithoutLoadingTheCompiler() throws Exception {
    Path project = work.resolve("quickstart");
    copy(root.resolve("examples/quickstart"), project);

    Run first = cfc(project, "generate");
    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("wrangler.toml: +2 containers", "cfc.lock: created");

    ProjectFiles.settle(project);
    Run second = cfc(project, "generate", "-v");
    assertThat(second.out()).isEqualTo("no changes\n");
    assertThat(second.err()).contains("cfc: saved .cfc/fingerprint");
    assertThat(second.loaded("picocli.")).isTrue();

    Run third = cfc(project, "generate");
    assertThat(third.exitCode()).isZero();
    assertThat(third.out()).isEqualTo("no changes\n");
    assertThat(third.loaded("dev.cfc.cli.NoChangeShortcut")).isTrue();
    assertThat(third.loaded("picocli.")).as("picocli loaded").isFalse();
    assertThat(third.loaded("org.tomlj.")).as("tomlj loaded").isFalse();
    assertThat(third.loaded("dev.cfc.codegen.internal."))
        .as("the compiler loaded")
        .isFalse();

    Path source = project.resolve("cfc/app/QuickstartContainers.java");
    String text = Files.readString(source);
    assertThat(text).contains(".maxInstances(5)");
    Files.writeString(source, text.replace(".maxInstances(5)", ".maxInstances(6)"));
    Run fourth = cfc(project, "generate");
    assertThat(fourth.out()).startsWith("wrangler.toml: ~1 field\n");
    assertThat(fourth.loaded("picocli.")).isTrue();

    Run check = cfc(project, "check");
    assertThat(check.exitCode()).isZero();
    assertThat(check.out()).isEqualTo("up to date\n");
  }

  /**
   * {@code Set.of} and {@code Map.of} iterate in an order salted afresh in every JVM; each run
   * below is a JVM of its own, so a generated file that followed that order would be stale for
   * the next one.
   */
  @Test
  void checkRightAfterGenerateIsUpToDateInEveryJvmForDefinitionsBuiltFromSetOfAndMapOf()
      throws Exception {
    Path project = work.resolve("quickstart");
    copy(root.resolve("examples/quickstart"), project);
    Files.writeString(project.resolve("cfc/app/FleetContainers.java"), """
        package app;

        import dev.cfc.dsl.*;
        import java.util.*;

        public final class FleetContainers implements ContainerSet {
          @Override public List<ContainerDefinition> containers() {
            return Set.of("reports", "billing", "search", "thumbnails", "mailer", "exports",
                    "imports", "audit")
                .stream()
                .map(name -> {
                  var builder = Container.define(name)
                      .image(Image.registry("registry.cloudflare.com/quickstart/" + name + ":1"))
                      .enableInternet(false)
                      .allowedHosts(Set.of("a.example.com", "b.example.com", "c.example.com",
                          "d.example.com", "e.example.com", "f.example.com").toArray(String[]::new))
                      .deniedHosts(Set.of("x.example.com", "y.example.com", "z.example.com"))
                      .env(Map.of("ALPHA", "1", "BETA", "2", "GAMMA", "3", "DELTA", "4"));
                  Map.of("team", "fleet", "tier", "batch", "zone", "eu", "cost", "low")
                      .forEach(builder::label);
                  return builder.build();
                })
                .toList();
          }
        }
        """);

    Run generate = cfc(project, "generate");
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    assertThat(generate.err()).doesNotContain("warning");
    assertThat(generate.out()).contains("wrangler.toml: +10 containers");
    for (int jvm = 1; jvm <= 3; jvm++) {
      Run check = cfc(project, "check");
      assertThat(check.exitCode())
          .as("check in JVM " + jvm + ":\n" + check.out())
          .isZero();
      assertThat(check.out()).isEqualTo("up to date\n");
    }
  }

  private Run cfc(Path project, String... args) throws IOException, InterruptedException {
    Path classes = Files.createTempFile(work, "classes", ".log");
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    List<String> command =
        new ArrayList<>(List.of(root.resolve("cfc").toString(), "-C", project.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes);
    Process process = builder.start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("cfc finished").isTrue();
    List<String> loaded = new ArrayList<>();
    for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
      String[] parts = line.split(" ");
      for (int i = 0; i + 1 < parts.length; i++) {
        if (parts[i + 1].equals("source:")) {
          loaded.add(parts[i]);
        }
      }
    }
    String stderr = Files.readString(err)
        .lines()
        .filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
        .reduce("", (a, b) -> a + b + "\n");
    return new Run(process.exitValue(), Files.readString(out), stderr, loaded);
  }

  private static void copy(Path from, Path to) throws IOException {
    ProjectFiles.copy(
        from,
        to,
        relative -> relative.startsWith(".cfc")
            || relative.startsWith("src/_generated")
            || relative.toString().equals("cfc.lock"));
  }
}

package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cfc generate}'s no-change shortcut: it answers only when a full run would also find
 * nothing to do. Every input change below is one a full run acts on, so a shortcut that
 * answered after it would have hidden a needed change.
 */
class NoChangeShortcutTest {

  @TempDir Path project;

  private String out;
  private String err;

  private static final String SOURCE = """
      package app;

      import dev.cfc.dsl.*;
      import java.util.List;

      public final class AppContainers implements ContainerSet {
        @Override public List<ContainerDefinition> containers() {
          return List.of(
              Container.define("api")
                  .image(Image.build("containers/api"))
                  .defaultPort(8080)
                  .maxInstances(3)
                  .environment("staging", env -> env.maxInstances(1))
                  .build());
        }
      }
      """;

  @BeforeEach
  void generatedAndSettledProject() throws IOException {
    write("cfc.toml", """
        sources = "cfc"
        typescript-out = "src/_generated"
        java-out = "app/src/main/java"
        environments = ["staging"]
        """);
    write("wrangler.toml", """
        name = "shop"
        main = "src/index.ts"
        compatibility_date = "2025-11-17"

        [env.staging]
        name = "shop-staging"
        """);
    write("containers/api/Dockerfile", "FROM alpine:3.20\n");
    write("cfc/app/AppContainers.java", SOURCE);
    assertThat(run("generate")).isZero();
    assertThat(out).contains("wrangler.toml: +2 containers");
    settle();
    assertThat(run("generate")).isZero();
    assertThat(out).isEqualTo("no changes\n");
    assertThat(project.resolve(NoChangeShortcut.FILE)).isRegularFile();
  }

  @Test
  void answersWhatAFullRunWouldAnswer() {
    assertThat(answered("generate")).isTrue();
    assertThat(out).isEqualTo("no changes\n");
    assertThat(run("generate")).isZero();
    assertThat(out).isEqualTo("no changes\n");
    assertThat(err).isEmpty();
  }

  @Test
  void quietIsItsOwnCommandLine() throws IOException {
    assertThat(answered("-q", "generate")).isFalse();
    assertThat(run("generate", "--quiet")).isZero();
    assertThat(out).isEmpty();
    assertThat(answered("generate", "-q")).isTrue();
    assertThat(out).isEmpty();
    assertThat(answered("generate")).isFalse();
  }

  @Test
  void verboseAlwaysCompilesAndSaysWhatItSaved() {
    assertThat(answered("generate", "-v")).isFalse();
    assertThat(run("generate", "-v")).isZero();
    assertThat(err).contains("javac not run")
        .contains("cfc: saved .cfc/fingerprint: until an input changes");
  }

  @Test
  void filesOutsideTheInputsAndNewTimesOnUnchangedFilesDoNotMatter() throws IOException {
    write("README.md", "# shop\n");
    write("src/index.ts", "export default {};\n");
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path path : walk.toList()) {
        Files.setLastModifiedTime(path, FileTime.fromMillis(System.currentTimeMillis()));
      }
    }
    assertThat(answered("generate")).isTrue();
  }

  /** An input change, and what the full run that follows must do about it. */
  record Change(String name, Edit edit) {
    @Override public String toString() {
      return name;
    }
  }

  interface Edit {
    void apply(Path project) throws IOException;
  }

  static List<Change> inputChanges() {
    return List.of(
        new Change("a value in a definition", p -> replace(p, "cfc/app/AppContainers.java",
            "maxInstances(3)", "maxInstances(4)")),
        new Change("a new source file", p -> write(p, "cfc/app/MoreContainers.java",
            SOURCE.replace("AppContainers", "MoreContainers").replace("\"api\"", "\"worker\""))),
        new Change("a source file removed", p -> {
          write(p, "cfc/app/MoreContainers.java", """
              package app;
              public final class MoreContainers {}
              """);
          Files.delete(p.resolve("cfc/app/AppContainers.java"));
        }),
        new Change("cfc.toml", p -> replace(p, "cfc.toml", "environments",
            "java-package = \"shop.generated\"\nenvironments")),
        new Change("wrangler.toml edited by hand", p -> replace(p, "wrangler.toml",
            "max_instances = 3", "max_instances = 5")),
        new Change("a wrangler.json beside wrangler.toml", p -> write(p, "wrangler.json",
            "{ \"name\": \"shop\", \"main\": \"src/index.ts\","
                + " \"compatibility_date\": \"2025-11-17\" }\n")),
        new Change("cfc.lock deleted", p -> Files.delete(p.resolve("cfc.lock"))),
        new Change("a generated TypeScript file edited", p -> replace(p,
            "src/_generated/ApiContainer.ts", "class", "class ")),
        new Change("a generated TypeScript file deleted", p ->
            Files.delete(p.resolve("src/_generated/ApiContainer.ts"))),
        new Change("a stale generated file", p -> write(p, "src/_generated/OldContainer.ts",
            firstLine(p, "src/_generated/ApiContainer.ts") + "\nexport {};\n")),
        new Change("a generated Java file edited", p -> {
          try (Stream<Path> walk = Files.walk(p.resolve("app/src/main/java"))) {
            Path java = walk.filter(f -> f.toString().endsWith(".java")).findFirst()
                .orElseThrow();
            Files.writeString(java, Files.readString(java) + "\n");
          }
        }),
        new Change("the Dockerfile deleted", p ->
            Files.delete(p.resolve("containers/api/Dockerfile"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputChanges")
  void anyInputChangeMeansAFullRunThatActsOnIt(Change change) throws IOException {
    change.edit().apply(project);
    assertThat(answered("generate")).as("shortcut after " + change).isFalse();
    int code = run("generate");
    assertThat(code != 0 || !err.isEmpty() || !out.equals("no changes\n"))
        .as("the full run after " + change + " had something to do or say").isTrue();
  }

  @Test
  void definitionsThatReadTheEnvironmentAreCompiledEveryTime() throws IOException {
    write("cfc/app/AppContainers.java", SOURCE.replace("maxInstances(3)",
        "maxInstances(Integer.parseInt(System.getenv().getOrDefault(\"API_MAX\", \"3\")))"));
    assertThat(run("generate")).isZero();
    settle();
    assertThat(run("generate", "-v")).isZero();
    assertThat(out).isEqualTo("no changes\n");
    assertThat(err).contains("cfc: no fingerprint: the definitions use java.lang.System, so the"
        + " same sources may not give the same containers: every run compiles");
    assertThat(project.resolve(NoChangeShortcut.FILE)).doesNotExist();
    assertThat(answered("generate")).isFalse();
  }

  @Test
  void anInputModifiedDuringTheRunIsNotTrusted() throws IOException {
    Files.delete(project.resolve(NoChangeShortcut.FILE));
    // A time a second after now: the file was touched while the run was under way.
    Path source = project.resolve("cfc/app/AppContainers.java");
    Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 1_000));
    assertThat(run("generate", "-v")).isZero();
    assertThat(err).contains("cfc: no fingerprint: cfc/app/AppContainers.java changed moments"
        + " ago; a later run saves the fingerprint");
    assertThat(project.resolve(NoChangeShortcut.FILE)).doesNotExist();
  }

  @Test
  void aFileTimeIsSettledAfterTheFileSystemsResolution() {
    assertThat(InputStates.settledAt(1_700_000_000_123L)).isEqualTo(1_700_000_000_173L);
    assertThat(InputStates.settledAt(1_700_000_000_000L)).isEqualTo(1_700_000_002_000L);
  }

  @Test
  void onlyPlainGenerateCommandLinesAreUnderstood() {
    assertThat(NoChangeShortcut.parse(new String[] {"generate"})).isNotNull();
    assertThat(NoChangeShortcut.parse(new String[] {"-C", "x", "generate", "--no-color"}))
        .isEqualTo(new NoChangeShortcut.Invocation(
            Path.of("x").toAbsolutePath().resolve("cfc.toml"), false, false));
    assertThat(NoChangeShortcut.parse(new String[] {"generate", "--config", "p/cfc.toml", "-q"}))
        .isEqualTo(new NoChangeShortcut.Invocation(
            Path.of("p/cfc.toml").toAbsolutePath(), true, false));
    for (String line : List.of("check", "diff", "generate --dry-run", "generate --env staging",
        "generate --adopt", "generate --allow-destroy", "--json generate", "generate generate",
        "generate -C", "-Cx generate", "generate -qv", "generate --help", "")) {
      String[] args = line.isEmpty() ? new String[0] : line.split(" ");
      assertThat(NoChangeShortcut.parse(args)).as(line).isNull();
    }
  }

  @Test
  void aDamagedFingerprintMeansAFullRun() throws IOException {
    Path fingerprint = project.resolve(NoChangeShortcut.FILE);
    Files.writeString(fingerprint, Files.readString(fingerprint).replace("state ", "stat "));
    assertThat(answered("generate")).isFalse();
    assertThat(run("generate")).isZero();
    assertThat(out).isEqualTo("no changes\n");
  }

  private boolean answered(String... args) {
    StringWriter o = new StringWriter();
    boolean answered = NoChangeShortcut.answer(withProject(args), new PrintWriter(o));
    out = o.toString();
    return answered;
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(withProject(args), new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return code;
  }

  private String[] withProject(String... args) {
    List<String> all = new ArrayList<>(List.of("-C", project.toString()));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  /** Every file and directory last changed a minute ago, as after an ordinary pause. */
  private void settle() throws IOException {
    FileTime aMinuteAgo = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path path : walk.toList()) {
        Files.setLastModifiedTime(path, aMinuteAgo);
      }
    }
  }

  private void write(String path, String text) throws IOException {
    write(project, path, text);
  }

  private static void write(Path project, String path, String text) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void replace(Path project, String path, String from, String to)
      throws IOException {
    Path file = project.resolve(path);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static String firstLine(Path project, String path) throws IOException {
    return Files.readAllLines(project.resolve(path)).get(0);
  }
}

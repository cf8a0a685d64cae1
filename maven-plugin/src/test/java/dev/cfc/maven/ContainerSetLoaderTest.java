package dev.cfc.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.dsl.ContainerDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSetLoaderTest {

  private static final Path TEST_CLASSES = Path.of("target/test-classes");
  private static final Path TEST_SOURCES = Path.of("src/test/java");

  @TempDir
  Path project;

  @Test
  void loadsEverySetInClassNameOrderWithTheDslOfThePlugin() throws IOException {
    try (ContainerSetLoader.Loaded loaded = load("ordered")) {
      assertThat(loaded.diagnostics()).isEmpty();
      assertThat(loaded.definitions())
          .extracting(ContainerDefinition::name)
          .containsExactly("a1", "a2", "b");
    }
  }

  @Test
  void setOfAndMapOfInTheProjectsClassesIterateInTheOrderWrittenAsInDefinitionsTheCliCompiles()
      throws IOException {
    try (ContainerSetLoader.Loaded loaded = load("unordered")) {
      // Set.of of ten elements iterates in a per-JVM order unless its calls were rewritten.
      assertThat(loaded.definitions())
          .extracting(ContainerDefinition::name)
          .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "h");
    }
  }

  @Test
  void aHashOrderedCollectionInASetIsACfc095WarningAtItsSourceLine() throws IOException {
    Path sources = project.resolve("src/main/java");
    copy(TEST_SOURCES, sources, "unordered", ".java");
    Path source = sources.resolve("dev/cfc/maven/fixtures/unordered/Unordered.java");
    List<String> lines = Files.readAllLines(source);
    int hashSetLine = 1
        + lines.indexOf(lines.stream()
            .filter(line -> line.contains("new HashSet"))
            .findFirst()
            .orElseThrow());
    try (ContainerSetLoader.Loaded loaded = load("unordered", sources)) {
      assertThat(loaded.definitions()).hasSize(11);
      assertThat(loaded.diagnostics()).singleElement().satisfies(warning -> {
        assertThat(warning.isError()).isFalse();
        assertThat(warning.code()).isEqualTo("CFC095");
        assertThat(warning.location().render())
            .isEqualTo("src/main/java/dev/cfc/maven/fixtures/unordered/Unordered.java:"
                + hashSetLine + ":1");
      });
    }
  }

  @Test
  void aSetWithoutANoArgConstructorIsAnError() throws IOException {
    try (ContainerSetLoader.Loaded loaded = load("noctor")) {
      assertThat(loaded.definitions()).isEmpty();
      assertThat(loaded.diagnostics())
          .extracting(Diagnostic::render)
          .containsExactly(
              "dev/cfc/maven/fixtures/noctor/NeedsArgument.java: error CFC204: ContainerSet"
                  + " dev.cfc.maven.fixtures.noctor.NeedsArgument has no public no-arg constructor\n"
                  + "    add `public NeedsArgument() {}`");
    }
  }

  @Test
  void aSetThatThrowsIsLocatedAtTheThrowingLineOfItsSource() throws IOException {
    Path sources = project.resolve("src/main/java");
    copy(TEST_SOURCES, sources, "throwing", ".java");
    try (ContainerSetLoader.Loaded loaded = load("throwing", sources)) {
      assertThat(loaded.diagnostics()).hasSize(1);
      Diagnostic error = loaded.diagnostics().get(0);
      assertThat(error.code()).isEqualTo("CFC204");
      assertThat(error.location().render())
          .isEqualTo("src/main/java/dev/cfc/maven/fixtures/throwing/Throwing.java:10:1");
      assertThat(error.message())
          .isEqualTo("loading dev.cfc.maven.fixtures.throwing.Throwing"
              + " failed with IllegalStateException: boom");
    }
  }

  @Test
  void noSetIsAnError() throws IOException {
    Files.createDirectories(project.resolve("target/classes"));
    try (ContainerSetLoader.Loaded loaded = new ContainerSetLoader(
            project, List.of(), ProjectConfig.DEFAULT_DEFINITION_TIMEOUT)
        .load(project.resolve("target/classes"), List.of())) {
      assertThat(loaded.diagnostics()).extracting(Diagnostic::code).containsExactly("CFC202");
      assertThat(loaded.diagnostics().get(0).message())
          .isEqualTo(
              "no public ContainerSet class with a public no-arg constructor in target/classes");
    }
  }

  @Test
  void uncompiledProjectSaysHowToCompile() throws IOException {
    try (ContainerSetLoader.Loaded loaded = new ContainerSetLoader(
            project, List.of(), ProjectConfig.DEFAULT_DEFINITION_TIMEOUT)
        .load(project.resolve("target/classes"), List.of())) {
      assertThat(loaded.diagnostics())
          .extracting(Diagnostic::render)
          .containsExactly("target/classes: error CFC202: no compiled classes in target/classes\n"
              + "    compile the project first: `mvn cfc:generate` does, and a bound cfc:check"
              + " runs after compile; on its own run `mvn compile cfc:check`");
    }
  }

  private ContainerSetLoader.Loaded load(String fixture, Path... sourceRoots) throws IOException {
    Path classes = project.resolve("target/classes");
    copy(TEST_CLASSES, classes, fixture, ".class");
    return new ContainerSetLoader(
            project, List.of(sourceRoots), ProjectConfig.DEFAULT_DEFINITION_TIMEOUT)
        .load(classes, List.of(classes));
  }

  /** Copies one fixture package, keeping its package directories. */
  private static void copy(Path from, Path to, String fixture, String suffix) throws IOException {
    Path dir = from.resolve("dev/cfc/maven/fixtures").resolve(fixture);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }
}

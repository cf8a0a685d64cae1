package dev.cfc.codegen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.Importer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The central property of {@code cfc import}: on every golden config that declares containers
 * (the reconcile goldens' inputs and the whole-product goldens' inputs, TOML and JSONC), the
 * first {@code cfc generate} after the import changes no byte of the config.
 */
class ImportRoundTripTest {

  private static final Path RESOURCES = Path.of("src/test/resources");

  /**
   * Errors a config can have of its own, which the import must not hide: generate reports them
   * and writes nothing, as it does without the import (CFC107: a container class created with
   * {@code new_classes}).
   */
  private static final List<String> CONFIG_ERRORS = List.of("CFC107");

  static Stream<Named<Path>> configsWithContainers() throws IOException {
    List<Path> configs = new ArrayList<>();
    for (String dir : List.of("reconcile", "reconcile-jsonc")) {
      try (Stream<Path> cases = Files.list(RESOURCES.resolve(dir))) {
        cases.sorted().forEach(c -> {
          for (String name : List.of("input.toml", "input.jsonc")) {
            if (Files.isRegularFile(c.resolve(name))) {
              configs.add(c.resolve(name));
            }
          }
        });
      }
    }
    try (Stream<Path> cases = Files.list(RESOURCES.resolve("golden"))) {
      cases.sorted().forEach(c -> {
        for (String name : List.of("wrangler.toml", "wrangler.jsonc", "wrangler.json")) {
          if (Files.isRegularFile(c.resolve("input").resolve(name))) {
            configs.add(c.resolve("input").resolve(name));
          }
        }
      });
    }
    return configs.stream()
        .filter(ImportRoundTripTest::declaresContainers)
        .map(c -> Named.of(RESOURCES.relativize(c).toString(), c));
  }

  private static boolean declaresContainers(Path config) {
    try {
      Path dir = Files.createTempDirectory("cfc-import-probe");
      Files.copy(config, dir.resolve(wranglerName(config)));
      return Importer.declaresContainers(dir, null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String wranglerName(Path config) {
    String name = config.getFileName().toString();
    return name.endsWith(".toml")
        ? "wrangler.toml"
        : name.endsWith(".json") ? "wrangler.json" : "wrangler.jsonc";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configsWithContainers")
  void theFirstGenerateAfterAnImportChangesNoByteOfTheConfig(Path config, @TempDir Path dir)
      throws IOException {
    String text = Files.readString(config, StandardCharsets.UTF_8);
    ImportedProject project = ImportedProject.of(dir, wranglerName(config), text);
    if (project.imported.hasErrors()) {
      assertThat(project.imported.diagnostics())
          .as("an import that fails says where and why")
          .allSatisfy(d -> assertThat(d.location().line()).isPositive())
          .anyMatch(Diagnostic::isError);
      return;
    }
    project.writeImport();
    CompileResult result = project.generate();
    if (result.hasErrors()
        && result.diagnostics().stream()
            .filter(Diagnostic::isError)
            .allMatch(d -> CONFIG_ERRORS.contains(d.code()))) {
      assertThat(project.config()).isEqualTo(text);
      return;
    }
    assertThat(result.diagnostics())
        .as(
            "generate after import:\n%s\n%s",
            ImportedProject.render(result.diagnostics()), project.source())
        .noneMatch(Diagnostic::isError);
    if (project.imported.diagnostics().stream().anyMatch(d -> d.code().equals("CFC245"))) {
      // the config lacks a binding or migration wrangler needs: generate completes it, once
      assertThat(project.generate().changedFiles()).as("idempotent").isEmpty();
      return;
    }
    assertThat(project.config())
        .as("%s\n%s", ImportedProject.diff(text, project.config()), project.source())
        .isEqualTo(text);
    assertThat(project.generate().changedFiles()).as("idempotent").isEmpty();
  }
}

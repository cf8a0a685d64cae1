package dev.cfc.codegen.imports;

import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.ImportRequest;
import dev.cfc.codegen.ImportResult;
import dev.cfc.codegen.Importer;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A project made of one wrangler config, taken through {@code cfc import} and then
 * {@code cfc generate} the way the CLI runs them: the imported source is written below
 * {@code cfc/}, {@code cfc.toml} lists the environments the import reported, and the definitions
 * are compiled by javac.
 */
final class ImportedProject {

  private static final Pattern BUILD = Pattern.compile("Image\\.build\\(\"([^\"]+)\"\\)");

  final Path dir;
  final String configName;
  ImportResult imported;

  ImportedProject(Path dir, String configName) {
    this.dir = dir;
    this.configName = configName;
  }

  /**
   * A project holding {@code config} under {@code configName}; every Dockerfile its entries
   * build is created as a stub when missing, as the project beside a deployed config has it.
   */
  static ImportedProject of(Path dir, String configName, String config) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(configName), config, StandardCharsets.UTF_8);
    ImportedProject project = new ImportedProject(dir, configName);
    ImportResult first = project.runImport(List.of());
    if (first.source() != null) {
      Matcher m = BUILD.matcher(first.source());
      while (m.find()) {
        Path dockerfile = dir.resolve(m.group(1));
        if (!Files.exists(dockerfile)) {
          Files.createDirectories(dockerfile.getParent());
          Files.writeString(dockerfile, "FROM scratch\n", StandardCharsets.UTF_8);
        }
      }
    }
    return project;
  }

  ImportResult runImport(List<String> only) {
    imported = Importer.run(ImportRequest.builder(dir).only(only).build());
    return imported;
  }

  /** Writes the imported source and {@code cfc.toml}, as {@code cfc import} does. */
  void writeImport() throws IOException {
    if (imported.hasErrors()) {
      throw new AssertionError("import failed:\n" + render(imported.diagnostics()));
    }
    Path source = dir.resolve("cfc").resolve(imported.relativePath());
    Files.createDirectories(source.getParent());
    Files.writeString(source, imported.source(), StandardCharsets.UTF_8);
    String environments = imported.environments().stream()
        .map(e -> "\"" + e + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
    Files.writeString(
        dir.resolve("cfc.toml"),
        "sources = \"cfc\"\nwrangler = \"" + configName + "\"\nenvironments = " + environments
            + "\n",
        StandardCharsets.UTF_8);
  }

  /** {@code cfc generate}: compiles the definitions and writes what the compile planned. */
  CompileResult generate() throws IOException {
    ProjectConfig.Loaded loaded = ProjectConfig.load(dir.resolve(ProjectConfig.FILE_NAME));
    if (loaded.config() == null) {
      throw new AssertionError(render(loaded.diagnostics()));
    }
    DefinitionLoader.Loaded definitions =
        new DefinitionLoader(dir, null).load(loaded.config().sourcesDir());
    if (!definitions.diagnostics().isEmpty()) {
      return new CompileResult(definitions.diagnostics(), List.of());
    }
    CompileResult result = Compiler.compile(CompileRequest.from(loaded.config())
        .definitions(definitions.definitions())
        .build());
    if (!result.hasErrors()) {
      OutputWriter.write(dir, result);
    }
    return result;
  }

  /**
   * {@code cfc generate}, asserting that it succeeds and leaves the config as {@code original}
   * (the failure shows the diff and the imported source).
   */
  CompileResult generateKeeping(String original) throws IOException {
    CompileResult result = generate();
    org.assertj.core.api.Assertions.assertThat(result.diagnostics())
        .as("generate after import:\n%s\n%s", render(result.diagnostics()), source())
        .noneMatch(Diagnostic::isError);
    org.assertj.core.api.Assertions.assertThat(config())
        .as("%s\n%s", diff(original, config()), source())
        .isEqualTo(original);
    return result;
  }

  String config() throws IOException {
    return Files.readString(dir.resolve(configName), StandardCharsets.UTF_8);
  }

  String source() throws IOException {
    return Files.readString(dir.resolve("cfc").resolve(imported.relativePath()));
  }

  void replaceInSource(String from, String to) throws IOException {
    String text = source();
    if (!text.contains(from)) {
      throw new AssertionError("the imported source has no " + from + ":\n" + text);
    }
    Files.writeString(
        dir.resolve("cfc").resolve(imported.relativePath()),
        text.replaceFirst(Pattern.quote(from), to));
  }

  /** A unified diff, for failure messages. */
  static String diff(String before, String after) {
    List<String> a = List.of(before.split("\n", -1));
    List<String> b = List.of(after.split("\n", -1));
    return String.join(
        "\n",
        com.github.difflib.UnifiedDiffUtils.generateUnifiedDiff(
            "before", "after", a, com.github.difflib.DiffUtils.diff(a, b), 1));
  }

  static String render(List<Diagnostic> diagnostics) {
    List<String> out = new ArrayList<>();
    diagnostics.forEach(d -> out.add(d.render()));
    return String.join("\n", out);
  }
}

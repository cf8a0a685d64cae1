package dev.cfc.codegen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.proof.WranglerProof;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real, public wrangler configs that declare containers ({@code public-configs/<name>/}, each with
 * a {@code SOURCE.md} saying where it comes from): imported, then generated with a zero-byte
 * diff of the config, then one DSL change gives a one-line diff, and the real wrangler proves the
 * result for the top level and every environment.
 */
class PublicConfigsTest {

  private static final Path CONFIGS = Path.of("src/test/resources/public-configs");
  private static final Pattern CLASS_NAME = Pattern.compile("\"class_name\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern MAIN = Pattern.compile("\"main\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern MAX_INSTANCES = Pattern.compile("\\.maxInstances\\((\\d+)\\)");

  static Stream<Named<Path>> publicConfigs() throws IOException {
    List<Named<Path>> configs = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CONFIGS)) {
      for (Path dir : dirs.sorted().toList()) {
        assertThat(dir.resolve("SOURCE.md")).as("where %s comes from", dir).exists();
        for (String name : List.of("wrangler.toml", "wrangler.jsonc", "wrangler.json")) {
          if (Files.isRegularFile(dir.resolve(name))) {
            configs.add(Named.of(dir.getFileName().toString(), dir.resolve(name)));
          }
        }
      }
    }
    return configs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicConfigs")
  void importGenerateEditAndProve(Path config, @TempDir Path dir) throws IOException {
    String text = Files.readString(config, StandardCharsets.UTF_8);
    String configName = config.getFileName().toString();
    ImportedProject project = ImportedProject.of(dir, configName, text);
    writeMainModuleStub(dir, text);
    assertThat(project.imported.diagnostics())
        .as(ImportedProject.render(project.imported.diagnostics()))
        .isEmpty();
    project.writeImport();

    project.generateKeeping(text);
    assertThat(dir.resolve("cfc.lock")).exists();

    oneEdit(project);
    CompileResult edited = project.generate();
    assertThat(edited.diagnostics()).noneMatch(Diagnostic::isError);
    List<String> before = text.lines().toList();
    List<String> after = project.config().lines().toList();
    assertThat(after).as(ImportedProject.diff(text, project.config())).hasSameSizeAs(before);
    long changed = 0;
    for (int i = 0; i < before.size(); i++) {
      changed += before.get(i).equals(after.get(i)) ? 0 : 1;
    }
    assertThat(changed).as(ImportedProject.diff(text, project.config())).isEqualTo(1);

    WranglerProof.Result proof =
        WranglerProof.prove(dir.resolve(configName), project.imported.environments());
    assertThat(proof.ok()).as(proof.output()).isTrue();
  }

  /** Raises {@code maxInstances} by one, or, without it, changes the instance type. */
  private static void oneEdit(ImportedProject project) throws IOException {
    Matcher max = MAX_INSTANCES.matcher(project.source());
    if (max.find()) {
      project.replaceInSource(
          max.group(), ".maxInstances(" + (Integer.parseInt(max.group(1)) + 1) + ")");
    } else if (project.source().contains("InstanceType.BASIC")) {
      project.replaceInSource("InstanceType.BASIC", "InstanceType.STANDARD_1");
    } else {
      project.replaceInSource(".adopt()", ".maxInstances(2)\n.adopt()");
    }
  }

  /**
   * The stub entry module the dry run bundles, at the config's {@code main}: it exports every
   * class the config names, as the real Worker does.
   */
  private static void writeMainModuleStub(Path dir, String config) throws IOException {
    Matcher main = MAIN.matcher(config);
    if (!main.find()) {
      return;
    }
    Set<String> classes = new LinkedHashSet<>();
    Matcher m = CLASS_NAME.matcher(config);
    while (m.find()) {
      classes.add(m.group(1));
    }
    StringBuilder stub = new StringBuilder();
    classes.forEach(c -> stub.append("export class ").append(c).append(" {}\n"));
    stub.append("export default { fetch() { return new Response(\"ok\"); } };\n");
    Path module = dir.resolve(main.group(1)).normalize();
    Files.createDirectories(module.getParent());
    Files.writeString(module, stub.toString(), StandardCharsets.UTF_8);
  }
}

package dev.cfc.codegen.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.codegen.proof.WranglerProof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Every example deploys: each project file of each {@code examples/} project, generated on a
 * copy, passes the real {@code wrangler deploy --dry-run} (which bundles the Worker, so every
 * Durable Object class the config names must be exported) for the top level and every
 * environment its wrangler config declares. The copies live under
 * {@code runtime-js-templates/target}, so their imports resolve to the packages the build
 * installed.
 */
class EveryExampleDeploysTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLES = ROOT.resolve("examples");
  private static final Path RUNTIME = ROOT.resolve("runtime-js-templates");
  private static final Set<String> NOT_COPIED =
      Set.of(".cfc", "target", ".wrangler", "node_modules", "_generated");

  private static Path work;

  @BeforeAll
  static void workArea() throws IOException {
    if (!Files.isDirectory(RUNTIME.resolve("node_modules/@cloudflare/containers"))) {
      fail("runtime-js-templates/node_modules is missing: build runtime-js-templates with its"
          + " tests first (it runs npm ci)");
    }
    work = Files.createTempDirectory(
        Files.createDirectories(RUNTIME.resolve("target")), "examples-deploy-");
  }

  @AfterAll
  static void deleteTheCopies() throws IOException {
    ExampleCopies.delete(work);
  }

  /** {@code <example>/<project file>}: every cfc project file of every example. */
  static List<String> projectFiles() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> examples = Files.list(EXAMPLES)) {
      for (Path example : examples.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(example)) {
          files
              .map(f -> f.getFileName().toString())
              .filter(name -> name.matches("cfc(\\.[a-z0-9-]+)?\\.toml"))
              .sorted()
              .forEach(name -> found.add(example.getFileName() + "/" + name));
        }
      }
    }
    assertThat(found).contains("quickstart/cfc.toml", "media-platform/cfc.toml");
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projectFiles")
  void generatedExamplePassesTheWranglerDryRunInEveryEnvironment(String projectFile)
      throws IOException {
    String example = projectFile.substring(0, projectFile.indexOf('/'));
    Path copy = work.resolve(projectFile.replace('/', '_'));
    ExampleCopies.copy(EXAMPLES.resolve(example), copy, NOT_COPIED);

    ProjectConfig.Loaded loadedConfig =
        ProjectConfig.load(copy.resolve(projectFile.substring(example.length() + 1)));
    assertThat(loadedConfig.diagnostics()).isEmpty();
    ProjectConfig config = loadedConfig.config();
    DefinitionLoader.Loaded definitions =
        new DefinitionLoader(copy, null).load(config.sourcesDir());
    assertThat(definitions.diagnostics()).isEmpty();
    CompileResult result = Compiler.compile(
        CompileRequest.from(config).definitions(definitions.definitions()).build());
    assertThat(result.diagnostics()).isEmpty();
    OutputWriter.write(copy, result);

    Path wrangler = wranglerFile(copy, config);
    List<String> environments = declaredEnvironments(wrangler);
    assertThat(environments).containsAll(config.environments());
    WranglerProof.Result proof = WranglerProof.prove(wrangler, environments);
    assertThat(proof.ok()).as(proof.output()).isTrue();
    assertThat(proof.checks())
        .filteredOn(line -> line.contains("[dry-run"))
        .hasSize(environments.size() + 1);
  }

  private static Path wranglerFile(Path dir, ProjectConfig config) {
    if (config.wrangler() != null) {
      return dir.resolve(config.wrangler());
    }
    for (String name : List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml")) {
      if (Files.exists(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    throw new AssertionError("no wrangler config in " + dir);
  }

  /** The names under {@code env} in a wrangler config: every environment it can deploy. */
  private static List<String> declaredEnvironments(Path wrangler) throws IOException {
    List<String> names = new ArrayList<>();
    if (wrangler.toString().endsWith(".toml")) {
      TomlParseResult toml = Toml.parse(wrangler);
      TomlTable env = toml.getTable("env");
      if (env != null) {
        names.addAll(env.keySet());
      }
    } else {
      JsonNode json = JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build()
          .readTree(wrangler.toFile());
      json.path("env").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }
}

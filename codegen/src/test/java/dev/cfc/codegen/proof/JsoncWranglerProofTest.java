package dev.cfc.codegen.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The real wrangler accepts every config the reconcile golden cases expect cfc to write: each
 * {@code expected.jsonc} / {@code expected.json} under {@code reconcile-jsonc/} and each {@code
 * expected.toml} under {@code reconcile/} whose case ends without errors and that is a complete
 * config ({@code main} and {@code compatibility_date} set), proven for the top level and every
 * environment it declares. Each is copied to a temporary project with a stub {@code main} that
 * exports every Durable Object class it binds, and a Dockerfile wherever an image names one.
 * Identical configs are proven once.
 */
class JsoncWranglerProofTest {

  private static final Path RESOURCES = Path.of("src/test/resources");
  private static final ObjectMapper JSONC = new ObjectMapper(JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build());

  /**
   * Expected configs whose hand-written part draws a wrangler warning cfc is not responsible for:
   * they are proven with warnings allowed, after checking that the strict proof failed only on
   * that warning.
   */
  private static final Map<String, String> INPUT_WARNINGS = Map.of(
      "reconcile/environments/expected.toml",
      "\"vars\" exists at the top level, but not on \"env.staging\"",
      "reconcile/equivalent-values/expected.toml",
      "The \"dev\" instance_type has been renamed to \"lite\"",
      "reconcile-jsonc/equivalent-values/expected.jsonc",
      "The \"dev\" instance_type has been renamed to \"lite\"");

  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> expectedConfigsPassTheWranglerProof() {
    List<Path> configs = new ArrayList<>();
    configs.addAll(
        expectedConfigs(RESOURCES.resolve("reconcile-jsonc"), "expected.jsonc", "expected.json"));
    configs.addAll(expectedConfigs(RESOURCES.resolve("reconcile"), "expected.toml"));
    Set<String> seen = new LinkedHashSet<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path config : configs) {
      String text = read(config);
      Map<String, Object> tree = parse(config.getFileName().toString(), text);
      if (tree == null
          || !tree.containsKey("main")
          || !tree.containsKey("compatibility_date")
          || !seen.add(config.getFileName() + "\n" + text)) {
        continue;
      }
      String name = RESOURCES.relativize(config).toString();
      tests.add(DynamicTest.dynamicTest(name, () -> prove(name, config, text, tree)));
    }
    assertThat(tests).as("configs to prove").hasSizeGreaterThan(20);
    return tests.stream();
  }

  /**
   * {@code examples/jsonc-environments}: generate writes a wrangler.jsonc that wrangler accepts
   * for the top level, staging and production, keeping the hand-written part, and a second
   * compile changes nothing.
   */
  @Test
  void jsoncExampleGeneratesAConfigWranglerAcceptsInEveryEnvironment() throws IOException {
    Path example =
        Path.of("..", "examples", "jsonc-environments").toAbsolutePath().normalize();
    Path project = work.resolve("jsonc-environments");
    for (String file : List.of(
        "cfc.toml",
        "wrangler.jsonc",
        "cfc/app/PlatformContainers.java",
        "containers/api/Dockerfile")) {
      Files.createDirectories(project.resolve(file).getParent());
      Files.copy(example.resolve(file), project.resolve(file));
    }
    String handWritten = read(project.resolve("wrangler.jsonc"));
    CompileResult first = compileExample(project);
    assertThat(first.diagnostics()).isEmpty();
    OutputWriter.write(project, first);
    assertThat(compileExample(project).isStale()).as("second compile").isFalse();

    String generated = read(project.resolve("wrangler.jsonc"));
    String head = handWritten.substring(0, handWritten.indexOf("\t\t\t],\n\t\t},"));
    assertThat(generated)
        .startsWith(head)
        .contains("\"image\": \"registry.cloudflare.com/acme/api:1.4\",\n"
            + "\t\t\t\t\t\"instance_type\": \"basic\",\n\t\t\t\t\t\"max_instances\": 20,");
    Files.createDirectories(project.resolve("src"));
    Files.writeString(
        project.resolve("src/index.ts"),
        "export class ApiContainer {}\n"
            + "export class FetcherContainer {}\n"
            + "export default { fetch() { return new Response(\"\"); } };\n");
    WranglerProof.Result result =
        WranglerProof.prove(project.resolve("wrangler.jsonc"), List.of("staging", "production"));
    assertThat(result.ok()).as(result.output()).isTrue();
    assertThat(result.checks()).hasSize(7);
  }

  private static CompileResult compileExample(Path project) throws IOException {
    ProjectConfig config = ProjectConfig.load(project.resolve("cfc.toml")).config();
    DefinitionLoader.Loaded loaded = new DefinitionLoader(project, null).load(config.sourcesDir());
    assertThat(loaded.diagnostics()).isEmpty();
    return Compiler.compile(
        CompileRequest.from(config).definitions(loaded.definitions()).build());
  }

  private void prove(String name, Path config, String text, Map<String, Object> tree)
      throws IOException {
    Path project = work.resolve(name.replace('/', '_'));
    String fileName = "wrangler." + extension(config.getFileName().toString());
    Files.createDirectories(project);
    Files.writeString(project.resolve(fileName), text, StandardCharsets.UTF_8);

    Set<String> classes = new LinkedHashSet<>();
    Set<String> dockerfiles = new LinkedHashSet<>();
    Set<String> contexts = new LinkedHashSet<>();
    List<Map<String, Object>> scopes = new ArrayList<>();
    scopes.add(tree);
    List<String> environments = new ArrayList<>();
    if (tree.get("env") instanceof Map<?, ?> envs) {
      envs.forEach((k, v) -> {
        if (v instanceof Map<?, ?> scope) {
          environments.add((String) k);
          scopes.add(cast(scope));
        }
      });
    }
    for (Map<String, Object> scope : scopes) {
      if (scope.get("durable_objects") instanceof Map<?, ?> d
          && d.get("bindings") instanceof List<?> bindings) {
        for (Object b : bindings) {
          classes.add((String) cast(b).get("class_name"));
        }
      }
      if (scope.get("containers") instanceof List<?> containers) {
        for (Object c : containers) {
          Map<String, Object> entry = cast(c);
          // a registry reference has a tag; anything else is a Dockerfile path
          if (entry.get("image") instanceof String image && !image.contains(":")) {
            dockerfiles.add(image);
          }
          if (entry.get("image_build_context") instanceof String context) {
            contexts.add(context);
          }
        }
      }
    }
    for (String context : contexts) {
      Files.createDirectories(project.resolve(context));
    }
    for (String dockerfile : dockerfiles) {
      Path file = project.resolve(dockerfile);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "FROM alpine:3.20\n");
    }
    StringBuilder main = new StringBuilder();
    for (String c : classes) {
      main.append("export class ").append(c).append(" {}\n");
    }
    main.append("export default { fetch() { return new Response(\"\"); } };\n");
    Path mainFile = project.resolve((String) tree.get("main"));
    Files.createDirectories(mainFile.getParent());
    Files.writeString(mainFile, main.toString());

    WranglerProof.Result result = WranglerProof.prove(project.resolve(fileName), environments);
    String warning = INPUT_WARNINGS.get(name);
    if (!result.ok() && warning != null) {
      assertThat(result.failures())
          .as(result.output())
          .allMatch(line -> line.contains("wrangler warned:") && line.contains(warning));
      result = WranglerProof.prove(project.resolve(fileName), environments, true);
    }
    assertThat(result.ok()).as("%s%n%s", name, result.output()).isTrue();
  }

  private static List<Path> expectedConfigs(Path root, String... names) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        Path report = dir.resolve("expected.out");
        if (!Files.exists(report) || read(report).contains(": error ")) {
          continue;
        }
        for (String name : names) {
          if (Files.exists(dir.resolve(name))) {
            out.add(dir.resolve(name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Map<String, Object> parse(String fileName, String text) {
    try {
      if (fileName.endsWith(".toml")) {
        var toml = Toml.parse(text);
        return toml.hasErrors() ? null : cast(plain(toml));
      }
      return cast(JSONC.readValue(text, LinkedHashMap.class));
    } catch (IOException e) {
      return null;
    }
  }

  private static Object plain(Object v) {
    if (v instanceof TomlTable t) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String k : t.keySet()) {
        out.put(k, plain(t.get(List.of(k))));
      }
      return out;
    }
    if (v instanceof TomlArray a) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(plain(a.get(i)));
      }
      return out;
    }
    return v;
  }

  private static String extension(String fileName) {
    return fileName.substring(fileName.lastIndexOf('.') + 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

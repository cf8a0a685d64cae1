package dev.cfc.codegen.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The {@code injection} golden cases carry quotes, backslashes, newlines, {@code ${}, {@code *}/},
 * control characters and non-BMP unicode in build args, env values and labels. Besides matching
 * their goldens, what cfc writes must mean exactly what the DSL said: the wrangler config is
 * parsed back (tomlj / Jackson) and its {@code image_vars} compared with the build args, and the
 * {@code env} and {@code labels} literals of the generated class are evaluated by Node and
 * compared with the DSL's maps.
 */
class GoldenInjectionTest {

  private static final ObjectMapper JSONC = new ObjectMapper(JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build());

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"injection", "injection-jsonc"})
  void hostileStringsReadBackExactlyAsTheDslWroteThem(String name, @TempDir Path temp)
      throws Exception {
    GoldenCase golden = GoldenCase.load(name);
    Path project = temp.resolve("project");
    golden.copyInputTo(project);
    GoldenCase.Run run = golden.compile(project);
    assertThat(run.failed()).as(run.output()).isFalse();
    OutputWriter.write(project, run.result());

    List<ContainerDefinition> definitions =
        new DefinitionLoader(project, null).load(run.config().sourcesDir()).definitions();
    assertThat(definitions).hasSize(1);
    Settings dsl = definitions.get(0).effectiveSettings();
    assertThat(dsl.buildArgs()).as("the case has hostile build args").hasSizeGreaterThan(3);
    assertThat(dsl.env()).as("the case has hostile env values").hasSizeGreaterThan(3);
    assertThat(dsl.labels()).as("the case has hostile labels").isNotEmpty();

    assertThat(imageVars(project, name.endsWith("-jsonc") ? "wrangler.jsonc" : "wrangler.toml"))
        .as("image_vars parsed back from the wrangler config")
        .containsExactlyEntriesOf(dsl.buildArgs());

    String generated = Files.readString(
        project.resolve("src/_generated/TranscoderContainer.ts"), StandardCharsets.UTF_8);
    JsonNode evaluated = evaluate("[" + literalAfter(generated, "\n    env: ", ",\n") + ", "
        + literalAfter(generated, "override labels = ", ";\n") + "]");
    assertThat(toMap(evaluated.get(0)))
        .as("env evaluated by Node")
        .containsExactlyEntriesOf(dsl.env());
    assertThat(toMap(evaluated.get(1)))
        .as("labels evaluated by Node")
        .containsExactlyEntriesOf(dsl.labels());
  }

  private static Map<String, String> imageVars(Path project, String file) throws IOException {
    Path config = project.resolve(file);
    if (file.endsWith(".toml")) {
      TomlParseResult toml = Toml.parse(config);
      assertThat(toml.errors()).isEmpty();
      TomlTable vars = toml.getArray("containers").getTable(0).getTable("image_vars");
      Map<String, String> map = new LinkedHashMap<>();
      for (String key : vars.keySet()) {
        map.put(key, vars.getString(List.of(key)));
      }
      return map;
    }
    JsonNode root = JSONC.readTree(Files.readString(config, StandardCharsets.UTF_8));
    return toMap(root.get("containers").get(0).get("image_vars"));
  }

  private static Map<String, String> toMap(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static String literalAfter(String source, String start, String end) {
    int from = source.indexOf(start);
    assertThat(from).as("generated class has `" + start.strip() + "`").isNotNegative();
    from += start.length();
    return source.substring(from, source.indexOf(end, from));
  }

  /** Evaluates a JavaScript expression with Node and returns it as JSON. */
  private static JsonNode evaluate(String expression) throws Exception {
    Process node = new ProcessBuilder("node", "-").redirectErrorStream(true).start();
    try (OutputStream in = node.getOutputStream()) {
      in.write(("process.stdout.write(JSON.stringify(" + expression + "));\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as("node output:\n" + output).isZero();
    return new ObjectMapper().readTree(output);
  }
}

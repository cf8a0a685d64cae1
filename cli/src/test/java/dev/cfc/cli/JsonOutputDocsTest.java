package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON examples of docs/cli-reference.md are this test's output on a copy of
 * {@code examples/quickstart}: the files under {@code docs/snippets/cli/} that the page quotes.
 * {@code -Dcfc.updateDocs=true} (or {@code -Dcfc.updateGoldens=true}) rewrites them.
 */
class JsonOutputDocsTest {

  private static final boolean UPDATE =
      Boolean.getBoolean("cfc.updateDocs") || Boolean.getBoolean("cfc.updateGoldens");
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SNIPPETS = ROOT.resolve("docs/snippets/cli");

  @TempDir
  Path work;

  private Path quickstart() throws IOException {
    Path project = work.resolve("quickstart");
    ProjectFiles.copy(
        ROOT.resolve("examples/quickstart"),
        project,
        relative -> relative.startsWith(".cfc")
            || relative.startsWith("target")
            || relative.startsWith("src/_generated")
            || relative.toString().equals("cfc.lock"));
    return project;
  }

  private static String run(Path project, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-C";
    all[1] = project.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    StringWriter out = new StringWriter();
    Main.run(all, new PrintWriter(out), new PrintWriter(new StringWriter()));
    return out.toString();
  }

  private static void edit(Path project, String from, String to) throws IOException {
    Path source = project.resolve("cfc/app/QuickstartContainers.java");
    String text = Files.readString(source, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(source, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }

  @Test
  void aStaleCheckAfterChangingMaxInstances() throws IOException {
    Path project = quickstart();
    run(project, "generate");
    edit(project, ".maxInstances(5)", ".maxInstances(6)");

    JsonNode json = new ObjectMapper().readTree(run(project, "check", "--json"));
    // the unchanged generated files, but for the first, are left out of the page
    ArrayNode files = (ArrayNode) json.path("files");
    boolean runtimeShown = false;
    for (Iterator<JsonNode> it = files.iterator(); it.hasNext(); ) {
      JsonNode file = it.next();
      String path = file.path("path").asText();
      boolean unchangedGenerated =
          path.startsWith("src/_generated/") && file.path("status").asText().equals("unchanged");
      if (unchangedGenerated && runtimeShown) {
        it.remove();
      }
      runtimeShown |= unchangedGenerated;
    }
    assertThat(files.findValuesAsText("status")).contains("updated");
    matchesSnippet("check-stale.json", json);
  }

  @Test
  void aValidateWithAnInvalidPort() throws IOException {
    Path project = quickstart();
    edit(project, ".defaultPort(8080)", ".defaultPort(70000)");

    JsonNode json = new ObjectMapper().readTree(run(project, "validate", "--json"));
    assertThat(json.path("diagnostics").get(0).path("column").asInt()).isGreaterThan(1);
    matchesSnippet("validate-invalid-port.json", json);
  }

  private static void matchesSnippet(String name, JsonNode json) throws IOException {
    String text = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString((ObjectNode) json)
        + "\n";
    Path snippet = SNIPPETS.resolve(name);
    if (UPDATE) {
      Files.createDirectories(SNIPPETS);
      Files.writeString(snippet, text, StandardCharsets.UTF_8);
    }
    assertThat(snippet).as("run with -Dcfc.updateDocs=true to write it").exists();
    assertThat(Files.readString(snippet, StandardCharsets.UTF_8)).isEqualTo(text);
  }
}

package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format}: GitHub workflow commands and SARIF from validate, check and generate, and
 * {@code cfc plan} in its formats, run in-process as a user runs them.
 */
class CiFormatsTest {

  /** A definition whose maxInstances is invalid (CFC020). */
  private static final String INVALID = "Container.define(\"api\")\n"
      + "        .image(Image.registry(\"registry.cloudflare.com/shop/api:1.0\"))"
      + ".maxInstances(0).build()";

  @TempDir
  Path project;

  private String out;
  private String err;

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of("-C", project.toString()));
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void githubFormatAnnotatesEachFindingWithFileLineColumnAndCode() throws IOException {
    ProjectFiles.shop(project, "", INVALID);
    for (String command : List.of("validate", "check", "generate")) {
      assertThat(run(command, "--format=github")).as(command + err).isEqualTo(Main.INVALID);
      assertThat(out)
          .as(command)
          .matches(
              "::error file=cfc/app/AppContainers\\.java,line=10,col=\\d+,title=CFC020::CFC020:"
                  + " maxInstances 0 must be at least 1%0A[^\n]*\n");
      assertThat(err).as(command).isEqualTo("1 error; nothing was written\n");
    }
    assertThat(project.resolve("cfc.lock")).doesNotExist();
  }

  @Test
  void sarifFormatPrintsOnlyTheLogWithALocatedResult() throws IOException {
    ProjectFiles.shop(project, "", INVALID);
    for (String command : List.of("validate", "check", "generate")) {
      assertThat(run(command, "--format", "sarif")).as(command).isEqualTo(Main.INVALID);
      JsonNode results = new ObjectMapper().readTree(out).get("runs").get(0).get("results");
      assertThat(results).as(command).hasSize(1);
      assertThat(results.get(0).get("ruleId").asText()).isEqualTo("CFC020");
      JsonNode location = results.get(0).get("locations").get(0).get("physicalLocation");
      assertThat(location.get("artifactLocation").get("uri").asText())
          .isEqualTo("cfc/app/AppContainers.java");
      assertThat(location.get("region").get("startLine").asInt()).isEqualTo(10);
      assertThat(err).as(command).isEmpty();
    }
  }

  @Test
  void aValidProjectGivesAnEmptySarifLogAndTheUsualExitCode() throws IOException {
    ProjectFiles.shop(project, "", ProjectFiles.API);
    assertThat(run("check", "--format=sarif")).isEqualTo(Main.STALE);
    assertThat(new ObjectMapper().readTree(out).get("runs").get(0).get("results"))
        .isEmpty();
    assertThat(run("generate", "--format=sarif")).isEqualTo(Main.OK);
    assertThat(project.resolve("cfc.lock")).exists();
    assertThat(new ObjectMapper().readTree(out).get("version").asText()).isEqualTo("2.1.0");
  }

  @Test
  void aSarifRunNeverTeachesTheNoChangeShortcutToAnswerInSarif() throws IOException {
    ProjectFiles.shop(project, "", ProjectFiles.API);
    assertThat(run("generate")).isEqualTo(Main.OK);
    ProjectFiles.settle(project);
    assertThat(run("generate", "--format=sarif")).isEqualTo(Main.OK);
    assertThat(run("generate")).isEqualTo(Main.OK);
    assertThat(out).isEqualTo("no changes\n");
  }

  @Test
  void aFormatACommandDoesNotPrintIsAUsageError() throws IOException {
    ProjectFiles.shop(project, "", ProjectFiles.API);
    assertThat(run("validate", "--format=markdown")).isEqualTo(Main.USAGE);
    assertThat(err).contains("does not print --format=markdown");
    assertThat(run("plan", "--format=sarif")).isEqualTo(Main.USAGE);
    assertThat(run("plan", "--json", "--format=markdown")).isEqualTo(Main.USAGE);
    assertThat(err).contains("contradict");
  }

  @Test
  void planSummarisesWhatGenerateWouldDoAndLeavesTheDiffToDiff() throws IOException {
    ProjectFiles.shop(project, "", ProjectFiles.API);
    assertThat(run("plan")).as(err).isEqualTo(Main.OK);
    assertThat(out)
        .startsWith("wrangler.toml:\n  top level:\n    created   ApiContainer\n"
            + "  migration v1: creates ApiContainer\n");
    assertThat(out).contains("runtime updated to cfc ").doesNotContain("cfc-runtime.ts");
    assertThat(run("plan", "--all")).isEqualTo(Main.OK);
    assertThat(out).contains("created src/_generated/cfc-runtime.ts");
    assertThat(run("plan", "--format=markdown")).isEqualTo(Main.OK);
    assertThat(out).startsWith("### cfc plan\n").contains("| `ApiContainer` | created |");
    assertThat(run("plan", "--format=json")).isEqualTo(Main.OK);
    JsonNode json = new ObjectMapper().readTree(out);
    assertThat(json.get("scopes").get(0).get("containers").get(0).get("change").asText())
        .isEqualTo("created");
    assertThat(run("diff")).isEqualTo(Main.OK);
    assertThat(out).startsWith("--- ");
    assertThat(run("generate")).isEqualTo(Main.OK);
    assertThat(run("plan")).isEqualTo(Main.OK);
    assertThat(out).isEqualTo("no changes\n");
  }

  @Test
  void planOfAnInvalidProjectPrintsTheDiagnosticsAndExits1() throws IOException {
    ProjectFiles.shop(project, "", INVALID);
    assertThat(run("plan", "--format=markdown")).isEqualTo(Main.INVALID);
    assertThat(out).isEmpty();
    assertThat(err).contains("error CFC020");
  }
}

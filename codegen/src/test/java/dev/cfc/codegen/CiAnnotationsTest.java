package dev.cfc.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CI forms of diagnostics: GitHub workflow commands and SARIF 2.1.0. */
class CiAnnotationsTest {

  private static final Diagnostic LOCATED = Diagnostic.error(
      "CFC012",
      new Diagnostic.Location("cfc/app/Media Containers.java", 14, 9),
      "maxInstances is 100%, over the limit,\r\nsee: docs",
      "lower it\nor ask for more");
  private static final Diagnostic LINE_ONLY = Diagnostic.warning(
      "CFC103", new Diagnostic.Location("wrangler:prod,1.toml", 3, 0), "a warning", "");
  private static final Diagnostic NOWHERE =
      Diagnostic.error("CFC221", Diagnostic.Location.UNKNOWN, "no place", "");
  private static final Diagnostic WHOLE_FILE =
      Diagnostic.error("CFC206", Diagnostic.Location.of("cfc.toml"), "file only", "");

  @Test
  void githubCommandsEscapeDataAndPropertiesAsTheRunnerUnescapesThem() {
    String out = CiAnnotations.github(List.of(LOCATED, LINE_ONLY, NOWHERE, WHOLE_FILE));
    assertThat(out.split("\n", -1))
        .containsExactly(
            "::error file=cfc/app/Media Containers.java,line=14,col=9,title=CFC012::CFC012:"
                + " maxInstances is 100%25, over the limit,%0D%0Asee: docs%0Alower it%0Aor ask for"
                + " more",
            "::warning file=wrangler%3Aprod%2C1.toml,line=3,title=CFC103::CFC103: a warning",
            "::error title=CFC221::CFC221: no place",
            "::error file=cfc.toml,title=CFC206::CFC206: file only",
            "");
  }

  @Test
  void escapingIsReversibleAndLeavesNoCommandSeparatorInAProperty() {
    String nasty = "a%0A:b,c\r\n%25";
    String property = CiAnnotations.escapeProperty(nasty);
    assertThat(property).doesNotContain(":", ",", "\r", "\n");
    String unescaped = property
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
    assertThat(unescaped).isEqualTo(nasty);
  }

  private static Schema sarifSchema() throws IOException {
    try (InputStream in =
        CiAnnotationsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema in test resources").isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(
              new ObjectMapper().readTree(in).toString(), com.networknt.schema.InputFormat.JSON);
    }
  }

  @Test
  void sarifIsValidAgainstTheSarif210Schema() throws IOException {
    Schema schema = sarifSchema();
    for (List<Diagnostic> diagnostics : List.of(
        List.<Diagnostic>of(),
        List.of(
            LOCATED,
            LINE_ONLY,
            NOWHERE,
            WHOLE_FILE,
            Diagnostic.error("CFC999", Diagnostic.Location.of("x"), "not catalogued", "")))) {
      JsonNode sarif = new ObjectMapper().readTree(CiAnnotations.sarif(diagnostics));
      List<Error> errors = schema.validate(sarif);
      assertThat(errors).as(sarif.toPrettyString()).isEmpty();
    }
  }

  @Test
  void theSchemaCheckRejectsWhatSarifForbids() throws IOException {
    ObjectNode sarif =
        (ObjectNode) new ObjectMapper().readTree(CiAnnotations.sarif(List.of(LOCATED)));
    ((ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "fatal");
    assertThat(sarifSchema().validate(sarif)).isNotEmpty();
  }

  @Test
  void sarifNamesRulesFromTheCatalogueAndLocatesEachResult() throws IOException {
    JsonNode run = new ObjectMapper()
        .readTree(CiAnnotations.sarif(List.of(LOCATED, LINE_ONLY, NOWHERE)))
        .get("runs")
        .get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("cfc");
    assertThat(driver.get("version").asText()).isEqualTo(CfcVersion.get());
    List<String> ruleIds = driver.get("rules").findValuesAsText("id");
    assertThat(ruleIds).containsExactlyElementsOf(DiagnosticCatalog.entries().keySet());
    JsonNode results = run.get("results");
    assertThat(results).hasSize(3);
    JsonNode first = results.get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo("CFC012");
    assertThat(driver.get("rules").get(first.get("ruleIndex").asInt()).get("id").asText())
        .isEqualTo("CFC012");
    assertThat(driver
            .get("rules")
            .get(first.get("ruleIndex").asInt())
            .get("shortDescription")
            .get("text")
            .asText())
        .isNotEqualTo("CFC012")
        .isNotBlank();
    assertThat(first.get("level").asText()).isEqualTo("error");
    assertThat(first.get("message").get("text").asText())
        .startsWith("maxInstances is 100%")
        .endsWith("or ask for more");
    JsonNode physical = first.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asText())
        .isEqualTo("cfc/app/Media%20Containers.java");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(14);
    assertThat(physical.get("region").get("startColumn").asInt()).isEqualTo(9);
    JsonNode second = results.get(1);
    assertThat(second.get("level").asText()).isEqualTo("warning");
    assertThat(
            second.get("locations").get(0).get("physicalLocation").get("region").has("startColumn"))
        .isFalse();
    assertThat(results.get(2).has("locations")).isFalse();
  }
}

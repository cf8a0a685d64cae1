package dev.cfc.codegen.internal.wrangler;

import static dev.cfc.codegen.internal.wrangler.Fixtures.simple;
import static dev.cfc.codegen.internal.wrangler.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigFactsTest {

  private static final String TOML = """
      name = "media"
      main = "src/index.ts"
      compatibility_date = 2025-11-20

      [[secrets_store_secrets]]
      binding = "API_KEY"
      store_id = "s"
      secret_name = "api"

      [env.staging]
      name = "media-staging"

      [[env.staging.secrets_store_secrets]]
      binding = "STAGING_KEY"
      store_id = "s"
      secret_name = "k"

      [env.empty]
      """;

  private static final String JSONC = """
      {
        "name": "media",
        "main": "src/index.ts",
        "compatibility_date": "2025-11-20",
        "secrets_store_secrets": [
          { "binding": "API_KEY", "store_id": "s", "secret_name": "api" }
        ],
        "env": {
          "staging": {
            "name": "media-staging",
            "secrets_store_secrets": [
              { "binding": "STAGING_KEY", "store_id": "s", "secret_name": "k" }
            ]
          },
          "empty": {}
        }
      }
      """;

  private static ConfigFacts facts(String file, String text) {
    ParsedConfig parsed = new WranglerReconciler().parse(new ConfigSource(Path.of(file), text));
    assertThat(parsed.diagnostics()).isEmpty();
    return parsed.facts();
  }

  @Test
  void theEnvironmentVarIsReadPerScopeWhateverTheLayout() {
    String toml = """
        name = "media"

        [vars]
        STAGE = "dev"

        [env.staging.vars]
        CFC_ENVIRONMENT = "staging"

        [env.production]
        vars = { STAGE = "production", CFC_ENVIRONMENT = "production" }

        [env.preview]
        vars.CFC_ENVIRONMENT = "preview"

        [env.empty]
        """;
    String jsonc = """
        {
          "name": "media",
          "vars": { "STAGE": "dev" },
          "env": {
            "staging": { "vars": { "CFC_ENVIRONMENT": "staging" } },
            "production": { "vars": { "STAGE": "production", "CFC_ENVIRONMENT": "production" } },
            "preview": { "vars": { "CFC_ENVIRONMENT": "preview" } },
            "empty": {}
          }
        }
        """;
    for (ConfigFacts facts :
        List.of(facts("wrangler.toml", toml), facts("wrangler.jsonc", jsonc))) {
      assertThat(facts.environmentVars())
          .isEqualTo(
              Map.of("staging", "staging", "production", "production", "preview", "preview"));
    }
  }

  @Test
  void bothSyntaxesGiveTheSameFactsForTheSameDeclarations() {
    ConfigFacts toml = facts("wrangler.toml", TOML);
    ConfigFacts jsonc = facts("wrangler.jsonc", JSONC);
    for (ConfigFacts facts : List.of(toml, jsonc)) {
      assertThat(facts.workerName()).isEqualTo("media");
      assertThat(facts.compatibilityDate()).isEqualTo("2025-11-20");
      assertThat(facts.hasMain()).isTrue();
      assertThat(facts.secretsStoreBindings())
          .isEqualTo(Map.of(
              "", List.of("API_KEY"), "staging", List.of("STAGING_KEY"), "empty", List.of()));
    }
    assertThat(toml.workerNameAt().render()).isEqualTo("wrangler.toml:1:1");
    assertThat(toml.compatibilityDateAt().render()).isEqualTo("wrangler.toml:3:1");
    assertThat(jsonc.workerNameAt().render()).isEqualTo("wrangler.jsonc:2:3");
    assertThat(jsonc.compatibilityDateAt().render()).isEqualTo("wrangler.jsonc:4:3");
    assertThat(toml.configFile()).isEqualTo("wrangler.toml");
    assertThat(jsonc.source().isJson()).isTrue();
  }

  @Test
  void absentKeysGiveNoValueAndPointAtTheFile() {
    for (ConfigFacts facts : List.of(
        facts("wrangler.toml", "workers_dev = true\n"),
        facts("wrangler.jsonc", "{ \"workers_dev\": true }"))) {
      Diagnostic.Location file = Diagnostic.Location.of(facts.configFile());
      assertThat(facts.workerName()).isNull();
      assertThat(facts.workerNameAt()).isEqualTo(file);
      assertThat(facts.compatibilityDate()).isNull();
      assertThat(facts.compatibilityDateAt()).isEqualTo(file);
      assertThat(facts.hasMain()).isFalse();
      assertThat(facts.secretsStoreBindings()).isEqualTo(Map.of("", List.of()));
    }
  }

  @Test
  void aConfigThatDoesNotParseHasEmptyFactsAndSaysWhy() {
    ParsedConfig parsed =
        new WranglerReconciler().parse(new ConfigSource(Path.of("wrangler.toml"), "x = "));
    assertThat(parsed.diagnostics()).map(Diagnostic::code).containsOnly(WranglerCodes.MALFORMED);
    assertThat(parsed.facts().workerName()).isNull();
    assertThat(parsed.facts().secretsStoreBindings()).isEmpty();
  }

  @Test
  void aJsoncMainOfNullIsStillAMain() {
    assertThat(facts("wrangler.jsonc", "{ \"main\": null }").hasMain()).isTrue();
  }

  @Test
  void theOutcomeCarriesTheFactsOfTheParseItReconciled() {
    WranglerReconciler reconciler = new WranglerReconciler();
    ParsedConfig parsed = reconciler.parse(new ConfigSource(Path.of("wrangler.toml"), TOML));
    ReconcileOutcome outcome = reconciler.run(
        parsed, state(simple("alpha", "image", "./a")), Set.of(), WrittenKeys.none());
    assertThat(outcome.hasErrors()).isFalse();
    assertThat(outcome.facts()).isSameAs(parsed.facts());
  }
}

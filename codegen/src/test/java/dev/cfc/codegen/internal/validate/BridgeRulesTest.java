package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.codegen.internal.wrangler.ConfigSource;
import dev.cfc.codegen.internal.wrangler.ParsedConfig;
import dev.cfc.codegen.internal.wrangler.WranglerReconciler;
import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.BridgeKind;
import dev.cfc.dsl.ContainerDefinition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bridge grants (CFC140-CFC146), against wrangler configs parsed as cfc reads them, in TOML and
 * JSONC. Failing cases assert the code, the line of the grant and the hint.
 */
class BridgeRulesTest extends ValidationFixture {

  private static final String TOML = """
      name = "media"
      main = "src/index.ts"
      compatibility_date = "2025-12-01"

      [[kv_namespaces]]
      binding = "CACHE"
      id = "0123456789abcdef0123456789abcdef"

      [[r2_buckets]]
      binding = "MEDIA"
      bucket_name = "media"

      [[d1_databases]]
      binding = "DB"
      database_name = "db"
      database_id = "00000000-0000-0000-0000-000000000000"

      [[queues.producers]]
      binding = "PROGRESS"
      queue = "progress"

      [[services]]
      binding = "BILLING"
      service = "billing"

      [env.staging]

      [[env.staging.kv_namespaces]]
      binding = "CACHE"
      id = "fedcba9876543210fedcba9876543210"
      """;

  private static final String JSONC = """
      {
        "name": "media",
        "main": "src/index.ts",
        "compatibility_date": "2025-12-01",
        "kv_namespaces": [{ "binding": "CACHE", "id": "0123456789abcdef0123456789abcdef" }],
        "r2_buckets": [{ "binding": "MEDIA", "bucket_name": "media" }],
        "d1_databases": [
          { "binding": "DB", "database_name": "db",
            "database_id": "00000000-0000-0000-0000-000000000000" }
        ],
        "queues": { "producers": [{ "binding": "PROGRESS", "queue": "progress" }] },
        "services": [{ "binding": "BILLING", "service": "billing" }],
        "env": {
          "staging": {
            "kv_namespaces": [{ "binding": "CACHE", "id": "fedcba9876543210fedcba9876543210" }]
          }
        }
      }
      """;

  private static ConfigFacts parse(String file, String text) {
    ParsedConfig parsed = new WranglerReconciler().parse(new ConfigSource(Path.of(file), text));
    assertThat(parsed.diagnostics()).isEmpty();
    return parsed.facts();
  }

  private static List<ConfigFacts> bothSyntaxes() {
    return List.of(parse("wrangler.toml", TOML), parse("wrangler.jsonc", JSONC));
  }

  @Test
  void everyKindOfBindingIsReadPerScopeInBothSyntaxes() {
    for (ConfigFacts facts : bothSyntaxes()) {
      assertThat(facts.bindings("", BridgeKind.KV)).containsExactly("CACHE");
      assertThat(facts.bindings("", BridgeKind.R2)).containsExactly("MEDIA");
      assertThat(facts.bindings("", BridgeKind.D1)).containsExactly("DB");
      assertThat(facts.bindings("", BridgeKind.QUEUE)).containsExactly("PROGRESS");
      assertThat(facts.bindings("", BridgeKind.SERVICE)).containsExactly("BILLING");
      assertThat(facts.bindings("staging", BridgeKind.KV)).containsExactly("CACHE");
      assertThat(facts.bindings("staging", BridgeKind.R2)).isEmpty();
      assertThat(facts.bindings("nowhere", BridgeKind.KV)).isEmpty();
    }
  }

  @Test
  void grantsOfDeclaredBindingsAreValid() {
    ContainerDefinition def = app()
        .bridge(
            Bridge.kv("CACHE").readOnly(),
            Bridge.r2("MEDIA"),
            Bridge.d1("DB"),
            Bridge.queue("PROGRESS"),
            Bridge.service("BILLING"))
        .build();
    for (ConfigFacts facts : bothSyntaxes()) {
      assertThat(validate(facts, List.of(), def)).isEmpty();
    }
  }

  @Test
  void aBindingNameWranglerCannotDeclareIsRefused() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().bridge(Bridge.kv("my-cache")).build();
    // spotless:on
    Diagnostic d = only(validate(def), "CFC140");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"my-cache\"");
    assertThat(d.hint()).contains("\"my_cache\"");
    assertThat(
            only(validate(app().bridge(Bridge.r2("1MEDIA")).build()), "CFC140").hint())
        .contains("\"_1MEDIA\"");
    assertThat(only(validate(app().bridge(Bridge.kv("__proto__")).build()), "CFC140")
            .message())
        .contains("prototype");
  }

  @Test
  void aBindingMissingFromTheConfigIsLocatedAtTheGrantWithTheEntryToAdd() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().bridge(Bridge.kv("CACHE"), Bridge.queue("EVENTS")).build();
    // spotless:on
    ConfigFacts toml = parse("wrangler.toml", TOML);
    Diagnostic d = only(validate(toml, List.of(), def), "CFC141");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("queue producer \"EVENTS\"").contains("wrangler.toml");
    assertThat(d.hint())
        .contains("[[queues.producers]]\nbinding = \"EVENTS\"\nqueue = \"<queue name>\"");
    Diagnostic json = only(validate(parse("wrangler.jsonc", JSONC), List.of(), def), "CFC141");
    assertThat(json.hint())
        .contains("add to \"producers\" in \"queues\":\n"
            + "{ \"binding\": \"EVENTS\", \"queue\": \"<queue name>\" }");
  }

  @Test
  void bindingsAreNotInheritedByEnvironments() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().bridge(Bridge.kv("CACHE"), Bridge.r2("MEDIA")).build();
    // spotless:on
    Diagnostic d = only(validate(parse("wrangler.toml", TOML), List.of("staging"), def), "CFC141");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message())
        .contains("R2 bucket \"MEDIA\"")
        .contains("for environment \"staging\"")
        .contains("does not inherit");
    assertThat(d.hint())
        .contains("[[env.staging.r2_buckets]]\nbinding = \"MEDIA\"\nbucket_name = ");
    Diagnostic json =
        only(validate(parse("wrangler.jsonc", JSONC), List.of("staging"), def), "CFC141");
    assertThat(json.hint())
        .startsWith("in \"env\": { \"staging\": { … } }, add to \"r2_buckets\":")
        .contains("\"binding\": \"MEDIA\"");
  }

  @Test
  void aBindingDeclaredAsAnotherKindNamesTheKindItIs() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().bridge(Bridge.kv("MEDIA")).build();
    // spotless:on
    for (ConfigFacts facts : bothSyntaxes()) {
      Diagnostic d = only(validate(facts, List.of(), def), "CFC142");
      assertThat(d.location().line()).isEqualTo(line);
      assertThat(d.message())
          .isEqualTo("MEDIA is an R2 bucket (r2_buckets) in " + facts.configFile()
              + ", not a KV namespace");
      assertThat(d.hint()).contains("Bridge.r2(\"MEDIA\")");
    }
  }

  @Test
  void oneBindingGrantedTwiceIsRefusedAtTheSecondGrant() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().bridge(Bridge.kv("CACHE")).bridge(Bridge.kv("CACHE").readOnly()).build();
    // spotless:on
    Diagnostic d = only(validate(def), "CFC143");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"CACHE\"").contains("twice");
    assertThat(validate(app().bridge(Bridge.kv("CACHE")).build()))
        .as("the same binding in two containers is two grants")
        .isEmpty();
  }

  @Test
  void aQueueCannotBeReadOnly() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().bridge(Bridge.queue("PROGRESS").readOnly()).build();
    // spotless:on
    Diagnostic d = only(validate(def), "CFC144");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("remove .readOnly()");
    assertThat(validate(app().bridge(Bridge.queue("PROGRESS")).build())).isEmpty();
  }

  @Test
  void aDeniedHostPatternThatMatchesTheBridgeHostIsRefusedInEachScope() {
    for (String denied : List.of("*.internal", "*.cfc.internal", "bridge.cfc.internal")) {
      // spotless:off
      int line = nextLine();
      ContainerDefinition def = app().bridge(Bridge.kv("CACHE")).deniedHosts(denied).build();
      // spotless:on
      Diagnostic d = only(validate(def), "CFC145");
      assertThat(d.location().line()).as(denied).isEqualTo(line);
      assertThat(d.message()).contains("\"" + denied + "\"").contains("bridge.cfc.internal");
    }
    assertThat(validate(
            app().bridge(Bridge.kv("CACHE")).deniedHosts("*.example.com").build()))
        .isEmpty();
    assertThat(validate(app().deniedHosts("*.internal").build()))
        .as("without grants the bridge host is not needed")
        .isEmpty();
    ContainerDefinition inStaging = app()
        .bridge(Bridge.kv("CACHE"))
        .environment("staging", e -> e.deniedHosts("*.internal"))
        .build();
    ContainerDefinition everywhere =
        app().bridge(Bridge.kv("CACHE")).deniedHosts("*.internal").build();
    assertThat(only(validate(null, List.of("staging"), everywhere), "CFC145").message())
        .as("a top-level pattern the environment inherits is reported once")
        .doesNotContain("environment");
    Diagnostic staging = only(validate(null, List.of("staging"), inStaging), "CFC145");
    assertThat(staging.message()).contains("of environment \"staging\"");
    assertThat(BridgeRules.blocks("*.INTERNAL", "bridge.cfc.internal")).isTrue();
    assertThat(BridgeRules.blocks("bridge.*", "bridge.cfc.internal")).isTrue();
    assertThat(BridgeRules.blocks("*.cfc.internal.example", "bridge.cfc.internal"))
        .isFalse();
    assertThat(BridgeRules.blocks("bridge.cfc", "bridge.cfc.internal")).isFalse();
  }

  @Test
  void anOldCompatibilityDateIsRefusedAtTheFirstGrant() {
    String old = TOML.replace("2025-12-01", "2025-06-01");
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().bridge(Bridge.kv("CACHE"), Bridge.r2("MEDIA")).build();
    // spotless:on
    Diagnostic d = only(validate(parse("wrangler.toml", old), List.of(), def), "CFC146");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("2025-06-01").contains(EgressRules.COMPATIBILITY_DATE);
    assertThat(d.hint()).contains("compatibility_date = \"" + EgressRules.COMPATIBILITY_DATE);
    String oldJson = JSONC.replace("2025-12-01", "2025-06-01");
    assertThat(only(validate(parse("wrangler.jsonc", oldJson), List.of(), def), "CFC146")
            .hint())
        .contains("\"compatibility_date\": \"" + EgressRules.COMPATIBILITY_DATE + "\"");
    ContainerDefinition withEgress =
        app().bridge(Bridge.kv("CACHE")).enableInternet(false).build();
    assertThat(validate(parse("wrangler.toml", old), List.of(), withEgress))
        .extracting(Diagnostic::code)
        .as("one finding for one date: the egress rule already names it")
        .containsExactly("CFC053");
  }
}

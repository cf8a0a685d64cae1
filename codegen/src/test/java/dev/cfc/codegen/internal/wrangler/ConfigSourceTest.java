package dev.cfc.codegen.internal.wrangler;

import static dev.cfc.codegen.internal.wrangler.Fixtures.codes;
import static dev.cfc.codegen.internal.wrangler.Fixtures.simple;
import static dev.cfc.codegen.internal.wrangler.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.ConfigSource.Syntax;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigSourceTest {

  private static Syntax syntaxOf(String path) {
    return new ConfigSource(Path.of(path), "").syntax();
  }

  @Test
  void theSyntaxFollowsTheExtensionInAnyCase() {
    assertThat(syntaxOf("wrangler.toml")).isEqualTo(Syntax.TOML);
    assertThat(syntaxOf("deploy/wrangler.api.TOML")).isEqualTo(Syntax.TOML);
    assertThat(syntaxOf("wrangler.jsonc")).isEqualTo(Syntax.JSONC);
    assertThat(syntaxOf("wrangler.json")).isEqualTo(Syntax.JSONC);
    assertThat(syntaxOf("wrangler.JSONC")).isEqualTo(Syntax.JSONC);
    assertThat(syntaxOf("wrangler.yaml")).isEqualTo(Syntax.UNSUPPORTED);
    assertThat(syntaxOf("wrangler.toml.bak")).isEqualTo(Syntax.UNSUPPORTED);
    assertThat(new ConfigSource(Path.of("wrangler.Json"), "").isJson()).isTrue();
    assertThat(new ConfigSource(Path.of("wrangler.toml"), "").isJson()).isFalse();
  }

  @Test
  void anUpperCaseJsoncConfigIsReadAndHintedAsJson() {
    // The backend choice ignored case while the planner's hints did not: one file, two syntaxes.
    ReconcileOutcome outcome = new WranglerReconciler()
        .run(
            new ConfigSource(
                Path.of("wrangler.JSONC"), "{ \"name\": \"media\", \"migrations\": 5 }"),
            state(simple("alpha", "image", "./a")),
            Set.of(),
            WrittenKeys.none());
    assertThat(codes(outcome)).contains(WranglerCodes.UNSUPPORTED_LAYOUT);
    assertThat(outcome.diagnostics())
        .map(Diagnostic::hint)
        .contains("write migrations as an array of objects");
  }

  @Test
  void aFileOfAnotherSyntaxIsRefusedWithoutParseErrors() {
    WranglerReconciler reconciler = new WranglerReconciler();
    ConfigSource yaml = new ConfigSource(Path.of("wrangler.yaml"), "name: media\n");
    ParsedConfig parsed = reconciler.parse(yaml);
    assertThat(parsed.diagnostics()).isEmpty();
    assertThat(parsed.facts().workerName()).isNull();
    assertThat(codes(reconciler.run(parsed, state(), Set.of(), WrittenKeys.none())))
        .containsExactly(WranglerCodes.UNSUPPORTED_FILE);
  }
}

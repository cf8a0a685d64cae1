package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.ContainerDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw-key escape hatch (CFC048, CFC049, CFC125, CFC126). Failing cases assert the code, the
 * line of the {@code wranglerKey} call and the hint.
 */
class WranglerKeyRulesTest extends ValidationFixture {

  @Test
  void aWranglerKeyCfcWritesIsRefusedNamingItsCall() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().wranglerKey("constraints", "{\"regions\": [\"WEUR\"]}").build()), "CFC048");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("regions(...) and jurisdiction(...)");
    assertThat(only(
                validate(
                    app().wranglerKey("wrangler_ssh", "{\"enabled\": true}").build()),
                "CFC048")
            .hint())
        .contains("ssh(...)");
    assertThat(only(validate(app().wranglerKey("max_instances", "3").build()), "CFC048")
            .hint())
        .contains("maxInstances(...)");
  }

  @Test
  void aWranglerKeyValueMustBeJsonWithoutNull() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().wranglerKey("affinities", "{colocation: datacenter}").build()), "CFC049");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("is not valid JSON at line 1, column 2");
    assertThat(only(validate(app().wranglerKey("affinities", "{\"a\": 1} x").build()), "CFC049"))
        .isNotNull();
    assertThat(
            only(validate(app().wranglerKey("affinities", "{\"a\": [1, null]}").build()), "CFC049")
                .message())
        .contains("holds null");
    assertValid(b -> b.wranglerKey("affinities", "{\"colocation\": \"datacenter\"}"));
  }

  @Test
  void aWranglerKeyWranglerChecksMustHaveTheShapeItRequires() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().wranglerKey("unsafe", "[1]").build()), "CFC125");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("requires an object");
    assertValid(b -> b.wranglerKey("unsafe", "{\"x\": 1}"));
  }

  @Test
  void aWranglerKeyWranglerDoesNotKnowIsAWarning() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().wranglerKey("affinites", "{}").build()), "CFC126");
    // spotless:on
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("affinites").contains("wrangler 4.86 does not know");
  }

  @Test
  void aWranglerKeyMayBeSetPerEnvironment() {
    ContainerDefinition def = app()
        .environment(
            "staging", e -> e.wranglerKey("affinities", "{\"colocation\": \"datacenter\"}"))
        .build();
    assertThat(validate(null, List.of("staging"), def)).isEmpty();
  }
}

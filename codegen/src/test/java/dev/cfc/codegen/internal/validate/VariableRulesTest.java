package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.ContainerDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Variables, secrets and Secrets Store bindings (CFC040-CFC043). Failing cases assert the code,
 * the line the bad value was written on and the hint.
 */
class VariableRulesTest extends ValidationFixture {

  @Test
  void variableNamesAreChecked() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().env("1BAD", "x").build()), "CFC040");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"1BAD\"");
    assertThat(d.hint()).contains("\"_1BAD\"");
    assertThat(only(validate(app().secrets("my-secret").build()), "CFC040").hint())
        .contains("\"my_secret\"");
    assertValid(b -> b.env("_OK_1", "x").secrets("API_KEY"));
  }

  @Test
  void aNameInTwoOfEnvSecretsAndSecretsStoreIsAnError() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().env("API_KEY", "x").secrets("API_KEY").build()), "CFC041");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("env(...)").contains("secrets(...)");
    assertThat(only(validate(app().secrets("K").secretsStore("K", "B").build()), "CFC041"))
        .isNotNull();
    assertValid(b -> b.env("A", "x").secrets("B"));
  }

  @Test
  void secretsStoreBindingNamesAreChecked() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().secretsStore("STRIPE_KEY", "stripe-secret").build()), "CFC042");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("STRIPE_SECRET");
  }

  @Test
  void secretsStoreBindingMustBeDeclaredInTheConfigOfEachScope() {
    ConfigFacts config = ValidationFixture.facts(
        "w",
        "2025-12-01",
        Diagnostic.Location.of("wrangler.toml"),
        Map.of("", List.of("STRIPE_SECRET")));
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().secretsStore("STRIPE_KEY", "STRIPE_SECRET").build();
    // spotless:on
    assertThat(validate(config, List.of(), def)).isEmpty();
    Diagnostic d = only(validate(config, List.of("staging"), def), "CFC043");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"STRIPE_SECRET\"").contains("\"staging\"");
    assertThat(d.hint())
        .contains("[[env.staging.secrets_store_secrets]]")
        .contains("binding = \"STRIPE_SECRET\"");
  }
}

package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wrangler config's worker name (CFC090). Failing cases assert the code, the line the bad
 * value was written on and the hint.
 */
class WorkerNameRulesTest extends ValidationFixture {

  @Test
  void aMissingWorkerNameIsReportedOnTheConfig() {
    ConfigFacts noName = ValidationFixture.facts(
        null, "2025-12-01", Diagnostic.Location.of("wrangler.toml"), Map.of());
    Diagnostic d = only(validate(noName, List.of(), app().build()), "CFC090");
    assertThat(d.location().file()).isEqualTo("wrangler.toml");
    assertThat(d.hint()).contains("name = ");
    assertThat(validate(noName, List.of(), app().containerName("existing").build()))
        .isEmpty();
  }
}

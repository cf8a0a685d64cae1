package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.Probe;
import org.junit.jupiter.api.Test;

/**
 * Probe paths and statuses (CFC060, CFC061). Failing cases assert the code, the line the bad value
 * was written on and the hint.
 */
class ProbeRulesTest extends ValidationFixture {

  @Test
  void probePathsAndStatusesAreChecked() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().readyOn(Probe.path("ready")).build()), "CFC060");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).isEqualTo("write Probe.path(\"/ready\")");
    assertThat(only(validate(app().readyOn(Probe.path("/ready").status(42)).build()), "CFC061")
            .message())
        .contains("42");
    assertThat(only(validate(app().pingEndpoint("ping").build()), "CFC060")).isNotNull();
    assertValid(b -> b.readyOn(Probe.path("/ready").status(204)).pingEndpoint("/ping"));
  }
}

package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.Probe;
import org.junit.jupiter.api.Test;

/**
 * Ports (CFC010-CFC013). Failing cases assert the code, the line the bad value was written on and
 * the hint.
 */
class PortRulesTest extends ValidationFixture {

  @Test
  void portsMustBeInRange() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().defaultPort(70000).build()), "CFC010");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("70000");
    assertThat(d.hint()).contains("8080");
    assertValid(b -> b.defaultPort(65535));
  }

  @Test
  void requiredPortsMustNotRepeat() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().requiredPorts(8080, 8080).build()), "CFC011");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("8080 twice");
    assertThat(only(validate(app().requiredPorts().build()), "CFC011").message())
        .contains("empty");
    assertValid(b -> b.requiredPorts(8080, 9090));
  }

  @Test
  void defaultPortMustBeRequiredWhenBothAreSet() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().defaultPort(8080).requiredPorts(9090).build()), "CFC012");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).isEqualTo("add it: .requiredPorts(8080, 9090)");
    assertValid(b -> b.defaultPort(8080).requiredPorts(8080, 9090));
  }

  @Test
  void probePortMustBeOneTheContainerListensOn() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().defaultPort(8080).readyOn(Probe.path("/live").port(9090)).build()), "CFC013");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("requiredPorts");
    assertValid(b -> b.requiredPorts(8080, 9090).readyOn(Probe.path("/live").port(9090)));
  }
}

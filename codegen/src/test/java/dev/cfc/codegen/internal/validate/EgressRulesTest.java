package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Egress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Egress (CFC050-CFC053). Failing cases assert the code, the line the bad value was written on and
 * the hint.
 */
class EgressRulesTest extends ValidationFixture {

  @Test
  void egressHostsAreHostNamesOnlyAndTheHintShowsTheFix() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().enableInternet(false).allowedHosts("https://x.com/path").build()), "CFC050");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"https://x.com/path\"");
    assertThat(d.hint()).isEqualTo("write \"x.com\"");
    assertThat(
            only(validate(app().enableInternet(false).allowedHosts("api.*.com").build()), "CFC050")
                .hint())
        .isEqualTo("write \"*.com\"");
    assertThat(
            only(validate(app().enableInternet(false).allowedHosts("x.com:443").build()), "CFC050")
                .hint())
        .isEqualTo("write \"x.com\"");
    assertValid(b -> b.enableInternet(false).allowedHosts("*.stripe.com", "api.github.com"));
  }

  @Test
  void aHostBothAllowedAndDeniedIsAnError() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().enableInternet(false).allowedHosts("a.com").deniedHosts("a.com").build()), "CFC051");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.enableInternet(false).allowedHosts("a.com").deniedHosts("b.com"));
  }

  @Test
  void allowListWithInternetOnAndNoInterceptionIsAWarning() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().allowedHosts("a.com").build()), "CFC052");
    // spotless:on
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.allowedHosts("a.com").interceptHttps(true));
  }

  @Test
  void egressNeedsARecentCompatibilityDate() {
    ConfigFacts old = ValidationFixture.facts(
        "w", "2025-01-01", new Diagnostic.Location("wrangler.toml", 3, 1), Map.of());
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().egress(Egress.denyInternet().allow("a.com")).build();
    // spotless:on
    Diagnostic d = only(validate(old, List.of(), def), "CFC053");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message())
        .contains("2025-11-17")
        .contains("2025-01-01")
        .contains("wrangler.toml:3:1");
    ConfigFacts recent = ValidationFixture.facts(
        "w", "2025-11-17", Diagnostic.Location.of("wrangler.toml"), Map.of());
    assertThat(validate(recent, List.of(), def)).isEmpty();
  }
}

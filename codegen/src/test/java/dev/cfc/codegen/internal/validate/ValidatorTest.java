package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the validator does across the families: every scope checked, all findings at once and
 * sorted. Failing cases assert the code, the line the bad value was written on and the hint.
 */
class ValidatorTest extends ValidationFixture {

  @Test
  void aCompleteValidDefinitionHasNoFindings() {
    ContainerDefinition full = Container.define("transcoder")
        .image(Image.build("containers/app"))
        .defaultPort(8080)
        .requiredPorts(8080, 9090)
        .instanceType(InstanceType.custom(2, 8192, 16000))
        .maxInstances(5)
        .sleepAfter("5m")
        .hardTimeout(Duration.ofHours(1))
        .env("LOG_LEVEL", "info")
        .secrets("API_KEY")
        .secretsStore("STRIPE_KEY", "STRIPE_SECRET")
        .buildArg("NODE_VERSION", "22")
        .label("team", "media")
        .egress(Egress.denyInternet().allow("*.stripe.com", "api.github.com").deny("*.evil.com"))
        .readyOn(Probe.path("/ready"), Probe.path("/live").port(9090).status(204))
        .readinessBudget(Duration.ofSeconds(20), Duration.ofMillis(250))
        .rollout(25, 300)
        .forwardMetadata(true)
        .pingEndpoint("/ping")
        .build();
    ConfigFacts config = ValidationFixture.facts(
        "media",
        "2025-12-01",
        Diagnostic.Location.of("wrangler.toml"),
        Map.of("", List.of("STRIPE_SECRET")));
    assertThat(validate(config, List.of(), full)).isEmpty();
  }

  @Test
  void environmentOverridesAreValidatedWhereTheyAreWritten() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().environment("production", e -> e.maxInstances(0)).build();
    // spotless:on
    Diagnostic d = only(validate(null, List.of("production"), def), "CFC020");
    assertThat(d.location().line()).isEqualTo(line);
  }

  @Test
  void findingsAreAllReportedAtOnceAndSorted() {
    ContainerDefinition bad = app()
        .defaultPort(70000)
        .sleepAfter("0s")
        .env("1BAD", "x")
        .enableInternet(false)
        .allowedHosts("https://x.com/path")
        .env("TOKEN", "x")
        .secrets("TOKEN")
        .build();
    List<Diagnostic> found = validate(bad);
    assertThat(found)
        .extracting(Diagnostic::code)
        .containsExactly("CFC010", "CFC031", "CFC040", "CFC050", "CFC041");
    assertThat(found).extracting(d -> d.location().line()).isSorted();
  }
}

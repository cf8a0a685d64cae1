package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerBuilder;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random DSL values never make validation throw: they produce diagnostics. */
class ValidatorPropertyTest {

  private static final Path PROJECT = Path.of("target");

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.strings().withChars("abcXYZ019_-./:*@ \n\"'`${}").ofMaxLength(20),
        Arbitraries.of(
            "",
            "0s",
            "5m",
            "99999999999999999999h",
            "-1s",
            "/ready",
            "*.x.com",
            "https://x.com/p",
            "registry.cloudflare.com/a/b:1",
            "a..b",
            "*"));
  }

  @Provide
  Arbitrary<ContainerDefinition> definitions() {
    Arbitrary<String> t = text();
    Arbitrary<Integer> i =
        Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-2, 70000));
    return Combinators.combine(t, t, t, t, i, i, i, Arbitraries.doubles().between(-10, 10))
        .as((name, duration, host, key, port, count, status, vcpu) -> {
          ContainerBuilder b = Container.define(name)
              .image(name.length() % 2 == 0 ? Image.registry(host) : Image.build(key))
              .defaultPort(port)
              .requiredPorts(port, count)
              .maxInstances(count)
              .instanceType(InstanceType.custom(vcpu, count, status))
              .sleepAfter(duration)
              .hardTimeout(count)
              .env(key, host)
              .secrets(duration.isEmpty() ? "X" : duration)
              .secretsStore(host, key)
              .buildArg(key, name)
              .label(key, host)
              .allowedHosts(host)
              .deniedHosts(host, key)
              .readyOn(Probe.path(key).port(status).status(status))
              .readinessBudget(Duration.ofMillis(count), Duration.ofMillis(port))
              .rollout(status, count)
              .pingEndpoint(duration)
              .renamedFrom(key)
              .environment("staging", e -> e.maxInstances(status).sleepAfter(host));
          return b.build();
        });
  }

  @Property(tries = 1000)
  void validationNeverThrows(
      @ForAll("definitions") ContainerDefinition first,
      @ForAll("definitions") ContainerDefinition second) {
    ConfigFacts config = ValidatorTest.facts(
        null, "2020-01-01", Diagnostic.Location.of("wrangler.toml"), Map.of("", List.of("B")));
    List<Diagnostic> found = new Validator(
            PROJECT, new SourceResolver(PROJECT, List.of()), List.of("staging"), config)
        .validate(List.of(first, second));
    assertThat(found).allSatisfy(d -> {
      assertThat(d.code()).matches("CFC\\d{3}");
      assertThat(d.message()).isNotBlank();
    });
    assertThat(found).isSortedAccordingTo(Diagnostic.ORDER);
  }
}

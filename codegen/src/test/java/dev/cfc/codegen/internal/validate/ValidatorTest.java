package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.codegen.internal.wrangler.ConfigSource;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerBuilder;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every validation rule with a passing and a failing case. Failing cases assert the code, the
 * line the bad value was written on and the hint.
 */
class ValidatorTest {

  @TempDir Path project;

  private static final String REGISTRY = "registry.cloudflare.com/acme/app:1.0";

  @BeforeEach
  void dockerfile() throws IOException {
    Files.createDirectories(project.resolve("containers/app"));
    Files.writeString(project.resolve("containers/app/Dockerfile"), "FROM scratch\n");
  }

  /** The line after the caller's line: where the next statement's bad value is written. */
  private static int nextLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow()
        .getLineNumber() + 1;
  }

  /** Facts of a {@code wrangler.toml}, as validation receives them. */
  static ConfigFacts facts(String workerName, String compatibilityDate,
      Diagnostic.Location compatibilityDateAt, Map<String, List<String>> secretsStoreBindings) {
    return new ConfigFacts(new ConfigSource(Path.of("wrangler.toml"), ""), workerName,
        Diagnostic.Location.of("wrangler.toml"), compatibilityDate, compatibilityDateAt,
        secretsStoreBindings, true);
  }

  private static ContainerBuilder app() {
    return Container.define("app").image(Image.registry(REGISTRY));
  }

  private List<Diagnostic> validate(ContainerDefinition... definitions) {
    return validate(null, List.of(), definitions);
  }

  private List<Diagnostic> validate(ConfigFacts config, List<String> environments,
      ContainerDefinition... definitions) {
    SourceResolver resolver = new SourceResolver(project, List.of());
    return new Validator(project, resolver, environments, config)
        .validate(Arrays.asList(definitions));
  }

  private static Diagnostic only(List<Diagnostic> diagnostics, String code) {
    assertThat(diagnostics).extracting(Diagnostic::code).containsExactly(code);
    return diagnostics.get(0);
  }

  private void assertValid(UnaryOperator<ContainerBuilder> configure) {
    assertThat(validate(configure.apply(app()).build())).isEmpty();
  }

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
    ConfigFacts config = facts("media", "2025-12-01",
        Diagnostic.Location.of("wrangler.toml"), Map.of("", List.of("STRIPE_SECRET")));
    assertThat(validate(config, List.of(), full)).isEmpty();
  }

  @Test
  void nameMustBeLowerCamelCase() {
    int line = nextLine();
    ContainerDefinition bad = Container.define("video-transcoder").image(Image.registry(REGISTRY)).build();
    Diagnostic d = only(validate(bad), "CFC001");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"video-transcoder\"");
    assertThat(d.hint()).contains("Container.define(\"videoTranscoder\")");
    assertThat(validate(Container.define("videoTranscoder").image(Image.registry(REGISTRY))
        .build())).isEmpty();
  }

  @Test
  void reservedWordsAreRejected() {
    int line = nextLine();
    ContainerDefinition bad = Container.define("delete").image(Image.registry(REGISTRY)).build();
    Diagnostic d = only(validate(bad), "CFC002");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("deleteApp");
  }

  @Test
  void namesThatNormaliseToTheSameBindingClash() {
    ContainerDefinition first = Container.define("fooBar").image(Image.registry(REGISTRY)).build();
    int line = nextLine();
    ContainerDefinition second = Container.define("fooBAR").image(Image.registry(REGISTRY)).build();
    Diagnostic d = only(validate(first, second), "CFC003");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("CONTAINER_FOO_BAR").contains("\"fooBar\"");
    assertThat(validate(first, Container.define("fooBaz").image(Image.registry(REGISTRY))
        .build())).isEmpty();
  }

  @Test
  void renameFromItselfIsRejected() {
    int line = nextLine();
    ContainerDefinition bad = app().renamedFrom("app").build();
    Diagnostic d = only(validate(bad), "CFC004");
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.renamedFrom("oldApp"));
  }

  @Test
  void overrideOfAnUnlistedEnvironmentIsAWarning() {
    int line = nextLine();
    ContainerDefinition def = app().environment("prod", e -> e.maxInstances(3)).build();
    Diagnostic d = only(validate(null, List.of("production"), def), "CFC005");
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("\"prod\"");
    assertThat(validate(null, List.of("prod"), def)).isEmpty();
  }

  @Test
  void anOverrideOfWhatTheSharedClassHoldsIsAnError() {
    int line = nextLine();
    ContainerDefinition def = app().environment("staging", e -> e.maxInstances(2).env("LOG_LEVEL", "debug")).build();
    Diagnostic d = only(validate(null, List.of("staging"), def), "CFC006");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"staging\"").contains("overrides env");
    assertThat(d.hint()).contains("instanceType, maxInstances and rollout");
    assertThat(validate(null, List.of("staging"), app().environment("staging",
        e -> e.maxInstances(2).instanceType(InstanceType.BASIC).rollout(10, 0)
            .image(Image.build("containers/app")).buildArg("A", "1")).build())).isEmpty();
  }

  @Test
  void portsMustBeInRange() {
    int line = nextLine();
    Diagnostic d = only(validate(app().defaultPort(70000).build()), "CFC010");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("70000");
    assertThat(d.hint()).contains("8080");
    assertValid(b -> b.defaultPort(65535));
  }

  @Test
  void requiredPortsMustNotRepeat() {
    int line = nextLine();
    Diagnostic d = only(validate(app().requiredPorts(8080, 8080).build()), "CFC011");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("8080 twice");
    assertThat(only(validate(app().requiredPorts().build()), "CFC011").message())
        .contains("empty");
    assertValid(b -> b.requiredPorts(8080, 9090));
  }

  @Test
  void defaultPortMustBeRequiredWhenBothAreSet() {
    int line = nextLine();
    Diagnostic d = only(validate(app().defaultPort(8080).requiredPorts(9090).build()), "CFC012");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).isEqualTo("add it: .requiredPorts(8080, 9090)");
    assertValid(b -> b.defaultPort(8080).requiredPorts(8080, 9090));
  }

  @Test
  void probePortMustBeOneTheContainerListensOn() {
    int line = nextLine();
    Diagnostic d = only(validate(app().defaultPort(8080).readyOn(Probe.path("/live").port(9090)).build()), "CFC013");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("requiredPorts");
    assertValid(b -> b.requiredPorts(8080, 9090).readyOn(Probe.path("/live").port(9090)));
  }

  @Test
  void maxInstancesAtLeastOne() {
    int line = nextLine();
    Diagnostic d = only(validate(app().maxInstances(0).build()), "CFC020");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains(".maxInstances(1)");
    assertValid(b -> b.maxInstances(1));
  }

  @Test
  void customInstanceTypesFollowCloudflareLimits() {
    int line = nextLine();
    Diagnostic vcpu = only(validate(app().instanceType(InstanceType.custom(0.5, 2048, 4000)).build()), "CFC021");
    assertThat(vcpu.location().line()).isEqualTo(line);
    assertThat(vcpu.hint()).contains("LITE").contains("BASIC");
    assertThat(validate(app().instanceType(InstanceType.custom(5, 12288, 20000)).build()))
        .anySatisfy(d -> assertThat(d.message()).contains("at most 4"));
    Diagnostic memory = only(validate(app().instanceType(InstanceType.custom(2, 4096, 8000))
        .build()), "CFC022");
    assertThat(memory.hint()).contains("6144");
    assertThat(only(validate(app().instanceType(InstanceType.custom(4, 16384, 20000)).build()),
        "CFC022").message()).contains("12288");
    Diagnostic disk = only(validate(app().instanceType(InstanceType.custom(1, 4096, 10000))
        .build()), "CFC023");
    assertThat(disk.message()).contains("8000");
    assertValid(b -> b.instanceType(InstanceType.custom(1, 3072, 6000)));
    assertValid(b -> b.instanceType(InstanceType.custom(4, 12288, 20000)));
  }

  @Test
  void durationsFollowTheGrammar() {
    int line = nextLine();
    Diagnostic d = only(validate(app().sleepAfter("5 minutes").build()), "CFC030");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).isEqualTo("for example .sleepAfter(\"5m\")");
    assertThat(only(validate(app().hardTimeout(Duration.ofMillis(1500)).build()), "CFC030")
        .message()).contains("PT1.5S");
    assertValid(b -> b.sleepAfter("30s").hardTimeout("2h"));
    assertValid(b -> b.sleepAfter(Duration.ofMinutes(5)).hardTimeout(7200));
  }

  @Test
  void zeroSecondsIsAnError() {
    int line = nextLine();
    Diagnostic d = only(validate(app().sleepAfter("0s").build()), "CFC031");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"0s\"").contains("at least 1s");
    assertThat(only(validate(app().hardTimeout(0).build()), "CFC031")).isNotNull();
    assertValid(b -> b.sleepAfter("1s"));
  }

  @Test
  void hardTimeoutShorterThanSleepAfterIsAWarning() {
    int line = nextLine();
    Diagnostic d = only(validate(app().sleepAfter("10m").hardTimeout("5m").build()), "CFC032");
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.sleepAfter("5m").hardTimeout("1h"));
  }

  @Test
  void readinessBudgetMustBePositiveAndLongerThanThePoll() {
    int line = nextLine();
    Diagnostic d = only(validate(app().readinessBudget(Duration.ofSeconds(1), Duration.ofSeconds(5)).build()), "CFC033");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(only(validate(app().readinessBudget(Duration.ZERO, Duration.ofMillis(1)).build()),
        "CFC033").message()).contains("positive");
    assertValid(b -> b.readinessBudget(Duration.ofSeconds(30), Duration.ofMillis(500)));
  }

  @Test
  void variableNamesAreChecked() {
    int line = nextLine();
    Diagnostic d = only(validate(app().env("1BAD", "x").build()), "CFC040");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"1BAD\"");
    assertThat(d.hint()).contains("\"_1BAD\"");
    assertThat(only(validate(app().secrets("my-secret").build()), "CFC040").hint())
        .contains("\"my_secret\"");
    assertValid(b -> b.env("_OK_1", "x").secrets("API_KEY"));
  }

  @Test
  void aNameInTwoOfEnvSecretsAndSecretsStoreIsAnError() {
    int line = nextLine();
    Diagnostic d = only(validate(app().env("API_KEY", "x").secrets("API_KEY").build()), "CFC041");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("env(...)").contains("secrets(...)");
    assertThat(only(validate(app().secrets("K").secretsStore("K", "B").build()), "CFC041"))
        .isNotNull();
    assertValid(b -> b.env("A", "x").secrets("B"));
  }

  @Test
  void secretsStoreBindingNamesAreChecked() {
    int line = nextLine();
    Diagnostic d = only(validate(app().secretsStore("STRIPE_KEY", "stripe-secret").build()), "CFC042");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("STRIPE_SECRET");
  }

  @Test
  void secretsStoreBindingMustBeDeclaredInTheConfigOfEachScope() {
    ConfigFacts config = facts("w", "2025-12-01",
        Diagnostic.Location.of("wrangler.toml"), Map.of("", List.of("STRIPE_SECRET")));
    int line = nextLine();
    ContainerDefinition def = app().secretsStore("STRIPE_KEY", "STRIPE_SECRET").build();
    assertThat(validate(config, List.of(), def)).isEmpty();
    Diagnostic d = only(validate(config, List.of("staging"), def), "CFC043");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"STRIPE_SECRET\"").contains("\"staging\"");
    assertThat(d.hint()).contains("[[env.staging.secrets_store_secrets]]")
        .contains("binding = \"STRIPE_SECRET\"");
  }

  @Test
  void egressHostsAreHostNamesOnlyAndTheHintShowsTheFix() {
    int line = nextLine();
    Diagnostic d = only(validate(app().enableInternet(false).allowedHosts("https://x.com/path").build()), "CFC050");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"https://x.com/path\"");
    assertThat(d.hint()).isEqualTo("write \"x.com\"");
    assertThat(only(validate(app().enableInternet(false).allowedHosts("api.*.com").build()),
        "CFC050").hint()).isEqualTo("write \"*.com\"");
    assertThat(only(validate(app().enableInternet(false).allowedHosts("x.com:443").build()),
        "CFC050").hint()).isEqualTo("write \"x.com\"");
    assertValid(b -> b.enableInternet(false).allowedHosts("*.stripe.com", "api.github.com"));
  }

  @Test
  void aHostBothAllowedAndDeniedIsAnError() {
    int line = nextLine();
    Diagnostic d = only(validate(app().enableInternet(false).allowedHosts("a.com").deniedHosts("a.com").build()), "CFC051");
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.enableInternet(false).allowedHosts("a.com").deniedHosts("b.com"));
  }

  @Test
  void allowListWithInternetOnAndNoInterceptionIsAWarning() {
    int line = nextLine();
    Diagnostic d = only(validate(app().allowedHosts("a.com").build()), "CFC052");
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.allowedHosts("a.com").interceptHttps(true));
  }

  @Test
  void egressNeedsARecentCompatibilityDate() {
    ConfigFacts old = facts("w", "2025-01-01",
        new Diagnostic.Location("wrangler.toml", 3, 1), Map.of());
    int line = nextLine();
    ContainerDefinition def = app().egress(Egress.denyInternet().allow("a.com")).build();
    Diagnostic d = only(validate(old, List.of(), def), "CFC053");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("2025-11-17").contains("2025-01-01")
        .contains("wrangler.toml:3:1");
    ConfigFacts recent = facts("w", "2025-11-17",
        Diagnostic.Location.of("wrangler.toml"), Map.of());
    assertThat(validate(recent, List.of(), def)).isEmpty();
  }

  @Test
  void probePathsAndStatusesAreChecked() {
    int line = nextLine();
    Diagnostic d = only(validate(app().readyOn(Probe.path("ready")).build()), "CFC060");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).isEqualTo("write Probe.path(\"/ready\")");
    assertThat(only(validate(app().readyOn(Probe.path("/ready").status(42)).build()), "CFC061")
        .message()).contains("42");
    assertThat(only(validate(app().pingEndpoint("ping").build()), "CFC060")).isNotNull();
    assertValid(b -> b.readyOn(Probe.path("/ready").status(204)).pingEndpoint("/ping"));
  }

  @Test
  void rolloutValuesAreChecked() {
    int line = nextLine();
    Diagnostic d = only(validate(app().rollout(0, 300).build()), "CFC070");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(only(validate(app().rollout(25, -1).build()), "CFC071")).isNotNull();
    assertValid(b -> b.rollout(100, 0));
  }

  @Test
  void aSingleRolloutStepMustBeOneWranglerAccepts() {
    for (int step : new int[] {1, 15, 30, 75, 99}) {
      assertThat(only(validate(app().rollout(step, 60).build()), "CFC070").message())
          .contains("rollout step " + step + "% is not one wrangler accepts");
    }
    for (int step : new int[] {5, 10, 20, 25, 50, 100}) {
      assertValid(b -> b.rollout(step));
    }
  }

  @Test
  void explicitRolloutStepsFollowWranglersArrayRules() {
    assertValid(b -> b.rolloutSteps(10, 50, 100));
    assertValid(b -> b.maxInstances(2).rolloutSteps(50, 100));
    assertThat(only(validate(app().rolloutSteps(5, 100).build()), "CFC070").message())
        .contains("each step must be 10-100, not [5]");
    assertThat(only(validate(app().rolloutSteps(50, 20, 100).build()), "CFC070").message())
        .contains("steps must ascend");
    assertThat(only(validate(app().rolloutSteps(10, 50).build()), "CFC070").message())
        .contains("the last step must be 100");
    assertThat(only(validate(app().maxInstances(2).rolloutSteps(10, 50, 100).build()),
        "CFC070").message()).contains("3 steps but only 2 instances");
  }

  @Test
  void aGracePeriodAloneIsValidAndOnlyANegativeOneIsNot() {
    assertValid(b -> b.rolloutGracePeriod(0));
    assertThat(only(validate(app().rollout(25).rolloutGracePeriod(-5).build()), "CFC071"))
        .isNotNull();
  }

  @Test
  void blankOrUntidyLabelKeysAreErrorsAtTheLabel() {
    int line = nextLine();
    Diagnostic blank = only(validate(app().label("  ", "x").build()), "CFC044");
    assertThat(blank.location().line()).isEqualTo(line);
    assertThat(blank.message()).contains("is blank");
    assertThat(only(validate(app().label("", "x").build()), "CFC044")).isNotNull();
    assertThat(only(validate(app().label(" team", "x").build()), "CFC044").hint())
        .contains("\"team\"");
    assertThat(only(validate(app().label("te\nam", "x").build()), "CFC044")).isNotNull();
    assertValid(b -> b.label("team", "media"));
  }

  @Test
  void anExplicitApplicationNameMustBeAValidImageRepository() {
    int line = nextLine();
    Diagnostic d = only(validate(app().containerName("Media-Transcoder").build()), "CFC007");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains(".containerName(\"media-transcoder\")");
    assertThat(only(validate(app().containerName("media transcoder").build()), "CFC007"))
        .isNotNull();
    assertThat(validate(app().containerName("media-transcoder").build())).isEmpty();
  }

  @Test
  void aDefinitionNameLongerThanSixtyFourCharactersIsRefused() {
    String longName = "a" + "b".repeat(64);
    Diagnostic d = only(validate(Container.define(longName)
        .image(Image.registry("registry.cloudflare.com/acme/app:1")).build()), "CFC001");
    assertThat(d.message()).contains("65 characters long; at most 64");
    assertThat(validate(Container.define("a" + "b".repeat(63))
        .image(Image.registry("registry.cloudflare.com/acme/app:1")).build())).isEmpty();
  }

  @Test
  void everyContainerNeedsAnImage() {
    int line = nextLine();
    Diagnostic d = only(validate(Container.define("api").build()), "CFC080");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("Image.build(\"containers/api\")");
  }

  @Test
  void buildPathMustHoldADockerfile() {
    int line = nextLine();
    Diagnostic d = only(validate(app().image(Image.build("containers/missing")).build()), "CFC081");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("containers/missing");
    assertThat(only(validate(app().image(Image.build("containers/app").dockerfile("Dockerfile.prod"))
        .build()), "CFC081").hint()).contains("Dockerfile.prod");
    assertValid(b -> b.image(Image.build("containers/app")));
    assertValid(b -> b.image(Image.build("containers/app/Dockerfile").context("containers")));
  }

  @Test
  void registryReferencesMustLookLikeReferences() {
    int line = nextLine();
    Diagnostic d = only(validate(app().image(Image.registry("transcoder")).build()), "CFC082");
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.image(Image.registry("docker.io/acme/app@sha256:"
        + "a".repeat(64))));
  }

  @Test
  void buildArgsOnARegistryImageAreAnError() {
    int line = nextLine();
    Diagnostic d = only(validate(app().buildArg("NODE_VERSION", "22").build()), "CFC083");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("Image.build");
    assertValid(b -> b.image(Image.build("containers/app")).buildArg("NODE_VERSION", "22"));
  }

  @Test
  void anEnvironmentThatPromotesARegistryImageDropsTheBuildArgsOfTheBuild() {
    ContainerDefinition promoted = app().image(Image.build("containers/app"))
        .buildArg("NODE_VERSION", "22")
        .environment("production", e -> e.image(Image.registry(REGISTRY)))
        .build();
    assertThat(validate(null, List.of("production"), promoted)).isEmpty();
    int line = nextLine();
    ContainerDefinition argInOverride = app().image(Image.build("containers/app")).environment("production", e -> e.image(Image.registry(REGISTRY)).buildArg("X", "1")).build();
    Diagnostic d = only(validate(null, List.of("production"), argInOverride), "CFC083");
    assertThat(d.location().line()).isEqualTo(line);
  }

  @Test
  void aMissingWorkerNameIsReportedOnTheConfig() {
    ConfigFacts noName = facts(null, "2025-12-01",
        Diagnostic.Location.of("wrangler.toml"), Map.of());
    Diagnostic d = only(validate(noName, List.of(), app().build()), "CFC090");
    assertThat(d.location().file()).isEqualTo("wrangler.toml");
    assertThat(d.hint()).contains("name = ");
    assertThat(validate(noName, List.of(), app().containerName("existing").build())).isEmpty();
  }

  @Test
  void environmentOverridesAreValidatedWhereTheyAreWritten() {
    int line = nextLine();
    ContainerDefinition def = app().environment("production", e -> e.maxInstances(0)).build();
    Diagnostic d = only(validate(null, List.of("production"), def), "CFC020");
    assertThat(d.location().line()).isEqualTo(line);
  }

  @Test
  void findingsAreAllReportedAtOnceAndSorted() {
    ContainerDefinition bad = app()
        .defaultPort(70000)
        .sleepAfter("0s")
        .env("1BAD", "x")
        .enableInternet(false).allowedHosts("https://x.com/path")
        .env("TOKEN", "x").secrets("TOKEN")
        .build();
    List<Diagnostic> found = validate(bad);
    assertThat(found).extracting(Diagnostic::code)
        .containsExactly("CFC010", "CFC031", "CFC040", "CFC050", "CFC041");
    assertThat(found).extracting(d -> d.location().line()).isSorted();
  }

  @Test
  void aBuildPathThatIsAFileCannotAlsoNameADockerfile() {
    int line = nextLine();
    Diagnostic d = only(validate(Container.define("app")
        .image(Image.build("containers/app/Dockerfile").dockerfile("Dockerfile.prod")).build()),
        "CFC081");
    assertThat(d.location().line()).isEqualTo(line + 1); // where Image.build(...) is written
    assertThat(d.message()).contains("is a file, so .dockerfile(\"Dockerfile.prod\")");
    assertThat(d.hint()).contains("Image.build(\"containers/app\").dockerfile(\"Dockerfile.prod\")");
    assertThat(validate(Container.define("app")
        .image(Image.build("containers/app/Dockerfile")).build())).isEmpty();
  }

  @Test
  void aCustomTypeAboveThePublishedLimitsPointsToAccountLimitsAndPassesWithThem() {
    ContainerDefinition big = app().instanceType(InstanceType.custom(8, 32768, 40000)).build();
    List<Diagnostic> published = validate(big);
    assertThat(published).extracting(Diagnostic::code).containsExactly("CFC021", "CFC022", "CFC023");
    assertThat(published.get(0).hint()).contains("[account-limits]").contains("vcpu = <n>");
    SourceResolver resolver = new SourceResolver(project, List.of());
    List<Diagnostic> raised = new Validator(project, resolver, List.of(), List.of(), null,
        new dev.cfc.codegen.AccountLimits(8, 32768, 40000)).validate(List.of(big));
    assertThat(raised).isEmpty();
    List<Diagnostic> beyond = new Validator(project, resolver, List.of(), List.of(), null,
        new dev.cfc.codegen.AccountLimits(6, 32768, 40000)).validate(List.of(big));
    assertThat(beyond).extracting(Diagnostic::code).containsExactly("CFC021");
    assertThat(beyond.get(0).message()).contains("at most 6 (the account limits in cfc.toml)");
  }
}

package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.codegen.internal.wrangler.ConfigSource;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.EnvironmentOverrides;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Jurisdiction;
import dev.cfc.dsl.Probe;
import dev.cfc.dsl.Region;
import dev.cfc.dsl.RolloutKind;
import dev.cfc.dsl.SchedulingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Environment overrides (CFC005, CFC006, CFC135). Failing cases assert the code, the line the bad value
 * was written on and the hint.
 */
class EnvironmentRulesTest extends ValidationFixture {

  @Test
  void overrideOfAnUnlistedEnvironmentIsAWarning() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().environment("prod", e -> e.maxInstances(3)).build();
    // spotless:on
    Diagnostic d = only(validate(null, List.of("production"), def), "CFC005");
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("\"prod\"");
    assertThat(validate(null, List.of("prod"), def)).isEmpty();
  }

  @Test
  void anOverrideOfWhatTheSharedClassHoldsIsAnError() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().environment("staging", e -> e.maxInstances(2).defaultPort(9000)).build();
    // spotless:on
    Diagnostic d = only(validate(null, List.of("staging"), def), "CFC006");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"staging\"").contains("overrides defaultPort");
    assertThat(d.hint())
        .contains("instanceType, maxInstances, the rollout, placement and SSH")
        .contains("env, secrets, secretsStore, sleepAfter");
    for (Consumer<EnvironmentOverrides> shared : List.<Consumer<EnvironmentOverrides>>of(
        e -> e.requiredPorts(8080, 9090),
        e -> e.entrypoint("sh"),
        e -> e.pingEndpoint("/health"),
        e -> e.forwardMetadata(true))) {
      assertThat(validate(
              null, List.of("staging"), app().environment("staging", shared).build()))
          .extracting(Diagnostic::code)
          .containsExactly("CFC006");
    }
    assertThat(validate(
            null,
            List.of("staging"),
            app()
                .environment(
                    "staging",
                    e -> e.maxInstances(2)
                        .instanceType(InstanceType.BASIC)
                        .rollout(10, 0)
                        .image(Image.build("containers/app"))
                        .buildArg("A", "1"))
                .build()))
        .isEmpty();
  }

  @Test
  void runTimeValuesMayDifferPerEnvironment() {
    ContainerDefinition def = app()
        .environment(
            "production",
            e -> e.env("LOG_LEVEL", "warn")
                .secrets("LICENSE")
                .secretsStore("DB_PASSWORD", "DB_SECRET")
                .sleepAfter("30m")
                .hardTimeout("2h")
                .egress(Egress.denyInternet().allow("api.stripe.com").interceptHttps())
                .deniedHosts("*.evil.com")
                .readyOn(Probe.path("/ready"))
                .readinessBudget(Duration.ofMinutes(1), Duration.ofSeconds(1))
                .label("tier", "large"))
        .build();
    assertThat(validate(null, List.of("production"), def)).isEmpty();
  }

  @Test
  void anEnvironmentWithValuesOfItsOwnMustBeNamedInItsVars() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().environment("production", e -> e.env("LOG_LEVEL", "warn")).build();
    // spotless:on
    List<String> envs = List.of("staging", "production");
    Diagnostic d = only(validate(config(Map.of()), envs, def), "CFC135");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message())
        .contains("\"production\"")
        .contains("its own env")
        .contains("sets no vars.CFC_ENVIRONMENT")
        .contains("the top-level values");
    assertThat(d.hint()).contains("[env.production.vars]\nCFC_ENVIRONMENT = \"production\"");
    ConfigFacts jsonc = new ConfigFacts(
        new ConfigSource(Path.of("wrangler.jsonc"), ""),
        "worker",
        Diagnostic.Location.of("wrangler.jsonc"),
        "2025-06-01",
        Diagnostic.Location.of("wrangler.jsonc"),
        Map.of(),
        true,
        Map.of());
    assertThat(only(validate(jsonc, envs, def), "CFC135").hint())
        .contains("in \"env\": { \"production\": { … } }, add to \"vars\":"
            + " \"CFC_ENVIRONMENT\": \"production\"");

    Diagnostic wrong = only(validate(config(Map.of("production", "staging")), envs, def), "CFC135");
    assertThat(wrong.message()).contains("= \"staging\"").contains("the values of \"staging\"");

    assertThat(validate(config(Map.of("production", "production")), envs, def)).isEmpty();
    assertThat(validate(
            config(Map.of()),
            envs,
            app()
                .environment("production", e -> e.env("LOG_LEVEL", "warn"))
                .env("LOG_LEVEL", "warn")
                .build()))
        .as("an override equal to the top level's value changes nothing at run time")
        .isEmpty();
    assertThat(validate(
            config(Map.of()),
            envs,
            app().environment("production", e -> e.maxInstances(3)).build()))
        .as("values of the wrangler entry need no selection")
        .isEmpty();
  }

  @Test
  void aSecretsStoreBindingIsCheckedInTheEnvironmentThatUsesIt() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().environment("production", e -> e.secretsStore("DB_PASSWORD", "DB_LIVE")).build();
    // spotless:on
    ConfigFacts declaredAtTopOnly = new ConfigFacts(
        new ConfigSource(Path.of("wrangler.toml"), ""),
        "worker",
        Diagnostic.Location.of("wrangler.toml"),
        "2025-06-01",
        Diagnostic.Location.of("wrangler.toml"),
        Map.of("", List.of("DB_LIVE"), "production", List.of()),
        true,
        Map.of("production", "production"));
    Diagnostic d = only(validate(declaredAtTopOnly, List.of("production"), def), "CFC043");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"DB_LIVE\"").contains("for environment \"production\"");
    assertThat(d.hint()).contains("[[env.production.secrets_store_secrets]]");
  }

  /** A wrangler.toml setting vars.CFC_ENVIRONMENT as given (scope → value). */
  private static ConfigFacts config(Map<String, String> environmentVars) {
    return new ConfigFacts(
        new ConfigSource(Path.of("wrangler.toml"), ""),
        "worker",
        Diagnostic.Location.of("wrangler.toml"),
        "2025-06-01",
        Diagnostic.Location.of("wrangler.toml"),
        Map.of(),
        true,
        environmentVars);
  }

  @Test
  void placementRolloutKindAndSshMayDifferPerEnvironment() {
    ContainerDefinition def = app()
        .environment(
            "production",
            e -> e.rolloutKind(RolloutKind.FULL_MANUAL)
                .schedulingPolicy(SchedulingPolicy.REGIONAL)
                .regions(Region.WEUR, Region.EEUR)
                .jurisdiction(Jurisdiction.EU)
                .ssh(true, 2222)
                .authorizedKey("alice", SshRulesTest.ED25519)
                .trustedUserCaKey(SshRulesTest.ED25519))
        .build();
    assertThat(validate(null, List.of("production"), def)).isEmpty();
  }
}

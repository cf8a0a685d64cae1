package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Jurisdiction;
import dev.cfc.dsl.Region;
import dev.cfc.dsl.RolloutKind;
import dev.cfc.dsl.SchedulingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Environment overrides (CFC005, CFC006). Failing cases assert the code, the line the bad value
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
    ContainerDefinition def = app().environment("staging", e -> e.maxInstances(2).env("LOG_LEVEL", "debug")).build();
    // spotless:on
    Diagnostic d = only(validate(null, List.of("staging"), def), "CFC006");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"staging\"").contains("overrides env");
    assertThat(d.hint()).contains("instanceType, maxInstances, the rollout, placement and SSH");
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

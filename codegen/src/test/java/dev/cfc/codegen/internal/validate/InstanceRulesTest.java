package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.InstanceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instances and instance types against the account limits (CFC020-CFC023). Failing cases assert
 * the code, the line the bad value was written on and the hint.
 */
class InstanceRulesTest extends ValidationFixture {

  @Test
  void maxInstancesAtLeastOne() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().maxInstances(0).build()), "CFC020");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains(".maxInstances(1)");
    assertValid(b -> b.maxInstances(1));
  }

  @Test
  void customInstanceTypesFollowCloudflareLimits() {
    // spotless:off
    int line = nextLine();
    Diagnostic vcpu = only(validate(app().instanceType(InstanceType.custom(0.5, 2048, 4000)).build()), "CFC021");
    // spotless:on
    assertThat(vcpu.location().line()).isEqualTo(line);
    assertThat(vcpu.hint()).contains("LITE").contains("BASIC");
    assertThat(validate(app().instanceType(InstanceType.custom(5, 12288, 20000)).build()))
        .anySatisfy(d -> assertThat(d.message()).contains("at most 4"));
    Diagnostic memory =
        only(validate(app().instanceType(InstanceType.custom(2, 4096, 8000)).build()), "CFC022");
    assertThat(memory.hint()).contains("6144");
    assertThat(only(
                validate(
                    app().instanceType(InstanceType.custom(4, 16384, 20000)).build()),
                "CFC022")
            .message())
        .contains("12288");
    Diagnostic disk =
        only(validate(app().instanceType(InstanceType.custom(1, 4096, 10000)).build()), "CFC023");
    assertThat(disk.message()).contains("8000");
    assertValid(b -> b.instanceType(InstanceType.custom(1, 3072, 6000)));
    assertValid(b -> b.instanceType(InstanceType.custom(4, 12288, 20000)));
  }

  @Test
  void aCustomTypeAboveThePublishedLimitsPointsToAccountLimitsAndPassesWithThem() {
    ContainerDefinition big =
        app().instanceType(InstanceType.custom(8, 32768, 40000)).build();
    List<Diagnostic> published = validate(big);
    assertThat(published)
        .extracting(Diagnostic::code)
        .containsExactly("CFC021", "CFC022", "CFC023");
    assertThat(published.get(0).hint()).contains("[account-limits]").contains("vcpu = <n>");
    SourceResolver resolver = new SourceResolver(project, List.of());
    List<Diagnostic> raised = new Validator(
            project,
            resolver,
            List.of(),
            List.of(),
            null,
            new dev.cfc.codegen.AccountLimits(8, 32768, 40000))
        .validate(List.of(big));
    assertThat(raised).isEmpty();
    List<Diagnostic> beyond = new Validator(
            project,
            resolver,
            List.of(),
            List.of(),
            null,
            new dev.cfc.codegen.AccountLimits(6, 32768, 40000))
        .validate(List.of(big));
    assertThat(beyond).extracting(Diagnostic::code).containsExactly("CFC021");
    assertThat(beyond.get(0).message()).contains("at most 6 (the account limits in cfc.toml)");
  }
}

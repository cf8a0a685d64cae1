package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code <Name>Bridge}'s accessors (CFC147): asserts the code, the line of the
 * second grant, both bindings and the hint.
 */
class BridgeJavaRulesTest extends ValidationFixture {

  private static List<Diagnostic> accessorClashes(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(d -> d.code().equals("CFC147")).toList();
  }

  @Test
  void twoBindingsWithOneAccessorAreAnErrorAtTheSecondGrant() {
    // spotless:off
    Bridge first = Bridge.r2("MEDIA_BUCKET");
    int line = nextLine();
    Bridge second = Bridge.kv("mediaBucket");
    // spotless:on
    List<Diagnostic> found =
        accessorClashes(validate(app().bridge(first, second).build()));

    assertThat(found).hasSize(1);
    Diagnostic clash = found.get(0);
    assertThat(clash.severity()).isEqualTo(Diagnostic.Severity.ERROR);
    assertThat(clash.location().line()).isEqualTo(line);
    assertThat(clash.message())
        .contains("\"MEDIA_BUCKET\"", "\"mediaBucket\"", "mediaBucket()", "\"app\"");
    assertThat(clash.hint()).contains("rename one binding");
  }

  @Test
  void theBindingSuffixOfAReservedNameCanClashToo() {
    assertThat(accessorClashes(validate(
            app().bridge(Bridge.kv("CLASS"), Bridge.d1("CLASS_BINDING")).build())))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("classBinding()"));
  }

  @Test
  void distinctAccessorsAndOneBindingGrantedTwiceAreNotThisRulesFinding() {
    assertThat(accessorClashes(validate(app()
            .bridge(Bridge.kv("CACHE"), Bridge.r2("MEDIA_BUCKET"), Bridge.r2("MEDIA"))
            .build())))
        .isEmpty();
    assertThat(accessorClashes(validate(
            app().bridge(Bridge.kv("CACHE"), Bridge.kv("CACHE").readOnly()).build())))
        .isEmpty();
  }

  @Test
  void containersAreCheckedEachOnTheirOwn() {
    assertThat(accessorClashes(validate(
            app().bridge(Bridge.r2("MEDIA_BUCKET")).build(),
            Container.define("other")
                .image(Image.registry(REGISTRY))
                .bridge(Bridge.kv("mediaBucket"))
                .build())))
        .isEmpty();
  }
}

package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import org.junit.jupiter.api.Test;

/**
 * Definition names and application names (CFC001-CFC004, CFC007). Failing cases assert the code,
 * the line the bad value was written on and the hint.
 */
class NameRulesTest extends ValidationFixture {

  @Test
  void nameMustBeLowerCamelCase() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition bad = Container.define("video-transcoder").image(Image.registry(REGISTRY)).build();
    // spotless:on
    Diagnostic d = only(validate(bad), "CFC001");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("\"video-transcoder\"");
    assertThat(d.hint()).contains("Container.define(\"videoTranscoder\")");
    assertThat(validate(
            Container.define("videoTranscoder").image(Image.registry(REGISTRY)).build()))
        .isEmpty();
  }

  @Test
  void reservedWordsAreRejected() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition bad = Container.define("delete").image(Image.registry(REGISTRY)).build();
    // spotless:on
    Diagnostic d = only(validate(bad), "CFC002");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("deleteApp");
  }

  @Test
  void namesThatNormaliseToTheSameBindingClash() {
    ContainerDefinition first =
        Container.define("fooBar").image(Image.registry(REGISTRY)).build();
    // spotless:off
    int line = nextLine();
    ContainerDefinition second = Container.define("fooBAR").image(Image.registry(REGISTRY)).build();
    // spotless:on
    Diagnostic d = only(validate(first, second), "CFC003");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("CONTAINER_FOO_BAR").contains("\"fooBar\"");
    assertThat(validate(
            first, Container.define("fooBaz").image(Image.registry(REGISTRY)).build()))
        .isEmpty();
  }

  @Test
  void renameFromItselfIsRejected() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition bad = app().renamedFrom("app").build();
    // spotless:on
    Diagnostic d = only(validate(bad), "CFC004");
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.renamedFrom("oldApp"));
  }

  @Test
  void anExplicitApplicationNameMustBeAValidImageRepository() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().containerName("Media-Transcoder").build()), "CFC007");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains(".containerName(\"media-transcoder\")");
    assertThat(only(validate(app().containerName("media transcoder").build()), "CFC007"))
        .isNotNull();
    assertThat(validate(app().containerName("media-transcoder").build())).isEmpty();
  }

  @Test
  void aDefinitionNameLongerThanSixtyFourCharactersIsRefused() {
    String longName = "a" + "b".repeat(64);
    Diagnostic d = only(
        validate(Container.define(longName)
            .image(Image.registry("registry.cloudflare.com/acme/app:1"))
            .build()),
        "CFC001");
    assertThat(d.message()).contains("65 characters long; at most 64");
    assertThat(validate(Container.define("a" + "b".repeat(63))
            .image(Image.registry("registry.cloudflare.com/acme/app:1"))
            .build()))
        .isEmpty();
  }

  @Test
  void aNameWithNoAsciiLetterOrDigitIsOfferedAPlaceholderName() {
    Diagnostic d =
        only(validate(Container.define("ü-ï").image(Image.registry(REGISTRY)).build()), "CFC001");
    assertThat(d.hint()).endsWith("Container.define(\"app\")");
    assertThat(only(
                validate(
                    Container.define("9-lives").image(Image.registry(REGISTRY)).build()),
                "CFC001")
            .hint())
        .endsWith("Container.define(\"lives\")");
  }
}

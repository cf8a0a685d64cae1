package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image (CFC080-CFC083). Failing cases assert the code, the line the bad value was written on
 * and the hint.
 */
class ImageRulesTest extends ValidationFixture {

  @Test
  void everyContainerNeedsAnImage() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(Container.define("api").build()), "CFC080");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("Image.build(\"containers/api\")");
  }

  @Test
  void buildPathMustHoldADockerfile() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().image(Image.build("containers/missing")).build()), "CFC081");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("containers/missing");
    assertThat(only(
                validate(app()
                    .image(Image.build("containers/app").dockerfile("Dockerfile.prod"))
                    .build()),
                "CFC081")
            .hint())
        .contains("Dockerfile.prod");
    assertValid(b -> b.image(Image.build("containers/app")));
    assertValid(b -> b.image(Image.build("containers/app/Dockerfile").context("containers")));
  }

  @Test
  void registryReferencesMustLookLikeReferences() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().image(Image.registry("transcoder")).build()), "CFC082");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertValid(b -> b.image(Image.registry("docker.io/acme/app@sha256:" + "a".repeat(64))));
  }

  @Test
  void buildArgsOnARegistryImageAreAnError() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().buildArg("NODE_VERSION", "22").build()), "CFC083");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("Image.build");
    assertValid(b -> b.image(Image.build("containers/app")).buildArg("NODE_VERSION", "22"));
  }

  @Test
  void anEnvironmentThatPromotesARegistryImageDropsTheBuildArgsOfTheBuild() {
    ContainerDefinition promoted = app()
        .image(Image.build("containers/app"))
        .buildArg("NODE_VERSION", "22")
        .environment("production", e -> e.image(Image.registry(REGISTRY)))
        .build();
    assertThat(validate(null, List.of("production"), promoted)).isEmpty();
    // spotless:off
    int line = nextLine();
    ContainerDefinition argInOverride = app().image(Image.build("containers/app")).environment("production", e -> e.image(Image.registry(REGISTRY)).buildArg("X", "1")).build();
    // spotless:on
    Diagnostic d = only(validate(null, List.of("production"), argInOverride), "CFC083");
    assertThat(d.location().line()).isEqualTo(line);
  }

  @Test
  void aBuildPathThatIsAFileCannotAlsoNameADockerfile() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(Container.define("app")
        .image(Image.build("containers/app/Dockerfile").dockerfile("Dockerfile.prod")).build()),
        "CFC081");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line + 1); // where Image.build(...) is written
    assertThat(d.message()).contains("is a file, so .dockerfile(\"Dockerfile.prod\")");
    assertThat(d.hint())
        .contains("Image.build(\"containers/app\").dockerfile(\"Dockerfile.prod\")");
    assertThat(validate(Container.define("app")
            .image(Image.build("containers/app/Dockerfile"))
            .build()))
        .isEmpty();
  }
}

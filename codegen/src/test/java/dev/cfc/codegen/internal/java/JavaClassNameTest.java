package dev.cfc.codegen.internal.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java accessors describe the application inside the container, so they are named after the
 * definition, not after the Worker's Durable Object class: a {@code className(...)} (or a class
 * rename) does not rename Java types the container's code imports.
 */
class JavaClassNameTest {

  @Test
  void aClassNameOverrideKeepsTheDefinitionDerivedJavaName() {
    ContainerDefinition named = Container.define("sandbox")
        .className("Sandbox")
        .binding("MY_CONTAINER")
        .image(Image.registry("registry.cloudflare.com/acme/sandbox:1.0"))
        .build();
    assertThat(new JavaEmitter().emit(List.of(named), "app.generated"))
        .containsKey("app/generated/SandboxContainerConfig.java")
        .doesNotContainKey("app/generated/SandboxConfig.java");
  }
}

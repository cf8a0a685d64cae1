package dev.cfc.codegen.internal.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The binding the Worker reads is the one the wrangler config has after the reconcile, which
 * may be kept from a hand-written config and differ from the definition's own.
 */
class NamedBindingsEmitTest {

  private static final ContainerDefinition SANDBOX = Container.define("sandbox")
      .className("Sandbox")
      .image(Image.registry("registry.cloudflare.com/media/sandbox:1.0"))
      .build();

  @Test
  void aBindingKeptFromTheConfigTypesEnvAndTheHandle() {
    Map<String, String> files = new TypeScriptEmitter("0.1.0")
        .emit(List.of(SANDBOX), "media", List.of(), Map.of("sandbox", "MY_CONTAINER"));
    assertThat(files).containsKey("Sandbox.ts").doesNotContainKey("SandboxContainer.ts");
    assertThat(files.get("Sandbox.ts")).contains("export class Sandbox extends CfcContainer");
    assertThat(files.get("handles.ts"))
        .contains("  MY_CONTAINER: DurableObjectNamespace<Sandbox>;\n")
        .contains("createContainerHandle(env.MY_CONTAINER, ")
        .doesNotContain("CONTAINER_SANDBOX");
  }

  @Test
  void aKeptBindingThatIsNoIdentifierIsReadByIndex() {
    String handles = new TypeScriptEmitter("0.1.0")
        .emit(List.of(SANDBOX), "media", List.of(), Map.of("sandbox", "MY-CONTAINER"))
        .get("handles.ts");
    assertThat(handles)
        .contains("  \"MY-CONTAINER\": DurableObjectNamespace<Sandbox>;\n")
        .contains("createContainerHandle(env[\"MY-CONTAINER\"], ");
  }

  @Test
  void withoutAKeptBindingTheDefinitionsOwnIsUsed() {
    String handles =
        new TypeScriptEmitter("0.1.0").emit(List.of(SANDBOX), "media").get("handles.ts");
    assertThat(handles).contains("env.CONTAINER_SANDBOX");
  }
}

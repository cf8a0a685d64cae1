package dev.cfc.codegen.internal.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerBuilder;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What bridge grants add to the emitted TypeScript, and that a container without adds nothing. */
class BridgeEmissionTest {

  private final TypeScriptEmitter emitter = new TypeScriptEmitter("9.9.9");

  private static ContainerBuilder app(String name) {
    return Container.define(name).image(Image.build("containers/" + name));
  }

  @Test
  void theClassFileWiresTheGrantsInDeclarationOrderAfterTheClass() {
    ContainerDefinition def = app("transcoder")
        .bridge(Bridge.r2("MEDIA").readOnly(), Bridge.queue("PROGRESS"))
        .build();
    String file = emitter.classFile(def, "media");
    assertThat(file)
        .contains("import { CfcContainer, type CfcContainerConfig } from \"./cfc-runtime.js\";\n"
            + "import { wireBridge } from \"./cfc-bridge.js\";\n"
            + "import { BRIDGE_GRANTS } from \"./handles.js\";\n\n")
        .endsWith("wireBridge(TranscoderContainer, \"transcoder\", BRIDGE_GRANTS.transcoder);\n");
    assertThat(emitter.handlesFile(List.of(def)))
        .contains("import type { BridgeGrants } from \"./cfc-bridge.js\";\n")
        .endsWith("""
            export const BRIDGE_GRANTS = {
              transcoder: {
                MEDIA: { kind: "r2", readOnly: true },
                PROGRESS: { kind: "queue", readOnly: false },
              },
            } as const satisfies Readonly<Record<string, BridgeGrants>>;
            """);
    assertThat(file.indexOf("wireBridge(")).isGreaterThan(file.lastIndexOf("\n}\n"));
  }

  @Test
  void aClassExtendingTheTeamsIsWiredForBridgeAfterItsOutboundHandlers() {
    ContainerDefinition def = app("a")
        .extendsClass("src/containers/a-hooks.ts", "AHooks")
        .bridge(Bridge.kv("CACHE"))
        .build();
    String file = emitter.classFile(def, null);
    assertThat(file)
        .contains("import { runHook, wireOutbound } from \"./cfc-hooks.js\";\n"
            + "import { wireBridge } from \"./cfc-bridge.js\";\n");
    assertThat(file.indexOf("wireBridge(AContainer"))
        .isGreaterThan(file.indexOf("wireOutbound(AContainer);"));
  }

  @Test
  void everyAllowListOfABridgedContainerNamesTheBridgeHostOnce() {
    ContainerDefinition def = app("a")
        .enableInternet(false)
        .allowedHosts("api.example.com")
        .environment("staging", e -> e.allowedHosts("staging.example.com"))
        .environment("production", e -> e.allowedHosts("bridge.cfc.internal"))
        .bridge(Bridge.d1("DB"))
        .build();
    String file = emitter.classFile(def, null, List.of("staging", "production"));
    assertThat(file)
        .contains("override allowedHosts = [\"api.example.com\", \"bridge.cfc.internal\"];")
        .contains("allowedHosts: [\"staging.example.com\", \"bridge.cfc.internal\"],")
        .contains("allowedHosts: [\"bridge.cfc.internal\"],");
    ContainerDefinition open = app("b").bridge(Bridge.d1("DB")).build();
    assertThat(emitter.classFile(open, null))
        .as("without an allow-list every host reaches the handlers")
        .doesNotContain("allowedHosts");
  }

  @Test
  void envTypesEachGrantedBindingOnceWithItsWorkersType() {
    ContainerDefinition a = app("a")
        .bridge(
            Bridge.kv("CACHE"),
            Bridge.r2("MEDIA"),
            Bridge.d1("DB"),
            Bridge.queue("PROGRESS"),
            Bridge.service("BILLING"))
        .build();
    ContainerDefinition b = app("b").bridge(Bridge.r2("MEDIA").readOnly()).build();
    assertThat(emitter.handlesFile(List.of(a, b))).contains("""
            export interface Env {
              CONTAINER_A: DurableObjectNamespace<AContainer>;
              CONTAINER_B: DurableObjectNamespace<BContainer>;
              CACHE: KVNamespace;
              MEDIA: R2Bucket;
              DB: D1Database;
              PROGRESS: Queue;
              BILLING: Fetcher;
            }
            """);
  }

  @Test
  void theIndexExportsContainerProxyWhenAnyContainerHasGrants() {
    ContainerDefinition bridged = app("a").bridge(Bridge.kv("CACHE")).build();
    assertThat(emitter.indexFile(List.of(bridged)))
        .contains("export { ContainerProxy } from \"@cloudflare/containers\";\n");
  }

  @Test
  void aContainerWithoutGrantsIsEmittedAsBefore() {
    ContainerDefinition plain =
        app("a").enableInternet(false).allowedHosts("x.example").build();
    Map<String, String> files = emitter.emit(List.of(plain), "w");
    assertThat(files.get("AContainer.ts"))
        .doesNotContain("bridge")
        .contains("override allowedHosts = [\"x.example\"];");
    assertThat(files.get("handles.ts")).doesNotContain("KVNamespace").doesNotContain("BRIDGE");
    assertThat(files.get("index.ts")).doesNotContain("BRIDGE_GRANTS");
  }
}

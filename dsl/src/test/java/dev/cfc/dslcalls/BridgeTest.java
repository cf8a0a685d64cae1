package dev.cfc.dslcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.BridgeKind;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bridge grants as a team writes them. This class lives outside {@code dev.cfc.dsl} because the
 * DSL records as a grant's location the first caller outside its own package.
 */
class BridgeTest {

  private static int nextLine() {
    return StackWalker.getInstance()
            .walk(s -> s.skip(1).findFirst())
            .orElseThrow()
            .getLineNumber()
        + 1;
  }

  @Test
  void eachFactoryRecordsItsKindAndTheCallersLineAndMethod() {
    // spotless:off
    int line = nextLine();
    List<Bridge> grants = List.of(Bridge.kv("CACHE"), Bridge.r2("MEDIA"), Bridge.d1("DB"), Bridge.queue("PROGRESS"), Bridge.service("BILLING"));
    // spotless:on
    assertThat(grants)
        .extracting(Bridge::kind)
        .containsExactly(
            BridgeKind.KV, BridgeKind.R2, BridgeKind.D1, BridgeKind.QUEUE, BridgeKind.SERVICE);
    assertThat(grants)
        .extracting(Bridge::binding)
        .containsExactly("CACHE", "MEDIA", "DB", "PROGRESS", "BILLING");
    assertThat(grants).extracting(Bridge::readsOnly).containsOnly(false);
    assertThat(grants).extracting(g -> g.where().line()).containsOnly(line);
    assertThat(grants)
        .extracting(g -> g.where().method())
        .containsExactly("kv", "r2", "d1", "queue", "service");
    assertThat(grants.get(0).where().fileName()).isEqualTo("BridgeTest.java");
  }

  @Test
  void readOnlyIsACopyThatKeepsWhereTheGrantWasWritten() {
    Bridge writable = Bridge.kv("CACHE");
    Bridge readOnly = writable.readOnly();
    assertThat(readOnly.readsOnly()).isTrue();
    assertThat(writable.readsOnly()).as("the original grant is unchanged").isFalse();
    assertThat(readOnly.where()).isEqualTo(writable.where());
    assertThat(readOnly.where().method()).isEqualTo("kv");
    assertThat(readOnly.kind()).isEqualTo(BridgeKind.KV);
    assertThat(readOnly.binding()).isEqualTo("CACHE");
  }

  @Test
  void grantsAddUpInDeclarationOrder() {
    ContainerDefinition definition = Container.define("transcoder")
        .image(Image.registry("registry.example.com/t:1"))
        .bridge(Bridge.r2("MEDIA").readOnly())
        .bridge(Bridge.queue("PROGRESS"), Bridge.kv("CACHE"))
        .build();
    assertThat(definition.bridges())
        .extracting(Bridge::binding)
        .containsExactly("MEDIA", "PROGRESS", "CACHE");
    assertThat(definition.bridges().get(0).readsOnly()).isTrue();
    assertThat(Container.define("plain")
            .image(Image.registry("r.example.com/p:1"))
            .build()
            .bridges())
        .isEmpty();
  }

  @Test
  void kindsNameTheirWireKindAndWranglerKey() {
    assertThat(BridgeKind.values())
        .extracting(BridgeKind::wireName)
        .containsExactly("kv", "r2", "d1", "queue", "service");
    assertThat(BridgeKind.QUEUE.wranglerKey()).isEqualTo("queues.producers");
    assertThat(BridgeKind.R2.wranglerKey()).isEqualTo("r2_buckets");
  }

  @Test
  void aNullGrantOrBindingIsRefusedWhenWritten() {
    assertThatNullPointerException().isThrownBy(() -> Bridge.kv(null));
    assertThatNullPointerException().isThrownBy(() -> Container.define("t").bridge((Bridge) null));
  }
}

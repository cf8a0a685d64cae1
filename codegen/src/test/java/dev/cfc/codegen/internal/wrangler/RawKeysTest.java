package dev.cfc.codegen.internal.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Jurisdiction;
import dev.cfc.dsl.Region;
import dev.cfc.dsl.RolloutKind;
import dev.cfc.dsl.SchedulingPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawKeysTest {

  @TempDir
  Path project;

  @Test
  void everyKeyCfcWritesIsRefusedAsARawKey() {
    ContainerDefinition everything = Container.define("app")
        .image(Image.build("containers/app").context("."))
        .buildArg("A", "1")
        .instanceType(InstanceType.BASIC)
        .maxInstances(3)
        .rolloutSteps(50, 100)
        .rolloutGracePeriod(10)
        .rolloutKind(RolloutKind.NONE)
        .schedulingPolicy(SchedulingPolicy.MOON)
        .regions(Region.OC)
        .jurisdiction(Jurisdiction.EU)
        .ssh(true, 22)
        .authorizedKey("a", "ssh-ed25519 A")
        .trustedUserCaKey("ssh-ed25519 B")
        .build();
    ContainerEntry entry = new WranglerEntries(
            project, project, "w", new SourceResolver(project, List.of()))
        .entry(everything, null);

    assertThat(entry.fields().keySet())
        .hasSize(15)
        .allSatisfy(key -> assertThat(RawKeys.dslCallFor(key)).as(key).isNotNull());
    assertThat(entry.fields().keySet()).allMatch(RawKeys::knownToWrangler);
  }

  @Test
  void aRawValueIsWrittenAsTheJsonSays() {
    ContainerDefinition raw = Container.define("app")
        .image(Image.registry("registry.cloudflare.com/a/b:1"))
        .wranglerKey("affinities", "{\"colocation\": \"datacenter\", \"n\": [1, 2.5, true]}")
        .build();
    ContainerEntry entry = new WranglerEntries(
            project, project, "w", new SourceResolver(project, List.of()))
        .entry(raw, null);

    assertThat(entry.fields().get("affinities"))
        .isEqualTo(Map.of("colocation", "datacenter", "n", List.of(1L, 2.5, true)));
  }

  @Test
  void parseRefusesTextThatIsNotOneJsonValueAndNull() {
    assertThatThrownBy(() -> RawKeys.parse("{\"a\": 1,}")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> RawKeys.parse("1 2")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> RawKeys.parse("null")).hasMessageContaining("null");
    assertThat(RawKeys.parse("\"x\"")).isEqualTo("x");
  }
}

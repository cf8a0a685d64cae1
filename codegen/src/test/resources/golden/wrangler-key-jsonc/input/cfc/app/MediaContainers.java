package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import java.util.List;

/** A wrangler key cfc has no call for, written raw, and changed for production. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .image(Image.build("containers/transcoder"))
            .defaultPort(8080)
            .instanceType(InstanceType.STANDARD_1)
            .maxInstances(3)
            // region wranglerKey
            .wranglerKey("affinities", "{\"colocation\": \"datacenter\"}")
            .environment("production", e -> e
                .wranglerKey("affinities",
                    "{\"colocation\": \"datacenter\", \"hardware_generation\": \"highest-overall-performance\"}"))
            // endregion
            .build(),
        Container.define("thumbnailer")
            .image(Image.registry("registry.cloudflare.com/acme/thumbnailer:1.0"))
            .defaultPort(9000)
            .maxInstances(2)
            .build());
  }
}

package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import java.util.List;

/** The media Worker's containers. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .image(Image.build("containers/transcoder"))
            .defaultPort(8080)
            .instanceType(InstanceType.STANDARD_1)
            .maxInstances(3)
            .sleepAfter("5m")
            .environment("production", e -> e
                .maxInstances(20)
                .image(Image.registry("registry.cloudflare.com/acme/transcoder:1.4")))
            .build(),
        Container.define("thumbnailer")
            .image(Image.registry("registry.cloudflare.com/acme/thumbnailer:1.0"))
            .defaultPort(9000)
            .maxInstances(2)
            .environment("staging", e -> e.maxInstances(1))
            .build());
  }
}

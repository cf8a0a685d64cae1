package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** Takes over a container that was configured by hand. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        // region adopt
        Container.define("transcoder")
            .containerName("transcoder-prod") // keep the existing application's name
            .image(Image.registry("registry.cloudflare.com/acme/transcoder:1.4"))
            .maxInstances(5)
            .build());
        // endregion
  }
}

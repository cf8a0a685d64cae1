package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** The definitions as they were at the last `cfc generate`. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .image(Image.registry("registry.cloudflare.com/acme/transcoder:1.4"))
            .maxInstances(5)
            .build(),
        Container.define("job")
            .image(Image.registry("registry.cloudflare.com/acme/job:2.0"))
            .build());
  }
}

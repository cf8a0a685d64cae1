package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** The definitions now. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        // region rename
        Container.define("videoTranscoder")
            .renamedFrom("transcoder")
            .image(Image.registry("registry.cloudflare.com/acme/transcoder:1.4"))
            .maxInstances(5)
            .build(),
        // endregion
        Container.define("job")
            .image(Image.registry("registry.cloudflare.com/acme/job:2.0"))
            .build());
  }
}

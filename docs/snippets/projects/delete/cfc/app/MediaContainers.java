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
    // region delete
    return List.of(
        // "transcoder" was here; this set no longer declares it.
        Container.define("job")
            .image(Image.registry("registry.cloudflare.com/acme/job:2.0"))
            .build());
    // endregion
  }
}

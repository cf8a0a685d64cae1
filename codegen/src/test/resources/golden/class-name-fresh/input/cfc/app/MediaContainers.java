package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** A new container whose class and binding are named by the team, not derived. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("sandbox")
            .className("Sandbox")
            .binding("MY_CONTAINER")
            .image(Image.build("containers/sandbox"))
            .maxInstances(3)
            .build());
  }
}

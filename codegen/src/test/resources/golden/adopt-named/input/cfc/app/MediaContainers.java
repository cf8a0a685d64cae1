package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** Takes over the hand-written Sandbox and keeps its binding MY_CONTAINER. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        // region adopt-by-class
        Container.define("sandbox")
            .className("Sandbox") // class_name = "Sandbox" in the config
            .adopt()
            .image(Image.build("containers/sandbox"))
            .maxInstances(3)
            .build());
        // endregion
  }
}

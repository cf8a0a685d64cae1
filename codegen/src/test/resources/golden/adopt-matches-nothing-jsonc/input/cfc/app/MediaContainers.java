package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** Means to adopt the hand-written Sandbox, but its class would be SandboxContainer. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("sandbox")
            .adopt()
            .image(Image.build("containers/transcoder"))
            .build());
  }
}

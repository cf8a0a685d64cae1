package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** Generated as SandboxContainer before; className("Sandbox") renames the class. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("sandbox")
            .className("Sandbox")
            .image(Image.build("containers/sandbox"))
            .maxInstances(3)
            .build());
  }
}

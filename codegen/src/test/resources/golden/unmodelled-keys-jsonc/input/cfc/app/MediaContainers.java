package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import java.util.List;

/** Adopts the hand-deployed transcoder, changing only its instance type. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .adopt()
            .image(Image.build("containers/transcoder"))
            .defaultPort(8080)
            .instanceType(InstanceType.STANDARD_1)
            .build());
  }
}

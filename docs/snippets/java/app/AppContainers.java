// cfc/app/AppContainers.java
package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import java.util.List;

public final class AppContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(Container.define("transcoder")
        .image(Image.build("containers/transcoder")) // a directory with a Dockerfile
        .defaultPort(8080)
        .instanceType(InstanceType.STANDARD_1)
        .maxInstances(5)
        .sleepAfter("5m")
        .build());
  }
}

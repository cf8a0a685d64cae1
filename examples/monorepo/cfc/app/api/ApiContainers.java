package app.api;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import java.util.List;

/** The api Worker's container. */
public final class ApiContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("gateway")
            .image(Image.build("containers/api"))
            .defaultPort(8080)
            .instanceType(InstanceType.BASIC)
            .maxInstances(3)
            .rollout(25)
            .build());
  }
}

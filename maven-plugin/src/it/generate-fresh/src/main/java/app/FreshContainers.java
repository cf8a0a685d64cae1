package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

public final class FreshContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("api")
            .image(Image.registry("registry.cloudflare.com/fresh/api:1.0"))
            .defaultPort(8080)
            .maxInstances(3)
            .build());
  }
}

package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

public final class JsoncContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("api")
            .image(Image.registry("registry.cloudflare.com/jsonc/api:1.0"))
            .defaultPort(8080)
            .maxInstances(4)
            .build());
  }
}

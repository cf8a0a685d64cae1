package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

public final class BadContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("api")
            .image(Image.registry("registry.cloudflare.com/invalid/api:1.0"))
            .defaultPort(70000)
            .build());
  }
}

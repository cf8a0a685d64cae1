package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

public final class AppContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("web")
            .image(Image.registry("registry.cloudflare.com/uptodate/web:2.1"))
            .defaultPort(8080)
            .maxInstances(2)
            .sleepAfter("5m")
            .build());
  }
}

package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** Never generated: cfc:check would fail on the missing entries unless skipped. */
public final class AppContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("web")
            .image(Image.registry("registry.cloudflare.com/skipped/web:1.0"))
            .defaultPort(8080)
            .build());
  }
}

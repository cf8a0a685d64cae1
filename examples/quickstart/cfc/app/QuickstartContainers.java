package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import java.util.List;

/** The quickstart's two containers: one built from a Dockerfile, one pulled from a registry. */
public final class QuickstartContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("api")
            .image(Image.build("containers/api"))
            .buildArg("NODE_VERSION", "22")
            .defaultPort(8080)
            .instanceType(InstanceType.BASIC)
            .maxInstances(5)
            .sleepAfter("5m")
            .env("LOG_LEVEL", "info")
            .readyOn(Probe.path("/"))
            .build(),
        Container.define("worker")
            .image(Image.registry("registry.cloudflare.com/quickstart/worker:1.0"))
            .defaultPort(9000)
            .maxInstances(2)
            .sleepAfter("2m")
            .hardTimeout("1h")
            .build());
  }
}

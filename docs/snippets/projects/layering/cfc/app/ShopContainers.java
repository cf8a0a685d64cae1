package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefaults;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import java.util.List;

/** A profile, a container and two environment overrides, layered. */
public final class ShopContainers implements ContainerSet {

  // region layering
  static final ContainerDefaults WEB = ContainerDefaults.builder()
      .instanceType(InstanceType.BASIC)
      .maxInstances(10)
      .env("LOG_LEVEL", "warn")
      .env("REGION_HINT", "eu")
      .build();

  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("api")
            .defaults(WEB)
            .image(Image.build("containers/api"))
            .defaultPort(8080)
            .maxInstances(5)            // beats the profile's 10
            .env("LOG_LEVEL", "info")   // beats the profile's LOG_LEVEL; REGION_HINT stays
            .environment("staging", e -> e.maxInstances(2))
            .environment("production", e -> e
                .image(Image.registry("registry.cloudflare.com/acme/api:1.4"))
                .instanceType(InstanceType.STANDARD_1)
                .maxInstances(20))
            .build());
  }
  // endregion
}

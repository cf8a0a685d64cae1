package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.Image;
import java.util.List;

/** One container whose production run-time values differ from the top level's. */
public final class ShopContainers implements ContainerSet {

  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        // region environments
        Container.define("api")
            .image(Image.registry("registry.cloudflare.com/acme/api:1.4"))
            .defaultPort(8080)
            .sleepAfter("5m")
            .env("LOG_LEVEL", "debug")
            .env("REGION_HINT", "eu")
            .label("team", "shop")
            .egress(Egress.denyInternet())
            .environment("production", e -> e
                .maxInstances(20)                 // the wrangler entry of env.production
                .env("LOG_LEVEL", "warn")         // picked at run time; REGION_HINT stays
                .sleepAfter("30m")
                .label("tier", "critical")
                .egress(Egress.denyInternet().allow("api.stripe.com")))
            .build());
        // endregion
  }
}

package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.Image;
import java.util.List;

/** The media Worker's containers. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("fetcher")
            .image(Image.registry("registry.cloudflare.com/acme/fetcher:2.1"))
            .defaultPort(8080)
            .maxInstances(3)
            .egress(Egress.denyInternet().allow("*.stripe.com", "api.github.com").interceptHttps())
            .secretsStore("STRIPE_KEY", "STRIPE_SECRET")
            .build());
  }
}

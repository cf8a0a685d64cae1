package app;

import dev.cfc.dsl.Bridge;
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
        Container.define("transcoder")
            .image(Image.registry("registry.cloudflare.com/acme/transcoder:3.0"))
            .defaultPort(8080)
            .maxInstances(4)
            .egress(Egress.denyInternet().allow("*.stripe.com"))
            .bridge(
                Bridge.kv("CACHE").readOnly(),
                Bridge.r2("MEDIA"),
                Bridge.d1("DB"),
                Bridge.queue("PROGRESS"),
                Bridge.service("BILLING"))
            .build());
  }
}

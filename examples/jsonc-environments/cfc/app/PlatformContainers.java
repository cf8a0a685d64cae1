package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import java.util.List;

/**
 * The platform's two containers. {@code api} is built from a Dockerfile everywhere except in
 * production, which runs a promoted registry image with more instances; {@code fetcher} may only
 * reach Stripe (HTTPS intercepted) and reads its API key from Secrets Store.
 */
public final class PlatformContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("api")
            .image(Image.build("containers/api"))
            .defaultPort(8080)
            .instanceType(InstanceType.BASIC)
            .maxInstances(5)
            .sleepAfter("5m")
            .readyOn(Probe.path("/healthz"))
            .environment("production", e -> e
                .maxInstances(20)
                .image(Image.registry("registry.cloudflare.com/acme/api:1.4")))
            .build(),
        Container.define("fetcher")
            .image(Image.registry("registry.cloudflare.com/acme/fetcher:2.1"))
            .defaultPort(8080)
            .maxInstances(3)
            .sleepAfter("2m")
            .egress(Egress.denyInternet().allow("*.stripe.com").interceptHttps())
            .secretsStore("STRIPE_KEY", "STRIPE_SECRET")
            .build());
  }
}

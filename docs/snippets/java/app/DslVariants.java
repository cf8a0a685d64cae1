package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.Image;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spellings the DSL reference shows besides the tour project. The docs test compiles this file
 * against the DSL with {@code -Xlint:all -Werror}.
 */
public final class DslVariants implements ContainerSet {

  // region egress-shared
  /** One allow-list for every container that talks to payment providers. */
  public static final Egress PAYMENTS = Egress.denyInternet()
      .allow("*.stripe.com", "api.adyen.com")
      .deny("*.evil.com")
      .interceptHttps();
  // endregion

  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("checkout")
            // region image-file
            .image(Image.build("containers/checkout/Dockerfile"))  // the Dockerfile itself
            // endregion
            // region durations
            .sleepAfter("90s")                      // text: <number><s|m|h>
            .sleepAfter(Duration.ofMinutes(5))      // a Duration of whole seconds
            .sleepAfter(300)                        // seconds
            // endregion
            // region env-map
            .env(new TreeMap<>(Map.of("LOG_LEVEL", "info", "REGION", "eu")))  // a stable order
            // endregion
            .egress(PAYMENTS)
            .build(),
        // region named-call
        Container.define("sandbox")
            .className("Sandbox")                   // the Durable Object class the config has
            .binding("MY_CONTAINER")                // env.MY_CONTAINER in the Worker
            .adopt()
            .image(Image.registry("registry.cloudflare.com/acme/sandbox:3.1"))
            .build(),
        // endregion
        // region adopt-call
        Container.define("legacy")
            .adopt()                                // take over the hand-written entry
            .containerName("legacy-app")            // the existing application's name
            .image(Image.registry("registry.cloudflare.com/acme/legacy:7.2"))
            .build());
        // endregion
  }
}

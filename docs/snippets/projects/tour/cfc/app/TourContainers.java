package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefaults;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import java.time.Duration;
import java.util.List;

/**
 * Every DSL call once. The docs quote the regions of this file; the docs test compiles it,
 * validates it and generates the project, so each quoted call is one cfc accepts.
 */
public final class TourContainers implements ContainerSet {

  // region profile
  /** Settings shared by the batch containers; a container's own value beats the profile's. */
  static final ContainerDefaults BATCH = ContainerDefaults.builder()
      .instanceType(InstanceType.BASIC)
      .maxInstances(10)
      .sleepAfter(Duration.ofMinutes(2))
      .env("LOG_LEVEL", "warn")
      .egress(Egress.denyInternet())
      .build();
  // endregion

  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        // region transcoder
        Container.define("transcoder")
            // region image
            .image(Image.build("containers/transcoder")
                .dockerfile("Dockerfile.prod")
                .context("containers"))
            .buildArg("JAVA_VERSION", "21")
            // endregion
            // region ports
            .defaultPort(8080)
            .requiredPorts(8080, 9090)
            // endregion
            // region size
            .instanceType(InstanceType.STANDARD_1)
            .maxInstances(5)
            // endregion
            // region lifetime
            .sleepAfter("5m")
            .hardTimeout("1h")
            // endregion
            // region variables
            .env("LOG_LEVEL", "info")
            .secrets("TRANSCODER_API_KEY")
            .secretsStore("STRIPE_KEY", "STRIPE_SECRET")
            // endregion
            .label("team", "media")
            // region egress-policy
            .egress(Egress.denyInternet()
                .allow("*.stripe.com", "api.github.com")
                .deny("*.evil.com")
                .interceptHttps())
            // endregion
            // region readiness
            .readyOn(Probe.path("/ready"), Probe.path("/live").port(9090).status(204))
            .readinessBudget(Duration.ofSeconds(60), Duration.ofSeconds(1))
            // endregion
            // region rollout
            .rollout(25, 300)
            // endregion
            .forwardMetadata(true)
            // region hooks
            .extendsClass("src/containers/transcoder-hooks.ts", "TranscoderHooks")
            // endregion
            // region command
            .entrypoint("java", "-jar", "/app.jar")
            .pingEndpoint("/ping")
            // endregion
            .build(),
        // endregion
        // region fetcher
        Container.define("fetcher")
            .image(Image.registry("registry.cloudflare.com/acme/fetcher:2.1"))
            .defaultPort(8080)
            .instanceType(InstanceType.custom(1, 4096, 8000))
            .enableInternet(false)
            .allowedHosts("api.github.com")
            .deniedHosts("*.evil.com")
            .build(),
        // endregion
        // region batch
        Container.define("job")
            .defaults(BATCH)
            .image(Image.registry("registry.cloudflare.com/acme/job:2.0"))
            .maxInstances(3)
            .build(),
        Container.define("thumbnailer")
            .defaults(BATCH)
            .image(Image.registry("registry.cloudflare.com/acme/thumbnailer:1.0"))
            .build());
        // endregion
  }
}

package media;

import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefaults;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Egress;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import java.util.List;

/**
 * The media platform's containers.
 *
 * <ul>
 *   <li>{@code transcoder}: the Java app in {@code containers/transcoder}, built from its
 *       Dockerfile. One instance per video id; it listens on 8080 (work) and 9090 (liveness and
 *       admin) and receives the Worker's request metadata. Through the bridge it reads source
 *       videos from the R2 bucket {@code UPLOADS} (read-only) and reports progress to the queue
 *       {@code PROGRESS}; it has no other binding of the Worker. Production runs the image
 *       promoted from staging instead of building it.
 *   <li>{@code jobs}: a registry image of batch workers the Worker uses as a pool.
 *   <li>{@code fetcher}: pulls source media from partners and talks to Stripe; it may reach only
 *       the hosts of {@link #PARTNERS}, with HTTPS intercepted, and reads its Stripe key from
 *       Secrets Store. Its class extends {@code FetcherHooks} (src/containers/fetcher-hooks.ts):
 *       an {@code onStop} that logs, and the partner CDN's token added to its requests.
 * </ul>
 */
public final class MediaContainers implements ContainerSet {

  /**
   * Outbound traffic the fetcher may send: partners' media hosts and Stripe, nothing else. A
   * plain value, so every container that talks to partners shares one allow-list.
   */
  static final Egress PARTNERS = Egress.denyInternet()
      .allow("*.stripe.com", "media.partner-cdn.net", "*.s3.amazonaws.com")
      .deny("uploads.partner-cdn.net")
      .interceptHttps();

  /** What background containers have in common; a value set on a container beats it. */
  static final ContainerDefaults BACKGROUND = ContainerDefaults.builder()
      .instanceType(InstanceType.BASIC)
      .sleepAfter("2m")
      .env("LOG_FORMAT", "json")
      .label("team", "media")
      .build();

  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .image(Image.build("containers/transcoder"))
            .buildArg("JAVA_VERSION", "17")
            .defaultPort(8080)
            .requiredPorts(8080, 9090)
            .readyOn(Probe.path("/ready"), Probe.path("/live").port(9090).status(204))
            .instanceType(InstanceType.STANDARD_2)
            .maxInstances(5)
            .sleepAfter("10m")
            .hardTimeout("1h")
            .env("LOG_LEVEL", "info")
            .env("OUTPUT_BUCKET", "media-renditions")
            .secrets("TRANSCODER_API_KEY")
            .forwardMetadata(true)
            .bridge(Bridge.r2("UPLOADS").readOnly(), Bridge.queue("PROGRESS"))
            .label("team", "media")
            .environment("production", e -> e
                .image(Image.registry("registry.cloudflare.com/media/transcoder:1.4.0"))
                .instanceType(InstanceType.STANDARD_3)
                .maxInstances(20)
                .env("LOG_LEVEL", "warn"))
            .build(),
        Container.define("jobs")
            .defaults(BACKGROUND)
            .image(Image.registry("registry.cloudflare.com/media/jobs:2.3.1"))
            .defaultPort(8080)
            .instanceType(InstanceType.STANDARD_1)
            .maxInstances(4)
            .readyOn(Probe.path("/healthz"))
            .environment("production", e -> e.maxInstances(12))
            .build(),
        Container.define("fetcher")
            .defaults(BACKGROUND)
            .image(Image.registry("registry.cloudflare.com/media/fetcher:1.0.2"))
            .defaultPort(8080)
            .maxInstances(3)
            .egress(PARTNERS)
            .secretsStore("STRIPE_KEY", "STRIPE_SECRET")
            .extendsClass("src/containers/fetcher-hooks.ts", "FetcherHooks")
            .build());
  }
}

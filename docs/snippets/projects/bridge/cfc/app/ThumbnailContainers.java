package app;

import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/**
 * A thumbnailer that uses three of the Worker's bindings through the bridge. The docs quote the
 * region; the docs test validates it against wrangler.toml and generates the project.
 */
public final class ThumbnailContainers implements ContainerSet {

  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        // region grants
        Container.define("thumbnailer")
            .image(Image.registry("registry.cloudflare.com/media/thumbnailer:1.0.0"))
            .defaultPort(8080)
            .bridge(
                Bridge.kv("CACHE").readOnly(), // get and list only
                Bridge.r2("MEDIA"), // get, head, list, put, delete
                Bridge.queue("PROGRESS")) // send and sendBatch
            .build()
        // endregion
        );
  }
}

package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/**
 * The media Worker's containers: the hand-deployed transcoder is adopted under the names wrangler
 * derived for it, and a new mixed-case definition gets a lower-case application name.
 */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .adopt()
            .image(Image.build("containers/transcoder"))
            .defaultPort(8080)
            .rollout(25)
            .build(),
        Container.define("thumbnailMaker")
            .image(Image.build("containers/transcoder"))
            .defaultPort(9000)
            .maxInstances(4)
            .rolloutSteps(10, 50, 100)
            .rolloutGracePeriod(60)
            .build());
  }
}

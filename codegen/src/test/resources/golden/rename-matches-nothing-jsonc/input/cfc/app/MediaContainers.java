package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** A rename that matches nothing: a typo in the old name would create a new, empty class. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .image(Image.build("containers/transcoder"))
            .build(),
        Container.define("videoTranscoder")
            .renamedFrom("transcodr")
            .image(Image.build("containers/transcoder"))
            .build());
  }
}

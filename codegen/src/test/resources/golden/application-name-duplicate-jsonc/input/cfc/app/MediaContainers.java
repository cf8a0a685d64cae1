package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** A new container takes the old name of one that was renamed and kept its application. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("videoTranscoder")
            .renamedFrom("transcoder")
            .image(Image.build("containers/transcoder"))
            .build(),
        Container.define("transcoder")
            .image(Image.build("containers/transcoder"))
            .build());
  }
}

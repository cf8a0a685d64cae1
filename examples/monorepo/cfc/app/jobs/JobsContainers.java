package app.jobs;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** The jobs Worker's container: a mixed-case name becomes the application jobs-video-encoder. */
public final class JobsContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("videoEncoder")
            .image(Image.build("containers/jobs"))
            .defaultPort(8080)
            .maxInstances(10)
            .rolloutSteps(10, 50, 100)
            .build());
  }
}

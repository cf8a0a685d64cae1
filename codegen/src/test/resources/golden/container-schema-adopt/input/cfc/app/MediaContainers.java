package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Jurisdiction;
import dev.cfc.dsl.Region;
import dev.cfc.dsl.SchedulingPolicy;
import java.util.List;

/**
 * Adopts the hand-deployed transcoder: the scheduling policy it already has, SSH on another port
 * with a key, and in staging placement in western Europe. The top level's hand-written
 * constraints and max_instances stay as written.
 */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .adopt()
            .image(Image.build("containers/transcoder"))
            .defaultPort(8080)
            .instanceType(InstanceType.BASIC)
            .schedulingPolicy(SchedulingPolicy.REGIONAL)
            .ssh(true, 22)
            .authorizedKey("alice",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGHpQeG8mB9mC6Bx0kR5GxS7pCjJ0cJ5aHn0v6b7Yk1e alice@laptop")
            .environment("staging", e -> e
                .regions(Region.WEUR)
                .jurisdiction(Jurisdiction.EU))
            .build());
  }
}

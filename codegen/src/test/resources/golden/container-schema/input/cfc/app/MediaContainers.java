package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Jurisdiction;
import dev.cfc.dsl.Region;
import dev.cfc.dsl.RolloutKind;
import dev.cfc.dsl.SchedulingPolicy;
import java.util.List;

/** Placement, rollout kind and SSH access, with production placed and reached differently. */
public final class MediaContainers implements ContainerSet {
  private static final String ALICE =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGHpQeG8mB9mC6Bx0kR5GxS7pCjJ0cJ5aHn0v6b7Yk1e alice@laptop";
  private static final String OPS_CA =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOq3cZ1m0y5b8h3Yk2vT9r1wXq4u7s6p0n2l8j5f3d1a ops-ca";

  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .image(Image.build("containers/transcoder"))
            .defaultPort(8080)
            .instanceType(InstanceType.STANDARD_1)
            .maxInstances(3)
            .rolloutSteps(50, 100)
            // region placement
            .rolloutKind(RolloutKind.FULL_MANUAL)
            .schedulingPolicy(SchedulingPolicy.REGIONAL)
            .regions(Region.WEUR, Region.EEUR)
            .jurisdiction(Jurisdiction.EU)
            .ssh(true, 2222)
            .authorizedKey("alice", ALICE)
            .trustedUserCaKey(OPS_CA)
            .environment("production", e -> e
                .maxInstances(20)
                .rolloutKind(RolloutKind.FULL_AUTO)
                .regions(Region.ENAM, Region.WNAM)
                .jurisdiction(Jurisdiction.FEDRAMP)
                .ssh(false)
                .trustedUserCaKey("ops", OPS_CA))
            // endregion
            .build(),
        Container.define("thumbnailer")
            .image(Image.registry("registry.cloudflare.com/acme/thumbnailer:1.0"))
            .defaultPort(9000)
            .maxInstances(2)
            .environment("staging", e -> e
                .schedulingPolicy(SchedulingPolicy.MOON)
                .ssh(true)
                .authorizedKey("bob", ALICE))
            .build());
  }
}

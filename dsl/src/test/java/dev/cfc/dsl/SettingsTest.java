package dev.cfc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static Settings profile() {
    return ContainerDefaults.builder()
        .image(Image.registry("registry.example.com/app:1"))
        .maxInstances(3)
        .requiredPorts(8080, 9090)
        .env("A", "base-a")
        .env("B", "base-b")
        .allowedHosts("base.example.com")
        .build()
        .settings();
  }

  @Test
  void aValueSetAboveBeatsTheBaseAndAnUnsetOneKeepsIt() {
    Settings top = ContainerDefaults.builder().maxInstances(7).build().settings();

    Settings merged = top.over(profile());

    assertThat(merged.maxInstances()).isEqualTo(7);
    assertThat(merged.image()).isEqualTo(profile().image());
    assertThat(merged.requiredPorts()).containsExactly(8080, 9090);
    assertThat(merged.sourceOf("maxInstances")).isEqualTo(top.sourceOf("maxInstances"));
    assertThat(merged.sourceOf("image")).isEqualTo(profile().sourceOf("image"));
  }

  @Test
  void mapsMergeKeyByKeyInTheBasesOrderAndListsSetAboveReplaceTheBases() {
    Settings top = ContainerDefaults.builder()
        .env("C", "top-c")
        .env("A", "top-a")
        .allowedHosts("top.example.com")
        .build()
        .settings();

    Settings merged = top.over(profile());

    assertThat(merged.env())
        .containsExactly(
            Map.entry("A", "top-a"), Map.entry("B", "base-b"), Map.entry("C", "top-c"));
    assertThat(merged.allowedHosts()).containsExactly("top.example.com");
    assertThat(merged.sources()).containsKeys("env.A", "env.B", "env.C", "maxInstances");
  }

  @Test
  void toBuilderGivesBackEqualSettingsThatLaterChangesToTheBuilderDoNotReach() {
    Settings settings = profile();
    Settings.Builder builder = settings.toBuilder();
    Settings copy = builder.build();

    builder.env.put("A", "changed");
    builder.requiredPorts.clear();
    builder.image = null;

    assertThat(copy).isEqualTo(settings).hasSameHashCodeAs(settings);
    assertThat(copy.env()).containsEntry("A", "base-a");
    assertThat(copy.requiredPorts()).containsExactly(8080, 9090);
    assertThat(builder.build()).isNotEqualTo(settings);
  }

  @Test
  void settingsAreEqualOnlyWhenEveryValueAndSourceIs() {
    Settings.Builder builder = Settings.EMPTY.toBuilder();
    builder.pingEndpoint = "/ping";

    assertThat(builder.build()).isNotEqualTo(Settings.EMPTY);
    assertThat(new Settings.Builder().build())
        .isEqualTo(Settings.EMPTY)
        .hasSameHashCodeAs(Settings.EMPTY);
    builder.pingEndpoint = null;
    builder.sources.put("pingEndpoint", profile().sourceOf("image"));
    assertThat(builder.build()).isNotEqualTo(Settings.EMPTY);
    assertThat(Settings.EMPTY.toString())
        .startsWith("Settings[image=null, defaultPort=null,")
        .endsWith(", sources={}]");
  }

  @Test
  void placementAndSshSetAboveBeatTheBaseAndUnsetOnesKeepIt() {
    Settings base = ContainerDefaults.builder()
        .regions(Region.WEUR)
        .jurisdiction(Jurisdiction.EU)
        .schedulingPolicy(SchedulingPolicy.REGIONAL)
        .rolloutKind(RolloutKind.FULL_MANUAL)
        .ssh(true, 2222)
        .authorizedKey("alice", "ssh-ed25519 A")
        .trustedUserCaKey("ssh-ed25519 CA")
        .build()
        .settings();
    Settings top = ContainerDefaults.builder()
        .regions(Region.ENAM, Region.WNAM)
        .ssh(false)
        .authorizedKey("bob", "ssh-ed25519 B")
        .build()
        .settings();

    Settings merged = top.over(base);

    assertThat(merged.regions()).containsExactly(Region.ENAM, Region.WNAM);
    assertThat(merged.jurisdiction()).isEqualTo(Jurisdiction.EU);
    assertThat(merged.schedulingPolicy()).isEqualTo(SchedulingPolicy.REGIONAL);
    assertThat(merged.rolloutKind()).isEqualTo(RolloutKind.FULL_MANUAL);
    assertThat(merged.ssh()).isEqualTo(new Ssh(false, null));
    assertThat(merged.authorizedKeys()).extracting(SshKey::name).containsExactly("bob");
    assertThat(merged.trustedUserCaKeys())
        .extracting(SshKey::publicKey)
        .containsExactly("ssh-ed25519 CA");
    assertThat(merged.trustedUserCaKeys().get(0).name()).isNull();
    assertThat(merged.sourceOf("regions")).isEqualTo(top.sourceOf("regions"));
    assertThat(merged.sourceOf("jurisdiction")).isEqualTo(base.sourceOf("jurisdiction"));
    assertThat(merged.toBuilder().build()).isEqualTo(merged);
  }

  @Test
  void valuesNamesEverySettingAccessor() {
    Set<String> accessors = Arrays.stream(Settings.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 0)
        .map(Method::getName)
        .filter(name -> !Set.of("values", "sources", "toString", "hashCode").contains(name))
        .collect(Collectors.toSet());

    assertThat(Settings.EMPTY.values().keySet()).containsExactlyInAnyOrderElementsOf(accessors);
  }
}

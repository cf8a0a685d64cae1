package dev.cfc.dsl;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One declared container, immutable once built. cfc derives its Durable Object class
 * ({@code transcoder} → {@code TranscoderContainer}), binding ({@code CONTAINER_TRANSCODER}) and
 * wrangler container {@code name} ({@code <worker>-transcoder[-<env>]}) from {@link #name},
 * unless {@link #className}, {@link #binding} or {@link #containerName} set them.
 *
 * @param name definition name, {@code ^[a-z][a-zA-Z0-9]*$}
 * @param settings values set on the container itself
 * @param defaults profiles applied with {@code defaults(...)}, later ones beating earlier ones
 * @param environments per-environment overrides, by wrangler environment name
 * @param renamedFrom previous definition name, or null; emits {@code renamed_classes}
 * @param adopt whether a hand-written wrangler entry with this class may be taken over
 * @param containerName explicit wrangler container {@code name}, or null to derive it
 * @param className explicit Durable Object class ({@code class_name} of the container entry,
 *     the binding and the migrations), or null to derive it (or keep the adopted one)
 * @param binding explicit Durable Object binding {@code name}, or null to derive it (or keep
 *     the one the config has for the class)
 * @param where where {@code Container.define} was called
 * @param sources where the name-level values ({@code renamedFrom}, {@code adopt},
 *     {@code containerName}, {@code className}, {@code binding}, {@code extendsClass},
 *     {@code environment.<name>}) were written
 * @param baseClass the team's class the generated TypeScript class extends, or null to extend
 *     {@code CfcContainer} directly
 * @param bridges the Worker bindings the container's app may use through the bridge, in
 *     declaration order
 */
public record ContainerDefinition(
    String name,
    Settings settings,
    List<ContainerDefaults> defaults,
    Map<String, Settings> environments,
    String renamedFrom,
    boolean adopt,
    String containerName,
    String className,
    String binding,
    SourceLocation where,
    Map<String, SourceLocation> sources,
    BaseClass baseClass,
    List<Bridge> bridges) {

  public ContainerDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
    defaults = List.copyOf(defaults);
    environments = Collections2.copyOrdered(environments);
    Objects.requireNonNull(where, "where");
    sources = Collections2.copyOrdered(sources);
    bridges = List.copyOf(bridges);
  }

  /** The container's values with its profiles applied beneath them. */
  public Settings effectiveSettings() {
    Settings merged = Settings.EMPTY;
    for (ContainerDefaults profile : defaults) {
      merged = profile.settings().over(merged);
    }
    return settings.over(merged);
  }

  /**
   * The values in a wrangler environment: its override over {@link #effectiveSettings()}; the
   * top level when {@code environment} is null or has no override.
   */
  public Settings settingsFor(String environment) {
    Settings base = effectiveSettings();
    if (environment == null) {
      return base;
    }
    Settings override = environments.get(environment);
    return override == null ? base : override.over(base);
  }
}

package dev.cfc.dsl;

/**
 * Values that differ in one wrangler environment ({@code [env.<name>]}), given to the lambda of
 * {@code environment(name, e -> …)}. They beat the container's own values and its profile; maps
 * merge key by key. wrangler does not inherit {@code containers} into environments, so cfc writes
 * each environment's entries in full. Only the values of that entry may differ per environment:
 * {@code image}, {@code buildArg}, {@code instanceType}, {@code maxInstances} and
 * {@code rollout}; the generated Container class is shared, so other overrides are an error.
 */
public final class EnvironmentOverrides extends SettingsBuilder<EnvironmentOverrides> {
  EnvironmentOverrides() {}

  Settings finish() {
    markUsed();
    return settings();
  }
}

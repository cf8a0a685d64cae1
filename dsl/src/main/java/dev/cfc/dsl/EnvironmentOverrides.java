package dev.cfc.dsl;

/**
 * Values that differ in one wrangler environment ({@code [env.<name>]}), given to the lambda of
 * {@code environment(name, e -> …)}. They beat the container's own values and its profile; maps
 * merge key by key. wrangler does not inherit {@code containers} into environments, so cfc writes
 * each environment's entries in full. Besides that entry's values ({@code image}, {@code buildArg},
 * {@code instanceType}, {@code maxInstances}, the rollout, placement and SSH), the run-time values
 * may differ ({@code env}, {@code secrets}, {@code secretsStore}, {@code sleepAfter},
 * {@code hardTimeout}, egress, probes, the readiness budget, {@code labels}): the shared generated
 * class holds each environment's, merged, and picks them by the Worker var
 * {@code CFC_ENVIRONMENT}. Ports, {@code entrypoint}, {@code pingEndpoint} and
 * {@code forwardMetadata} are shared, so overriding them is an error (CFC006).
 */
public final class EnvironmentOverrides extends SettingsBuilder<EnvironmentOverrides> {
  EnvironmentOverrides() {}

  Settings finish() {
    markUsed();
    return settings();
  }
}

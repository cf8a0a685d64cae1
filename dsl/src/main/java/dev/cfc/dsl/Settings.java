package dev.cfc.dsl;

import java.util.List;
import java.util.Map;

/**
 * The configurable values of a container, a {@link ContainerDefaults} profile or an environment
 * override. A null field or an empty collection means "not set here", so that layers can be
 * merged: profile, then container, then environment override.
 *
 * @param image image source ({@code image}, {@code image_build_context})
 * @param defaultPort port requests go to ({@code defaultPort} in the generated class)
 * @param requiredPorts ports start-up waits for ({@code requiredPorts})
 * @param instanceType wrangler {@code instance_type}
 * @param maxInstances wrangler {@code max_instances}; also the size of {@code any()} and
 *     {@code pool()}
 * @param sleepAfter idle time before the container sleeps ({@code sleepAfter})
 * @param hardTimeout total lifetime cap of one run
 * @param env plain environment variables for the container
 * @param secrets Worker secrets forwarded as same-named environment variables
 * @param secretsStore environment variable name → Secrets Store binding name
 * @param buildArgs Docker build args, wrangler {@code image_vars}
 * @param labels free-form labels, for documentation and generated metadata
 * @param enableInternet whether unlisted hosts are reachable ({@code enableInternet})
 * @param allowedHosts {@code allowedHosts}
 * @param deniedHosts {@code deniedHosts}
 * @param interceptHttps {@code interceptHttps}
 * @param probes readiness probes
 * @param readinessBudget how long requests wait for the probes
 * @param rollout wrangler {@code rollout_step_percentage} / {@code rollout_active_grace_period}
 * @param forwardMetadata whether requests carry the {@code x-cfc-metadata} header
 * @param entrypoint the container command ({@code entrypoint})
 * @param pingEndpoint the base class's health path ({@code pingEndpoint})
 * @param sources where each value was written, keyed by setting name ({@code maxInstances}) or
 *     {@code setting.key} for map and list members ({@code env.LOG_LEVEL},
 *     {@code allowedHosts.api.github.com})
 */
public record Settings(
    Image image,
    Integer defaultPort,
    List<Integer> requiredPorts,
    InstanceType instanceType,
    Integer maxInstances,
    TimeValue sleepAfter,
    TimeValue hardTimeout,
    Map<String, String> env,
    List<String> secrets,
    Map<String, String> secretsStore,
    Map<String, String> buildArgs,
    Map<String, String> labels,
    Boolean enableInternet,
    List<String> allowedHosts,
    List<String> deniedHosts,
    Boolean interceptHttps,
    List<Probe> probes,
    ReadinessBudget readinessBudget,
    Rollout rollout,
    Boolean forwardMetadata,
    List<String> entrypoint,
    String pingEndpoint,
    Map<String, SourceLocation> sources) {

  /** Settings with nothing set. */
  public static final Settings EMPTY = new Settings(null, null, List.of(), null, null, null, null,
      Map.of(), List.of(), Map.of(), Map.of(), Map.of(), null, List.of(), List.of(), null,
      List.of(), null, null, null, List.of(), null, Map.of());

  public Settings {
    requiredPorts = List.copyOf(requiredPorts);
    env = Collections2.copyOrdered(env);
    secrets = List.copyOf(secrets);
    secretsStore = Collections2.copyOrdered(secretsStore);
    buildArgs = Collections2.copyOrdered(buildArgs);
    labels = Collections2.copyOrdered(labels);
    allowedHosts = List.copyOf(allowedHosts);
    deniedHosts = List.copyOf(deniedHosts);
    probes = List.copyOf(probes);
    entrypoint = List.copyOf(entrypoint);
    sources = Collections2.copyOrdered(sources);
  }

  /** Where a setting was written, or null when it was not set in this layer. */
  public SourceLocation sourceOf(String key) {
    return sources.get(key);
  }

  /**
   * These settings over {@code base}: a value set here beats the base; maps merge key by key
   * (this layer's entries win); a list set here replaces the base's list.
   */
  public Settings over(Settings base) {
    return new Settings(
        pick(image, base.image),
        pick(defaultPort, base.defaultPort),
        pickList(requiredPorts, base.requiredPorts),
        pick(instanceType, base.instanceType),
        pick(maxInstances, base.maxInstances),
        pick(sleepAfter, base.sleepAfter),
        pick(hardTimeout, base.hardTimeout),
        Collections2.merge(base.env, env),
        pickList(secrets, base.secrets),
        Collections2.merge(base.secretsStore, secretsStore),
        Collections2.merge(base.buildArgs, buildArgs),
        Collections2.merge(base.labels, labels),
        pick(enableInternet, base.enableInternet),
        pickList(allowedHosts, base.allowedHosts),
        pickList(deniedHosts, base.deniedHosts),
        pick(interceptHttps, base.interceptHttps),
        pickList(probes, base.probes),
        pick(readinessBudget, base.readinessBudget),
        pick(rollout, base.rollout),
        pick(forwardMetadata, base.forwardMetadata),
        pickList(entrypoint, base.entrypoint),
        pick(pingEndpoint, base.pingEndpoint),
        Collections2.merge(base.sources, sources));
  }

  private static <T> T pick(T top, T base) {
    return top != null ? top : base;
  }

  private static <T> List<T> pickList(List<T> top, List<T> base) {
    return top.isEmpty() ? base : top;
  }
}

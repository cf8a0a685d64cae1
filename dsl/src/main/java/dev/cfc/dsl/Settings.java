package dev.cfc.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configurable values of a container, a {@link ContainerDefaults} profile or an environment
 * override. A null value or an empty collection means "not set here", so that layers can be
 * merged: profile, then container, then environment override. Immutable; two settings are equal
 * when all their values and sources are.
 */
public final class Settings {

  /** Settings with nothing set. */
  public static final Settings EMPTY = new Builder().build();

  private final Image image;
  private final Integer defaultPort;
  private final List<Integer> requiredPorts;
  private final InstanceType instanceType;
  private final Integer maxInstances;
  private final TimeValue sleepAfter;
  private final TimeValue hardTimeout;
  private final Map<String, String> env;
  private final List<String> secrets;
  private final Map<String, String> secretsStore;
  private final Map<String, String> buildArgs;
  private final Map<String, String> labels;
  private final Boolean enableInternet;
  private final List<String> allowedHosts;
  private final List<String> deniedHosts;
  private final Boolean interceptHttps;
  private final List<Probe> probes;
  private final ReadinessBudget readinessBudget;
  private final Rollout rollout;
  private final RolloutKind rolloutKind;
  private final SchedulingPolicy schedulingPolicy;
  private final List<Region> regions;
  private final Jurisdiction jurisdiction;
  private final Ssh ssh;
  private final List<SshKey> authorizedKeys;
  private final List<SshKey> trustedUserCaKeys;
  private final Map<String, String> wranglerKeys;
  private final Boolean forwardMetadata;
  private final List<String> entrypoint;
  private final String pingEndpoint;
  private final Map<String, SourceLocation> sources;

  private Settings(Builder builder) {
    image = builder.image;
    defaultPort = builder.defaultPort;
    requiredPorts = List.copyOf(builder.requiredPorts);
    instanceType = builder.instanceType;
    maxInstances = builder.maxInstances;
    sleepAfter = builder.sleepAfter;
    hardTimeout = builder.hardTimeout;
    env = Collections2.copyOrdered(builder.env);
    secrets = List.copyOf(builder.secrets);
    secretsStore = Collections2.copyOrdered(builder.secretsStore);
    buildArgs = Collections2.copyOrdered(builder.buildArgs);
    labels = Collections2.copyOrdered(builder.labels);
    enableInternet = builder.enableInternet;
    allowedHosts = List.copyOf(builder.allowedHosts);
    deniedHosts = List.copyOf(builder.deniedHosts);
    interceptHttps = builder.interceptHttps;
    probes = List.copyOf(builder.probes);
    readinessBudget = builder.readinessBudget;
    rollout = builder.rollout;
    rolloutKind = builder.rolloutKind;
    schedulingPolicy = builder.schedulingPolicy;
    regions = List.copyOf(builder.regions);
    jurisdiction = builder.jurisdiction;
    ssh = builder.ssh;
    authorizedKeys = List.copyOf(builder.authorizedKeys);
    trustedUserCaKeys = List.copyOf(builder.trustedUserCaKeys);
    wranglerKeys = Collections2.copyOrdered(builder.wranglerKeys);
    forwardMetadata = builder.forwardMetadata;
    entrypoint = List.copyOf(builder.entrypoint);
    pingEndpoint = builder.pingEndpoint;
    sources = Collections2.copyOrdered(builder.sources);
  }

  /** Image source: wrangler {@code image} and {@code image_build_context}; null when unset. */
  public Image image() {
    return image;
  }

  /** Port requests go to ({@code defaultPort} in the generated class); null when unset. */
  public Integer defaultPort() {
    return defaultPort;
  }

  /** Ports start-up waits for ({@code requiredPorts} in the generated class). */
  public List<Integer> requiredPorts() {
    return requiredPorts;
  }

  /** Wrangler {@code instance_type}; null when unset. */
  public InstanceType instanceType() {
    return instanceType;
  }

  /**
   * Wrangler {@code max_instances}, also the size of {@code any()} and {@code pool()}; null when
   * unset.
   */
  public Integer maxInstances() {
    return maxInstances;
  }

  /** Idle time before the container sleeps ({@code sleepAfter}); null when unset. */
  public TimeValue sleepAfter() {
    return sleepAfter;
  }

  /** Total lifetime cap of one run; null when unset. */
  public TimeValue hardTimeout() {
    return hardTimeout;
  }

  /** Plain environment variables for the container, in the order they were set. */
  public Map<String, String> env() {
    return env;
  }

  /** Worker secrets forwarded as same-named environment variables. */
  public List<String> secrets() {
    return secrets;
  }

  /** Environment variable name → Secrets Store binding name. */
  public Map<String, String> secretsStore() {
    return secretsStore;
  }

  /** Docker build args, wrangler {@code image_vars}. */
  public Map<String, String> buildArgs() {
    return buildArgs;
  }

  /** Free-form labels, for documentation and generated metadata. */
  public Map<String, String> labels() {
    return labels;
  }

  /** Whether unlisted hosts are reachable ({@code enableInternet}); null when unset. */
  public Boolean enableInternet() {
    return enableInternet;
  }

  /** Hosts the container may reach ({@code allowedHosts}). */
  public List<String> allowedHosts() {
    return allowedHosts;
  }

  /** Hosts the container may not reach ({@code deniedHosts}). */
  public List<String> deniedHosts() {
    return deniedHosts;
  }

  /** Whether outbound HTTPS is intercepted ({@code interceptHttps}); null when unset. */
  public Boolean interceptHttps() {
    return interceptHttps;
  }

  /** Readiness probes. */
  public List<Probe> probes() {
    return probes;
  }

  /** How long requests wait for the probes; null when unset. */
  public ReadinessBudget readinessBudget() {
    return readinessBudget;
  }

  /**
   * Wrangler {@code rollout_step_percentage} / {@code rollout_active_grace_period}; null when
   * unset.
   */
  public Rollout rollout() {
    return rollout;
  }

  /** Wrangler {@code rollout_kind}; null when unset. */
  public RolloutKind rolloutKind() {
    return rolloutKind;
  }

  /** Wrangler {@code scheduling_policy}; null when unset. */
  public SchedulingPolicy schedulingPolicy() {
    return schedulingPolicy;
  }

  /** Wrangler {@code constraints.regions}; empty when unset. */
  public List<Region> regions() {
    return regions;
  }

  /** Wrangler {@code constraints.jurisdiction}; null when unset. */
  public Jurisdiction jurisdiction() {
    return jurisdiction;
  }

  /** Wrangler {@code ssh} ({@code enabled}, {@code port}); null when unset. */
  public Ssh ssh() {
    return ssh;
  }

  /** Wrangler {@code authorized_keys}, in the order they were added. */
  public List<SshKey> authorizedKeys() {
    return authorizedKeys;
  }

  /** Wrangler {@code trusted_user_ca_keys}, in the order they were added. */
  public List<SshKey> trustedUserCaKeys() {
    return trustedUserCaKeys;
  }

  /**
   * Raw keys of the wrangler {@code containers} entry that cfc has no call for, key → the JSON
   * text of its value, in the order they were set.
   */
  public Map<String, String> wranglerKeys() {
    return wranglerKeys;
  }

  /** Whether requests carry the {@code x-cfc-metadata} header; null when unset. */
  public Boolean forwardMetadata() {
    return forwardMetadata;
  }

  /** The container command ({@code entrypoint} in the generated class). */
  public List<String> entrypoint() {
    return entrypoint;
  }

  /** The base class's health path ({@code pingEndpoint}); null when unset. */
  public String pingEndpoint() {
    return pingEndpoint;
  }

  /**
   * Where each value was written, keyed by setting name ({@code maxInstances}) or
   * {@code setting.key} for map and list members ({@code env.LOG_LEVEL},
   * {@code allowedHosts.api.github.com}).
   */
  public Map<String, SourceLocation> sources() {
    return sources;
  }

  /** Where a setting was written, or null when it was not set in this layer. */
  public SourceLocation sourceOf(String key) {
    return sources.get(key);
  }

  /**
   * Every value by its setting name, the name {@link #sources()} keys it under, in the order of
   * the accessors above; an unset value is null or empty. For checks that must cover every
   * setting, including ones added later, without a list of their own to keep in step.
   */
  public Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("image", image);
    values.put("defaultPort", defaultPort);
    values.put("requiredPorts", requiredPorts);
    values.put("instanceType", instanceType);
    values.put("maxInstances", maxInstances);
    values.put("sleepAfter", sleepAfter);
    values.put("hardTimeout", hardTimeout);
    values.put("env", env);
    values.put("secrets", secrets);
    values.put("secretsStore", secretsStore);
    values.put("buildArgs", buildArgs);
    values.put("labels", labels);
    values.put("enableInternet", enableInternet);
    values.put("allowedHosts", allowedHosts);
    values.put("deniedHosts", deniedHosts);
    values.put("interceptHttps", interceptHttps);
    values.put("probes", probes);
    values.put("readinessBudget", readinessBudget);
    values.put("rollout", rollout);
    values.put("rolloutKind", rolloutKind);
    values.put("schedulingPolicy", schedulingPolicy);
    values.put("regions", regions);
    values.put("jurisdiction", jurisdiction);
    values.put("ssh", ssh);
    values.put("authorizedKeys", authorizedKeys);
    values.put("trustedUserCaKeys", trustedUserCaKeys);
    values.put("wranglerKeys", wranglerKeys);
    values.put("forwardMetadata", forwardMetadata);
    values.put("entrypoint", entrypoint);
    values.put("pingEndpoint", pingEndpoint);
    return Collections.unmodifiableMap(values);
  }

  /**
   * These settings over {@code base}: a value set here beats the base; maps merge key by key
   * (this layer's entries win); a list set here replaces the base's list.
   */
  public Settings over(Settings base) {
    Builder merged = base.toBuilder();
    merged.image = pick(image, merged.image);
    merged.defaultPort = pick(defaultPort, merged.defaultPort);
    replaceIfSet(merged.requiredPorts, requiredPorts);
    merged.instanceType = pick(instanceType, merged.instanceType);
    merged.maxInstances = pick(maxInstances, merged.maxInstances);
    merged.sleepAfter = pick(sleepAfter, merged.sleepAfter);
    merged.hardTimeout = pick(hardTimeout, merged.hardTimeout);
    merged.env.putAll(env);
    replaceIfSet(merged.secrets, secrets);
    merged.secretsStore.putAll(secretsStore);
    merged.buildArgs.putAll(buildArgs);
    merged.labels.putAll(labels);
    merged.enableInternet = pick(enableInternet, merged.enableInternet);
    replaceIfSet(merged.allowedHosts, allowedHosts);
    replaceIfSet(merged.deniedHosts, deniedHosts);
    merged.interceptHttps = pick(interceptHttps, merged.interceptHttps);
    replaceIfSet(merged.probes, probes);
    merged.readinessBudget = pick(readinessBudget, merged.readinessBudget);
    merged.rollout = pick(rollout, merged.rollout);
    merged.rolloutKind = pick(rolloutKind, merged.rolloutKind);
    merged.schedulingPolicy = pick(schedulingPolicy, merged.schedulingPolicy);
    replaceIfSet(merged.regions, regions);
    merged.jurisdiction = pick(jurisdiction, merged.jurisdiction);
    merged.ssh = pick(ssh, merged.ssh);
    replaceIfSet(merged.authorizedKeys, authorizedKeys);
    replaceIfSet(merged.trustedUserCaKeys, trustedUserCaKeys);
    merged.wranglerKeys.putAll(wranglerKeys);
    merged.forwardMetadata = pick(forwardMetadata, merged.forwardMetadata);
    replaceIfSet(merged.entrypoint, entrypoint);
    merged.pingEndpoint = pick(pingEndpoint, merged.pingEndpoint);
    merged.sources.putAll(sources);
    return merged.build();
  }

  /** A builder holding these settings, to derive a variant from. */
  Builder toBuilder() {
    Builder builder = new Builder();
    builder.image = image;
    builder.defaultPort = defaultPort;
    builder.requiredPorts.addAll(requiredPorts);
    builder.instanceType = instanceType;
    builder.maxInstances = maxInstances;
    builder.sleepAfter = sleepAfter;
    builder.hardTimeout = hardTimeout;
    builder.env.putAll(env);
    builder.secrets.addAll(secrets);
    builder.secretsStore.putAll(secretsStore);
    builder.buildArgs.putAll(buildArgs);
    builder.labels.putAll(labels);
    builder.enableInternet = enableInternet;
    builder.allowedHosts.addAll(allowedHosts);
    builder.deniedHosts.addAll(deniedHosts);
    builder.interceptHttps = interceptHttps;
    builder.probes.addAll(probes);
    builder.readinessBudget = readinessBudget;
    builder.rollout = rollout;
    builder.rolloutKind = rolloutKind;
    builder.schedulingPolicy = schedulingPolicy;
    builder.regions.addAll(regions);
    builder.jurisdiction = jurisdiction;
    builder.ssh = ssh;
    builder.authorizedKeys.addAll(authorizedKeys);
    builder.trustedUserCaKeys.addAll(trustedUserCaKeys);
    builder.wranglerKeys.putAll(wranglerKeys);
    builder.forwardMetadata = forwardMetadata;
    builder.entrypoint.addAll(entrypoint);
    builder.pingEndpoint = pingEndpoint;
    builder.sources.putAll(sources);
    return builder;
  }

  private static <T> T pick(T top, T base) {
    return top != null ? top : base;
  }

  private static <T> void replaceIfSet(List<T> target, List<T> top) {
    if (!top.isEmpty()) {
      target.clear();
      target.addAll(top);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Settings that
        && values().equals(that.values())
        && sources.equals(that.sources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values(), sources);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Settings[");
    values()
        .forEach((name, value) -> text.append(name).append('=').append(value).append(", "));
    return text.append("sources=").append(sources).append(']').toString();
  }

  /**
   * The values of a {@link Settings} while they are gathered, mutable; {@link #build()} takes an
   * immutable copy. Package-private: definitions set values through {@link SettingsBuilder},
   * which records where each was written.
   */
  static final class Builder {
    Image image;
    Integer defaultPort;
    final List<Integer> requiredPorts = new ArrayList<>();
    InstanceType instanceType;
    Integer maxInstances;
    TimeValue sleepAfter;
    TimeValue hardTimeout;
    final Map<String, String> env = new LinkedHashMap<>();
    final List<String> secrets = new ArrayList<>();
    final Map<String, String> secretsStore = new LinkedHashMap<>();
    final Map<String, String> buildArgs = new LinkedHashMap<>();
    final Map<String, String> labels = new LinkedHashMap<>();
    Boolean enableInternet;
    final List<String> allowedHosts = new ArrayList<>();
    final List<String> deniedHosts = new ArrayList<>();
    Boolean interceptHttps;
    final List<Probe> probes = new ArrayList<>();
    ReadinessBudget readinessBudget;
    Rollout rollout;
    RolloutKind rolloutKind;
    SchedulingPolicy schedulingPolicy;
    final List<Region> regions = new ArrayList<>();
    Jurisdiction jurisdiction;
    Ssh ssh;
    final List<SshKey> authorizedKeys = new ArrayList<>();
    final List<SshKey> trustedUserCaKeys = new ArrayList<>();
    final Map<String, String> wranglerKeys = new LinkedHashMap<>();
    Boolean forwardMetadata;
    final List<String> entrypoint = new ArrayList<>();
    String pingEndpoint;
    final Map<String, SourceLocation> sources = new LinkedHashMap<>();

    Settings build() {
      return new Settings(this);
    }
  }
}

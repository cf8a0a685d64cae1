package dev.cfc.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The setters shared by {@link ContainerBuilder}, {@link ContainerDefaults.Builder} and
 * {@link EnvironmentOverrides}. Each call records the caller's source line so that validation
 * can point at it. Values are not checked here: validation reports every problem at once, with
 * its location, instead of the first one as an exception.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract sealed class SettingsBuilder<B extends SettingsBuilder<B>>
    permits ContainerBuilder, ContainerDefaults.Builder, EnvironmentOverrides {

  private final Settings.Builder gathered = new Settings.Builder();
  private boolean used;

  SettingsBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  private B record(String key) {
    if (used) {
      throw new IllegalStateException(
          "this builder was already built; start a new one for another definition");
    }
    gathered.sources.put(key, SourceLocation.ofCaller());
    return self();
  }

  /** Marks the builder as spent; later calls fail. */
  final void markUsed() {
    if (used) {
      throw new IllegalStateException("build() was already called on this builder");
    }
    used = true;
  }

  /**
   * The image: {@link Image#build(String)} (wrangler builds the Dockerfile) or
   * {@link Image#registry(String)}. Becomes wrangler's {@code image} and, for builds with a
   * context, {@code image_build_context}.
   */
  public B image(Image image) {
    gathered.image = Objects.requireNonNull(image, "image");
    return record("image");
  }

  /**
   * The port requests are sent to unless a handle picks another with {@code .port(n)}: the
   * generated class's {@code defaultPort}. Must be one of {@link #requiredPorts} when both are
   * set.
   */
  public B defaultPort(int port) {
    gathered.defaultPort = port;
    return record("defaultPort");
  }

  /**
   * Ports the container must listen on before start-up completes: the generated class's
   * {@code requiredPorts}. Replaces earlier calls.
   */
  public B requiredPorts(int... ports) {
    gathered.requiredPorts.clear();
    for (int port : Objects.requireNonNull(ports, "ports")) {
      gathered.requiredPorts.add(port);
    }
    return record("requiredPorts");
  }

  /**
   * Instance size, wrangler's {@code instance_type}: a named type or
   * {@link InstanceType#custom(double, int, int)}.
   */
  public B instanceType(InstanceType type) {
    gathered.instanceType = Objects.requireNonNull(type, "instanceType");
    return record("instanceType");
  }

  /**
   * Most instances running at once, wrangler's {@code max_instances} (the platform's default is
   * 20). {@code any()} and {@code pool()} spread requests over exactly this many instances.
   */
  public B maxInstances(int count) {
    gathered.maxInstances = count;
    return record("maxInstances");
  }

  /**
   * Idle time before the container is put to sleep, the generated class's {@code sleepAfter}:
   * {@code "30s"}, {@code "5m"} or {@code "2h"}; at least 1 s.
   */
  public B sleepAfter(String duration) {
    gathered.sleepAfter = TimeValue.of(Objects.requireNonNull(duration, "sleepAfter"));
    return record("sleepAfter");
  }

  /** {@link #sleepAfter(String)} as a {@link Duration} of whole seconds. */
  public B sleepAfter(Duration duration) {
    gathered.sleepAfter = TimeValue.of(duration);
    return record("sleepAfter");
  }

  /** {@link #sleepAfter(String)} in seconds. */
  public B sleepAfter(long seconds) {
    gathered.sleepAfter = TimeValue.ofSeconds(seconds);
    return record("sleepAfter");
  }

  /**
   * Total lifetime of one run, busy or not: the generated class schedules
   * {@code onHardTimeoutExpired} that many seconds after start (default action {@code stop()}).
   * Same grammar as {@link #sleepAfter(String)}.
   */
  public B hardTimeout(String duration) {
    gathered.hardTimeout = TimeValue.of(Objects.requireNonNull(duration, "hardTimeout"));
    return record("hardTimeout");
  }

  /** {@link #hardTimeout(String)} as a {@link Duration} of whole seconds. */
  public B hardTimeout(Duration duration) {
    gathered.hardTimeout = TimeValue.of(duration);
    return record("hardTimeout");
  }

  /** {@link #hardTimeout(String)} in seconds. */
  public B hardTimeout(long seconds) {
    gathered.hardTimeout = TimeValue.ofSeconds(seconds);
    return record("hardTimeout");
  }

  /**
   * A plain environment variable for the container, part of the generated class's env set
   * ({@code envVars} at start). Names match {@code ^[A-Za-z_][A-Za-z0-9_]*$}.
   */
  public B env(String name, String value) {
    gathered.env.put(
        Objects.requireNonNull(name, "env name"), Objects.requireNonNull(value, "env value"));
    return record("env." + name);
  }

  /**
   * Several environment variables at once: in the map's order for a {@link LinkedHashMap} or
   * {@link java.util.SortedMap}, sorted by name for any other map (such as {@code Map.of} or a
   * {@code HashMap}, whose order is unspecified and would make generated files churn).
   */
  public B env(Map<String, String> values) {
    return putAll(values, "env", this::env);
  }

  /**
   * Worker secrets forwarded to the container as same-named environment variables, read from
   * the Worker's env at start; a missing one fails the start naming it.
   */
  public B secrets(String... names) {
    for (String name : Objects.requireNonNull(names, "secrets")) {
      gathered.secrets.add(Objects.requireNonNull(name, "secret name"));
      record("secrets." + name);
    }
    return self();
  }

  /**
   * {@link #secrets(String...)} from a collection: in its order for a {@link List},
   * {@link java.util.LinkedHashSet} or {@link java.util.SortedSet}, sorted for any other
   * (such as {@code Set.of} or a {@code HashSet}).
   */
  public B secrets(Collection<String> names) {
    return secrets(Collections2.inDefinedOrder(names, "secrets").toArray(String[]::new));
  }

  /**
   * An environment variable resolved from a Secrets Store binding with
   * {@code await env[binding].get()} at first start (memoised). The binding must be declared in
   * the wrangler config's {@code secrets_store_secrets}.
   */
  public B secretsStore(String envName, String binding) {
    gathered.secretsStore.put(
        Objects.requireNonNull(envName, "env name"), Objects.requireNonNull(binding, "binding"));
    return record("secretsStore." + envName);
  }

  /**
   * Several Secrets Store variables at once (env name → binding), in the order
   * {@link #env(Map)} describes.
   */
  public B secretsStore(Map<String, String> envToBinding) {
    return putAll(envToBinding, "secretsStore", this::secretsStore);
  }

  /**
   * A Docker build arg, wrangler's {@code image_vars}. Only for {@link Image#build(String)}
   * images.
   */
  public B buildArg(String name, String value) {
    gathered.buildArgs.put(
        Objects.requireNonNull(name, "build arg name"),
        Objects.requireNonNull(value, "build arg value"));
    return record("buildArgs." + name);
  }

  /** Several build args at once, in the order {@link #env(Map)} describes. */
  public B buildArgs(Map<String, String> args) {
    return putAll(args, "buildArgs", this::buildArg);
  }

  /** Several labels at once, in the order {@link #env(Map)} describes. */
  public B labels(Map<String, String> labels) {
    return putAll(labels, "labels", this::label);
  }

  /** A free-form label, kept in the generated class for observability. */
  public B label(String key, String value) {
    gathered.labels.put(
        Objects.requireNonNull(key, "label key"), Objects.requireNonNull(value, "label value"));
    return record("labels." + key);
  }

  /** Whether hosts not on the allow-list are reachable: the generated {@code enableInternet}. */
  public B enableInternet(boolean enabled) {
    gathered.enableInternet = enabled;
    return record("enableInternet");
  }

  /**
   * Hosts the container may reach ({@code host.name} or {@code *.suffix}): the generated
   * {@code allowedHosts}. Adds to earlier calls.
   */
  public B allowedHosts(String... hosts) {
    for (String host : Objects.requireNonNull(hosts, "hosts")) {
      gathered.allowedHosts.add(Objects.requireNonNull(host, "host"));
      record("allowedHosts." + host);
    }
    return self();
  }

  /**
   * {@link #allowedHosts(String...)} from a collection, in the order
   * {@link #secrets(Collection)} describes.
   */
  public B allowedHosts(Collection<String> hosts) {
    return allowedHosts(Collections2.inDefinedOrder(hosts, "hosts").toArray(String[]::new));
  }

  /**
   * Hosts the container may never reach, beating the allow-list: the generated
   * {@code deniedHosts}. Adds to earlier calls.
   */
  public B deniedHosts(String... hosts) {
    for (String host : Objects.requireNonNull(hosts, "hosts")) {
      gathered.deniedHosts.add(Objects.requireNonNull(host, "host"));
      record("deniedHosts." + host);
    }
    return self();
  }

  /**
   * {@link #deniedHosts(String...)} from a collection, in the order
   * {@link #secrets(Collection)} describes.
   */
  public B deniedHosts(Collection<String> hosts) {
    return deniedHosts(Collections2.inDefinedOrder(hosts, "hosts").toArray(String[]::new));
  }

  /** Applies the egress lists to HTTPS as well: the generated {@code interceptHttps}. */
  public B interceptHttps(boolean intercept) {
    gathered.interceptHttps = intercept;
    return record("interceptHttps");
  }

  /** Applies a reusable {@link Egress} policy, replacing egress values set before. */
  public B egress(Egress policy) {
    Objects.requireNonNull(policy, "egress");
    record("egress");
    SourceLocation at = gathered.sources.get("egress");
    gathered.enableInternet = policy.enableInternet();
    gathered.sources.put("enableInternet", at);
    gathered.interceptHttps = policy.httpsIntercepted();
    gathered.sources.put("interceptHttps", at);
    gathered.allowedHosts.clear();
    gathered.allowedHosts.addAll(policy.allowedHosts());
    policy.allowedHosts().forEach(h -> gathered.sources.put("allowedHosts." + h, at));
    gathered.deniedHosts.clear();
    gathered.deniedHosts.addAll(policy.deniedHosts());
    policy.deniedHosts().forEach(h -> gathered.sources.put("deniedHosts." + h, at));
    return self();
  }

  /**
   * Readiness probes: requests wait until every probe passes (in parallel, within the readiness
   * budget); a request that runs out of budget receives a 503 naming the failing probe.
   * Replaces earlier calls.
   */
  public B readyOn(Probe... probes) {
    gathered.probes.clear();
    gathered.probes.addAll(Arrays.asList(Objects.requireNonNull(probes, "probes")));
    gathered.probes.forEach(p -> Objects.requireNonNull(p, "probe"));
    return record("readyOn");
  }

  /** How long requests wait for readiness and how often probes poll (default 30 s / 500 ms). */
  public B readinessBudget(Duration timeout, Duration poll) {
    gathered.readinessBudget = new ReadinessBudget(timeout, poll);
    return record("readinessBudget");
  }

  /**
   * Rolling update: wrangler's {@code rollout_step_percentage} (one of 5, 10, 20, 25, 50, 100)
   * and {@code rollout_active_grace_period} in seconds (≥ 0).
   */
  public B rollout(int stepPercentage, long activeGracePeriodSeconds) {
    gathered.rollout = new Rollout(List.of(stepPercentage), activeGracePeriodSeconds);
    return record("rollout");
  }

  /**
   * Rolling update in one step size: wrangler's {@code rollout_step_percentage} (one of 5, 10,
   * 20, 25, 50, 100); {@code rollout_active_grace_period} is left to wrangler's default.
   */
  public B rollout(int stepPercentage) {
    gathered.rollout = Rollout.step(stepPercentage);
    return record("rollout");
  }

  /**
   * Rolling update in explicit steps: wrangler's {@code rollout_step_percentage} as an array
   * (each 10–100, ascending, the last 100, at most {@code maxInstances} steps), e.g.
   * {@code rolloutSteps(10, 50, 100)}; {@code rollout_active_grace_period} is left to wrangler's
   * default unless {@link #rolloutGracePeriod} sets it.
   */
  public B rolloutSteps(int... stepPercentages) {
    List<Integer> steps = new ArrayList<>();
    for (int step : stepPercentages) {
      steps.add(step);
    }
    Long grace = gathered.rollout == null ? null : gathered.rollout.activeGracePeriodSeconds();
    gathered.rollout = new Rollout(steps, grace);
    return record("rollout");
  }

  /**
   * wrangler's {@code rollout_active_grace_period}: seconds (≥ 0) a busy instance may keep
   * running before a rollout replaces it. Keeps the steps set before it ({@link #rollout(int)}
   * or {@link #rolloutSteps}); on its own it leaves {@code rollout_step_percentage} to wrangler.
   */
  public B rolloutGracePeriod(long activeGracePeriodSeconds) {
    gathered.rollout = (gathered.rollout == null ? new Rollout(List.of(), null) : gathered.rollout)
        .withGracePeriod(activeGracePeriodSeconds);
    return record("rollout");
  }

  /**
   * Who drives a rollout after a deploy: wrangler's {@code rollout_kind} ({@code full_auto},
   * wrangler's default, {@code full_manual} or {@code none}).
   */
  public B rolloutKind(RolloutKind kind) {
    gathered.rolloutKind = Objects.requireNonNull(kind, "rolloutKind");
    return record("rolloutKind");
  }

  /** How the platform places instances: wrangler's {@code scheduling_policy}. */
  public B schedulingPolicy(SchedulingPolicy policy) {
    gathered.schedulingPolicy = Objects.requireNonNull(policy, "schedulingPolicy");
    return record("schedulingPolicy");
  }

  /**
   * The regions instances may run in: wrangler's {@code constraints.regions}. Replaces earlier
   * calls; with no region, nothing is set.
   */
  public B regions(Region... regions) {
    gathered.regions.clear();
    for (Region region : Objects.requireNonNull(regions, "regions")) {
      gathered.regions.add(Objects.requireNonNull(region, "region"));
    }
    return record("regions");
  }

  /** The compliance boundary instances stay inside: wrangler's {@code constraints.jurisdiction}. */
  public B jurisdiction(Jurisdiction jurisdiction) {
    gathered.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
    return record("jurisdiction");
  }

  /**
   * SSH access through {@code wrangler containers ssh}: wrangler's {@code ssh.enabled}, with
   * {@code ssh.port} left to wrangler's default.
   */
  public B ssh(boolean enabled) {
    gathered.ssh = new Ssh(enabled, null);
    return record("ssh");
  }

  /**
   * SSH access with the port the container's SSH service listens on: wrangler's
   * {@code ssh = { enabled, port }}; the port is 1–65535.
   */
  public B ssh(boolean enabled, int port) {
    gathered.ssh = new Ssh(enabled, port);
    return record("ssh");
  }

  /**
   * A public key allowed to log in over SSH: an element of wrangler's {@code authorized_keys}
   * ({@code name}, {@code public_key}). wrangler 4.86 accepts only ED25519 keys
   * ({@code "ssh-ed25519 AAAA…"}). Adds to earlier calls.
   */
  public B authorizedKey(String name, String publicKey) {
    gathered.authorizedKeys.add(new SshKey(
        Objects.requireNonNull(name, "key name"),
        Objects.requireNonNull(publicKey, "public key"),
        SourceLocation.ofCaller()));
    return record("authorizedKeys");
  }

  /**
   * A certificate authority whose user certificates may log in over SSH: an element of
   * wrangler's {@code trusted_user_ca_keys} without a {@code name}. ED25519 only, as
   * {@link #authorizedKey}. Adds to earlier calls.
   */
  public B trustedUserCaKey(String publicKey) {
    gathered.trustedUserCaKeys.add(new SshKey(
        null, Objects.requireNonNull(publicKey, "public key"), SourceLocation.ofCaller()));
    return record("trustedUserCaKeys");
  }

  /** {@link #trustedUserCaKey(String)} with the element's {@code name}. */
  public B trustedUserCaKey(String name, String publicKey) {
    gathered.trustedUserCaKeys.add(new SshKey(
        Objects.requireNonNull(name, "key name"),
        Objects.requireNonNull(publicKey, "public key"),
        SourceLocation.ofCaller()));
    return record("trustedUserCaKeys");
  }

  /**
   * The escape hatch for a key of wrangler's {@code containers} entry that cfc has no call for
   * (one newer than cfc, or one wrangler accepts outside its schema, such as
   * {@code affinities}): {@code key} is written into the entry with {@code json} as its value, as
   * a TOML value or JSON(C) text in the config's own syntax, and cfc owns it like any key it
   * writes. Refused for a key cfc has a call for; the JSON must parse and hold no
   * {@code null} (TOML has none); a key wrangler does not know is a warning. For example
   * {@code wranglerKey("affinities", "{"colocation": "datacenter"}")}.
   */
  public B wranglerKey(String key, String json) {
    gathered.wranglerKeys.put(
        Objects.requireNonNull(key, "wrangler key"), Objects.requireNonNull(json, "json"));
    return record("wranglerKeys." + key);
  }

  /**
   * Adds the {@code x-cfc-metadata} header (request id, colo, region, country, client IP,
   * worker name, method, path, URL) to every proxied request; the generated Java
   * {@code RequestMetadata.parse} reads it.
   */
  public B forwardMetadata(boolean forward) {
    gathered.forwardMetadata = forward;
    return record("forwardMetadata");
  }

  /** The container command, the generated class's {@code entrypoint}. */
  public B entrypoint(String... command) {
    gathered.entrypoint.clear();
    for (String part : Objects.requireNonNull(command, "entrypoint")) {
      gathered.entrypoint.add(Objects.requireNonNull(part, "entrypoint part"));
    }
    return record("entrypoint");
  }

  /**
   * The path the base class's start-up health check requests, such as {@code "/ping"}; the
   * generated class's {@code pingEndpoint} becomes {@code "localhost/ping"} because the base
   * class requests {@code http://<pingEndpoint>}.
   */
  public B pingEndpoint(String path) {
    gathered.pingEndpoint = Objects.requireNonNull(path, "pingEndpoint");
    return record("pingEndpoint");
  }

  /**
   * Calls {@code setter} for each entry, in {@link Collections2#inDefinedOrder} order. A loop
   * rather than {@code forEach}: each setter records the first caller outside the DSL as the
   * value's location, and inside {@code forEach} that would be the map's own class.
   */
  private B putAll(Map<String, String> values, String what, BiConsumer<String, String> setter) {
    for (Map.Entry<String, String> entry :
        Collections2.inDefinedOrder(values, what).entrySet()) {
      setter.accept(entry.getKey(), entry.getValue());
    }
    return self();
  }

  /** A snapshot of what was set on this builder. */
  final Settings settings() {
    return gathered.build();
  }
}

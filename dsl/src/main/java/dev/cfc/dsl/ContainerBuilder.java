package dev.cfc.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One-shot builder for a {@link ContainerDefinition}, started by {@link Container#define}.
 * Besides the shared settings it holds what only a whole definition has: renames, adoption,
 * the explicit container, class and binding names, profiles and environment overrides.
 */
public final class ContainerBuilder extends SettingsBuilder<ContainerBuilder> {

  private final String name;
  private final SourceLocation where;
  private final List<ContainerDefaults> defaults = new ArrayList<>();
  private final Map<String, Settings> environments = new LinkedHashMap<>();
  private final Map<String, SourceLocation> definitionSources = new LinkedHashMap<>();
  private String renamedFrom;
  private boolean adopt;
  private String containerName;
  private String className;
  private String binding;
  private BaseClass baseClass;
  private final List<Bridge> bridges = new ArrayList<>();

  ContainerBuilder(String name, SourceLocation where) {
    this.name = name;
    this.where = where;
  }

  /**
   * Marks a rename from an earlier definition name: cfc appends a {@code renamed_classes}
   * migration ({@code OldContainer → NewContainer}), which keeps the Durable Object's data, and
   * renames the wrangler entry and binding in place. Keep it until the rename is deployed
   * everywhere; it is a no-op once applied. A name starting with an upper-case letter is the
   * earlier Durable Object class itself ({@code renamedFrom("Sandbox")}), for a class that was
   * set with {@link #className(String)} or written by hand.
   */
  public ContainerBuilder renamedFrom(String previousName) {
    this.renamedFrom = Objects.requireNonNull(previousName, "renamedFrom");
    definitionSources.put("renamedFrom", SourceLocation.ofCaller());
    return this;
  }

  /**
   * Lets cfc take over a hand-written {@code containers} entry and Durable Object binding with
   * this definition's class name, instead of reporting a clash (like Alchemy's
   * {@code adopt: true}).
   */
  public ContainerBuilder adopt() {
    this.adopt = true;
    definitionSources.put("adopt", SourceLocation.ofCaller());
    return this;
  }

  /**
   * The wrangler container {@code name}, instead of {@code <worker>-<definition>} (plus
   * {@code -<env>} in an environment). Without it, an entry that already exists keeps its name
   * when it is adopted or its class renamed; with it, the entry takes this name, and
   * {@code wrangler deploy} deploys the application under it.
   */
  public ContainerBuilder containerName(String applicationName) {
    this.containerName = Objects.requireNonNull(applicationName, "containerName");
    definitionSources.put("containerName", SourceLocation.ofCaller());
    return this;
  }

  /**
   * The Durable Object class, instead of {@code <Name>Container}: wrangler's
   * {@code durable_objects.bindings[].class_name} and {@code containers[].class_name}, the class
   * in the {@code migrations}, and the generated TypeScript class ({@code <className>.ts}) the
   * Worker exports. One class serves every environment. On a definition cfc already manages, a
   * new class name is a rename: cfc appends a {@code renamed_classes} migration, which keeps the
   * Durable Object's data. With {@link #adopt()}, it names the hand-written entry to take over.
   *
   * @param className a JavaScript class identifier that is not a reserved word
   */
  public ContainerBuilder className(String className) {
    this.className = Objects.requireNonNull(className, "className");
    definitionSources.put("className", SourceLocation.ofCaller());
    return this;
  }

  /**
   * The Durable Object binding, instead of {@code CONTAINER_<NAME>}: wrangler's
   * {@code durable_objects.bindings[].name} in the top level and every environment, and the
   * {@code Env} member the Worker reads ({@code env.MY_CONTAINER}). Without it, a binding that
   * already exists for the class keeps its name; with it, cfc renames the binding in place (the
   * class and its data stay).
   *
   * @param bindingName {@code [A-Za-z_][A-Za-z0-9_]*}
   */
  public ContainerBuilder binding(String bindingName) {
    this.binding = Objects.requireNonNull(bindingName, "binding");
    definitionSources.put("binding", SourceLocation.ofCaller());
    return this;
  }

  /**
   * A class of the team's own TypeScript that the generated Container class extends, for
   * lifecycle hooks, outbound handlers and custom RPC methods without editing generated files.
   * The generated class becomes {@code export class TranscoderContainer extends TranscoderHooks},
   * importing {@code exportName} from {@code module} (the import path is computed from
   * {@code typescript-out}), and overrides {@code onStart}, {@code onStop}, {@code onError},
   * {@code onActivityExpired} and {@code onHardTimeout} to call the team's versions through
   * {@code super}, logging a hook that throws with the container and hook name and rethrowing it;
   * cfc's own part of {@code onStart} (run generation, hard timeout) runs first either way. The
   * static {@code outboundByHost}, {@code outboundHandlers} and {@code outbound} of the team's
   * class are registered under the generated class, the one wrangler binds, where
   * {@code ContainerProxy} and {@code setOutboundHandler} look them up. The team's class must
   * extend {@code CfcContainer} (from {@code cfc-runtime.js} in {@code typescript-out}) and be
   * {@code abstract}; {@code tsc --strict} checks its hooks against {@code Container}'s types.
   *
   * @param module the TypeScript module, relative to the project directory, for example
   *     {@code "src/containers/transcoder-hooks.ts"}
   * @param exportName the exported class, a JavaScript identifier, for example
   *     {@code "TranscoderHooks"}
   */
  public ContainerBuilder extendsClass(String module, String exportName) {
    this.baseClass = new BaseClass(module, exportName);
    definitionSources.put("extendsClass", SourceLocation.ofCaller());
    return this;
  }

  /**
   * Worker bindings the app inside the container may use, through the bridge: the generated
   * class answers requests to {@code http://bridge.cfc.internal} with only these bindings and
   * operations, and JavaPoet writes {@code <Name>Bridge} with one typed accessor per grant (see
   * {@link Bridge}). Calls add up; granting one binding twice is an error.
   */
  public ContainerBuilder bridge(Bridge... grants) {
    for (Bridge grant : grants) {
      bridges.add(Objects.requireNonNull(grant, "bridge"));
    }
    definitionSources.putIfAbsent("bridge", SourceLocation.ofCaller());
    return this;
  }

  /**
   * Applies a profile beneath this container's own values; later profiles beat earlier ones.
   */
  public ContainerBuilder defaults(ContainerDefaults profile) {
    defaults.add(Objects.requireNonNull(profile, "defaults"));
    definitionSources.put("defaults." + defaults.size(), SourceLocation.ofCaller());
    return this;
  }

  /**
   * Values that differ in wrangler environment {@code name} ({@code [env.<name>]}); cfc writes
   * that environment's {@code containers} and {@code durable_objects} entries with them. The
   * wrangler entry's values ({@code image}, {@code buildArg}, {@code instanceType},
   * {@code maxInstances}, the rollout, placement, SSH) go there; the run-time values ({@code env},
   * {@code secrets}, {@code secretsStore}, {@code sleepAfter}, {@code hardTimeout}, egress,
   * probes, the readiness budget, {@code labels}) go into the generated class's
   * {@code ENVIRONMENTS}, which it picks by the Worker var {@code CFC_ENVIRONMENT} of that
   * environment's {@code vars} (CFC135 when it is missing). Ports, {@code entrypoint},
   * {@code pingEndpoint} and {@code forwardMetadata} are one for every environment (CFC006).
   */
  public ContainerBuilder environment(
      String environmentName, Consumer<EnvironmentOverrides> overrides) {
    Objects.requireNonNull(environmentName, "environment name");
    Objects.requireNonNull(overrides, "overrides");
    EnvironmentOverrides builder = new EnvironmentOverrides();
    overrides.accept(builder);
    Settings previous = environments.get(environmentName);
    Settings added = builder.finish();
    environments.put(environmentName, previous == null ? added : added.over(previous));
    definitionSources.put("environment." + environmentName, SourceLocation.ofCaller());
    return this;
  }

  /** The definition; the builder cannot be used after this. */
  public ContainerDefinition build() {
    markUsed();
    return new ContainerDefinition(
        name,
        settings(),
        defaults,
        environments,
        renamedFrom,
        adopt,
        containerName,
        className,
        binding,
        where,
        definitionSources,
        baseClass,
        bridges);
  }
}

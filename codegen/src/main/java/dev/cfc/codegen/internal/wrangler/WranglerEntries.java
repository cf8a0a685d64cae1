package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.internal.model.BuildPaths;
import dev.cfc.codegen.internal.model.Names;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Rollout;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SshKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps validated definitions to the wrangler {@code containers} entries they become, per scope:
 * {@code class_name}, {@code name}, {@code image}, {@code image_build_context},
 * {@code image_vars}, {@code instance_type}, {@code max_instances}, the rollout keys
 * ({@code rollout_step_percentage}, {@code rollout_active_grace_period}, {@code rollout_kind}),
 * {@code scheduling_policy}, {@code constraints} and the SSH keys ({@code ssh},
 * {@code authorized_keys}, {@code trusted_user_ca_keys}).
 */
public final class WranglerEntries {

  private final Path projectDir;
  private final Path configDir;
  private final String workerName;
  private final SourceResolver resolver;

  /**
   * @param projectDir the project directory, which DSL image paths are relative to
   * @param configDir the wrangler config's directory, which its {@code image} paths are
   *     relative to
   * @param workerName the config's {@code name}
   */
  public WranglerEntries(
      Path projectDir, Path configDir, String workerName, SourceResolver resolver) {
    this.projectDir = projectDir;
    this.configDir = configDir;
    this.workerName = workerName == null ? "" : workerName;
    this.resolver = resolver;
  }

  /** The desired state of every definition in the top level and each environment. */
  public DesiredState desiredState(
      List<ContainerDefinition> definitions,
      List<String> environments,
      boolean allowDestroy,
      boolean adoptAll) {
    List<DesiredContainer> containers = new ArrayList<>();
    for (ContainerDefinition definition : definitions) {
      Map<String, ContainerEntry> scopes = new LinkedHashMap<>();
      scopes.put("", entry(definition, null));
      for (String env : environments) {
        scopes.put(env, entry(definition, env));
      }
      String renamedFrom = definition.renamedFrom();
      containers.add(new DesiredContainer(
          definition.name(),
          Names.className(definition),
          Names.bindingName(definition),
          renamedFrom == null ? null : Names.renamedFromClass(renamedFrom),
          renamedFrom == null || Names.isClassReference(renamedFrom)
              ? null
              : Names.bindingName(renamedFrom),
          definition.adopt(),
          definition.containerName() != null,
          resolver.resolve(definition.where()),
          scopes,
          definition.binding() == null
              ? null
              : resolver.resolve(definition.sources().get("binding")),
          definition.className() == null
              ? null
              : resolver.resolve(definition.sources().get("className"))));
    }
    return new DesiredState(containers, environments, allowDestroy, adoptAll);
  }

  /** The {@code containers} entry of one definition in one scope (null = top level). */
  ContainerEntry entry(ContainerDefinition definition, String env) {
    Settings s = definition.settingsFor(env);
    LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    fields.put("class_name", Names.className(definition));
    fields.put("name", containerName(definition, env));
    Image image = s.image();
    if (image instanceof Image.Build build) {
      BuildPaths paths = BuildPaths.of(projectDir, build);
      fields.put("image", configRelative(paths.dockerfile()));
      if (paths.context() != null) {
        fields.put("image_build_context", configRelative(paths.context()));
      }
      if (!s.buildArgs().isEmpty()) {
        fields.put("image_vars", new LinkedHashMap<String, Object>(s.buildArgs()));
      }
    } else if (image instanceof Image.Registry registry) {
      fields.put("image", registry.reference());
    }
    InstanceType type = s.instanceType();
    if (type != null) {
      fields.put("instance_type", type.custom() ? customType(type) : type.name());
    }
    if (s.maxInstances() != null) {
      fields.put("max_instances", (long) s.maxInstances());
    }
    Rollout rollout = s.rollout();
    if (rollout != null) {
      List<Long> steps =
          rollout.stepPercentages().stream().map(Integer::longValue).toList();
      if (steps.size() == 1) {
        fields.put("rollout_step_percentage", steps.get(0));
      } else if (!steps.isEmpty()) {
        fields.put("rollout_step_percentage", new ArrayList<Object>(steps));
      }
      if (rollout.activeGracePeriodSeconds() != null) {
        fields.put("rollout_active_grace_period", rollout.activeGracePeriodSeconds());
      }
    }
    if (s.rolloutKind() != null) {
      fields.put("rollout_kind", s.rolloutKind().wranglerValue());
    }
    if (s.schedulingPolicy() != null) {
      fields.put("scheduling_policy", s.schedulingPolicy().wranglerValue());
    }
    LinkedHashMap<String, Object> constraints = new LinkedHashMap<>();
    if (!s.regions().isEmpty()) {
      constraints.put(
          "regions", new ArrayList<Object>(s.regions().stream().map(Enum::name).toList()));
    }
    if (s.jurisdiction() != null) {
      constraints.put("jurisdiction", s.jurisdiction().wranglerValue());
    }
    if (!constraints.isEmpty()) {
      fields.put("constraints", constraints);
    }
    if (s.ssh() != null) {
      LinkedHashMap<String, Object> ssh = new LinkedHashMap<>();
      ssh.put("enabled", s.ssh().enabled());
      if (s.ssh().port() != null) {
        ssh.put("port", (long) s.ssh().port());
      }
      fields.put("ssh", ssh);
    }
    if (!s.authorizedKeys().isEmpty()) {
      fields.put("authorized_keys", sshKeys(s.authorizedKeys()));
    }
    if (!s.trustedUserCaKeys().isEmpty()) {
      fields.put("trusted_user_ca_keys", sshKeys(s.trustedUserCaKeys()));
    }
    // validated before: a key cfc writes or JSON that does not parse never gets here
    s.wranglerKeys().forEach((key, json) -> fields.put(key, RawKeys.parse(json)));
    return new ContainerEntry(fields);
  }

  private String containerName(ContainerDefinition definition, String env) {
    if (definition.containerName() != null) {
      return env == null
          ? definition.containerName()
          : definition.containerName() + "-" + Names.repositorySafe(env);
    }
    return Names.applicationName(workerName, definition.name(), env);
  }

  private String configRelative(Path path) {
    Path relative =
        configDir.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize());
    String text = relative.toString().replace('\\', '/');
    if (text.isEmpty()) {
      return ".";
    }
    return text.startsWith("../") ? text : "./" + text;
  }

  private static List<Object> sshKeys(List<SshKey> keys) {
    List<Object> elements = new ArrayList<>();
    for (SshKey key : keys) {
      LinkedHashMap<String, Object> element = new LinkedHashMap<>();
      if (key.name() != null) {
        element.put("name", key.name());
      }
      element.put("public_key", key.publicKey());
      elements.add(element);
    }
    return elements;
  }

  private static Map<String, Object> customType(InstanceType type) {
    LinkedHashMap<String, Object> table = new LinkedHashMap<>();
    double vcpu = type.vcpu();
    table.put("vcpu", vcpu == Math.rint(vcpu) ? (Object) (long) vcpu : (Object) vcpu);
    table.put("memory_mib", (long) type.memoryMib());
    table.put("disk_mb", (long) type.diskMb());
    return table;
  }
}

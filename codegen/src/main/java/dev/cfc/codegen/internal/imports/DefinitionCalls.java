package dev.cfc.codegen.internal.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.cfc.codegen.internal.wrangler.RawKeys;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Jurisdiction;
import dev.cfc.dsl.Region;
import dev.cfc.dsl.RolloutKind;
import dev.cfc.dsl.SchedulingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The DSL calls that write a group of keys of one {@code containers} entry exactly as the entry
 * has them: each group is one DSL setting, so that an environment override of it replaces the
 * top level's value as a whole, the way cfc writes environments.
 */
final class DefinitionCalls {

  static final ClassName IMAGE = ClassName.get("dev.cfc.dsl", "Image");
  private static final ClassName INSTANCE_TYPE = ClassName.get(InstanceType.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keys the DSL writes through calls of its own; any other key is written by wranglerKey. */
  static final Map<String, List<String>> GROUPS = groups();

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("image", List.of("image", "image_build_context"));
    groups.put("image_vars", List.of("image_vars"));
    groups.put("instance_type", List.of("instance_type"));
    groups.put("max_instances", List.of("max_instances"));
    groups.put("rollout", List.of("rollout_step_percentage", "rollout_active_grace_period"));
    groups.put("rollout_kind", List.of("rollout_kind"));
    groups.put("scheduling_policy", List.of("scheduling_policy"));
    groups.put("constraints", List.of("constraints"));
    groups.put("ssh", List.of("ssh"));
    groups.put("authorized_keys", List.of("authorized_keys"));
    groups.put("trusted_user_ca_keys", List.of("trusted_user_ca_keys"));
    return groups;
  }

  /** Keys cfc derives or keeps itself: never a call. */
  static final Set<String> NAMES = Set.of("class_name", "name");

  /** The calls, or why the DSL cannot write these values. */
  record Calls(List<CodeBlock> calls, String unexpressible) {
    static Calls of(CodeBlock... calls) {
      return new Calls(List.of(calls), null);
    }

    static Calls refused(String why) {
      return new Calls(List.of(), why);
    }

    boolean expressible() {
      return unexpressible == null;
    }
  }

  private final Path projectDir;
  private final Path configDir;

  /**
   * @param projectDir the project directory, which DSL image paths are relative to
   * @param configDir the config's directory, which its image paths are relative to
   */
  DefinitionCalls(Path projectDir, Path configDir) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.configDir = configDir.toAbsolutePath().normalize();
  }

  /** The group a key belongs to: its own for a key the DSL has no call for. */
  static String groupOf(String key) {
    for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
      if (group.getValue().contains(key)) {
        return group.getKey();
      }
    }
    return key;
  }

  /** The calls writing {@code values} (the keys of one group present in an entry). */
  Calls calls(String group, Map<String, Object> values) {
    return switch (group) {
      case "image" -> image(values);
      case "image_vars" -> buildArgs(values.get("image_vars"), null);
      case "instance_type" -> instanceType(values.get("instance_type"));
      case "max_instances" ->
        asInt(values.get("max_instances")) instanceof Integer n
            ? Calls.of(CodeBlock.of(".maxInstances($L)", n))
            : Calls.refused("max_instances is not a whole number");
      case "rollout" -> rollout(values);
      case "rollout_kind" -> rolloutKind(values.get("rollout_kind"));
      case "scheduling_policy" -> schedulingPolicy(values.get("scheduling_policy"));
      case "constraints" -> constraints(values.get("constraints"));
      case "ssh" -> ssh(values.get("ssh"));
      case "authorized_keys" -> sshKeys("authorizedKey", values.get("authorized_keys"), true);
      case "trusted_user_ca_keys" ->
        sshKeys("trustedUserCaKey", values.get("trusted_user_ca_keys"), false);
      default -> rawKey(group, values.get(group));
    };
  }

  /**
   * The {@code buildArg} calls of an environment whose {@code image_vars} differ from the top
   * level's: build args merge key by key, so the environment can add and change keys but not drop
   * one.
   */
  Calls buildArgs(Object vars, Object base) {
    if (!(vars instanceof Map<?, ?> map)) {
      return Calls.refused("image_vars is not a table of strings");
    }
    Map<?, ?> baseMap = base instanceof Map<?, ?> b ? b : Map.of();
    if (!map.keySet().containsAll(baseMap.keySet())) {
      return Calls.refused("this environment's image_vars leave out a key the top level sets, and"
          + " an environment override can only add or change build args");
    }
    List<CodeBlock> calls = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String value)) {
        return Calls.refused("image_vars." + e.getKey() + " is not a string");
      }
      if (!value.equals(baseMap.get(e.getKey()))) {
        calls.add(CodeBlock.of(".buildArg($S, $S)", String.valueOf(e.getKey()), value));
      }
    }
    return new Calls(calls, null);
  }

  private Calls image(Map<String, Object> values) {
    if (!(values.get("image") instanceof String image)) {
      return Calls.refused(
          values.containsKey("image") ? "image is not a string" : "the entry has no image");
    }
    Object context = values.get("image_build_context");
    if (context != null && !(context instanceof String)) {
      return Calls.refused("image_build_context is not a string");
    }
    if (!isBuild(image)) {
      if (context != null) {
        return Calls.refused("image_build_context is set on the registry image " + image);
      }
      return Calls.of(CodeBlock.of(".image($T.registry($S))", IMAGE, image));
    }
    CodeBlock build = CodeBlock.of("$T.build($S)", IMAGE, projectRelative(image));
    if (context != null) {
      build = CodeBlock.of("$L.context($S)", build, projectRelative((String) context));
    }
    return Calls.of(CodeBlock.of(".image($L)", build));
  }

  /**
   * As wrangler decides it: a path to an existing file is a Dockerfile to build; otherwise a
   * value that looks like a reference (a tag or digest in its last segment) is pulled, and
   * anything else is a Dockerfile that is missing, which validation then reports.
   */
  private boolean isBuild(String image) {
    try {
      if (Files.isRegularFile(configDir.resolve(image))) {
        return true;
      }
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    return !(last.contains(":") || image.contains("@")) || image.startsWith(".");
  }

  private String projectRelative(String configPath) {
    Path resolved = configDir.resolve(configPath).normalize();
    String relative = projectDir.relativize(resolved).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }

  private static Calls instanceType(Object value) {
    if (value instanceof String name) {
      String constant = switch (name) {
        case "lite", "dev" -> "LITE";
        case "basic" -> "BASIC";
        case "standard-1", "standard" -> "STANDARD_1";
        case "standard-2" -> "STANDARD_2";
        case "standard-3" -> "STANDARD_3";
        case "standard-4" -> "STANDARD_4";
        default -> null;
      };
      return constant == null
          ? Calls.refused("instance_type \"" + name + "\" is no instance type cfc knows")
          : Calls.of(CodeBlock.of(".instanceType($T.$L)", INSTANCE_TYPE, constant));
    }
    if (value instanceof Map<?, ?> table
        && table.keySet().equals(Set.of("vcpu", "memory_mib", "disk_mb"))
        && table.get("vcpu") instanceof Number vcpu
        && asInt(table.get("memory_mib")) instanceof Integer memory
        && asInt(table.get("disk_mb")) instanceof Integer disk) {
      String cpu = vcpu instanceof Long ? vcpu.toString() : Double.toString(vcpu.doubleValue());
      return Calls.of(
          CodeBlock.of(".instanceType($T.custom($L, $L, $L))", INSTANCE_TYPE, cpu, memory, disk));
    }
    return Calls.refused("instance_type is neither a named type nor { vcpu, memory_mib, disk_mb }");
  }

  private static Calls rollout(Map<String, Object> values) {
    Object steps = values.get("rollout_step_percentage");
    Object grace = values.get("rollout_active_grace_period");
    if (grace != null && !(grace instanceof Long)) {
      return Calls.refused("rollout_active_grace_period is not a whole number");
    }
    if (steps == null) {
      return Calls.of(CodeBlock.of(".rolloutGracePeriod($L)", grace));
    }
    if (asInt(steps) instanceof Integer step) {
      return Calls.of(
          grace == null
              ? CodeBlock.of(".rollout($L)", step)
              : CodeBlock.of(".rollout($L, $L)", step, grace));
    }
    if (steps instanceof List<?> list && !list.isEmpty()) {
      List<String> ints = new ArrayList<>();
      for (Object s : list) {
        if (!(asInt(s) instanceof Integer step)) {
          return Calls.refused("rollout_step_percentage holds something other than numbers");
        }
        ints.add(step.toString());
      }
      CodeBlock call = CodeBlock.of(".rolloutSteps($L)", String.join(", ", ints));
      return grace == null
          ? Calls.of(call)
          : Calls.of(call, CodeBlock.of(".rolloutGracePeriod($L)", grace));
    }
    return Calls.refused("rollout_step_percentage is neither a number nor an array of numbers");
  }

  private static Calls rolloutKind(Object value) {
    for (RolloutKind kind : RolloutKind.values()) {
      if (kind.wranglerValue().equals(value)) {
        return Calls.of(CodeBlock.of(".rolloutKind($T.$L)", RolloutKind.class, kind.name()));
      }
    }
    return Calls.refused("rollout_kind " + value + " is none of full_auto, full_manual, none");
  }

  private static Calls schedulingPolicy(Object value) {
    for (SchedulingPolicy policy : SchedulingPolicy.values()) {
      if (policy.wranglerValue().equals(value)) {
        return Calls.of(
            CodeBlock.of(".schedulingPolicy($T.$L)", SchedulingPolicy.class, policy.name()));
      }
    }
    return Calls.refused("scheduling_policy " + value + " is none of default, moon, regional");
  }

  private static Calls constraints(Object value) {
    if (!(value instanceof Map<?, ?> table)
        || !Set.of("regions", "jurisdiction").containsAll(table.keySet())
        || table.isEmpty()) {
      return Calls.refused("constraints holds keys other than regions and jurisdiction");
    }
    List<CodeBlock> calls = new ArrayList<>();
    if (table.containsKey("regions")) {
      if (!(table.get("regions") instanceof List<?> regions) || regions.isEmpty()) {
        return Calls.refused("constraints.regions is not a list of regions");
      }
      List<CodeBlock> constants = new ArrayList<>();
      for (Object region : regions) {
        Region known = region instanceof String s ? regionNamed(s) : null;
        if (known == null) {
          return Calls.refused("constraints.regions holds " + region + ", no region cfc knows");
        }
        constants.add(CodeBlock.of("$T.$L", Region.class, known.name()));
      }
      calls.add(CodeBlock.of(".regions($L)", CodeBlock.join(constants, ", ")));
    }
    if (table.containsKey("jurisdiction")) {
      Jurisdiction known = null;
      for (Jurisdiction j : Jurisdiction.values()) {
        if (j.wranglerValue().equals(table.get("jurisdiction"))) {
          known = j;
        }
      }
      if (known == null) {
        return Calls.refused(
            "constraints.jurisdiction " + table.get("jurisdiction") + " is neither eu nor fedramp");
      }
      calls.add(CodeBlock.of(".jurisdiction($T.$L)", Jurisdiction.class, known.name()));
    }
    return new Calls(calls, null);
  }

  private static Region regionNamed(String name) {
    for (Region region : Region.values()) {
      if (region.name().equals(name)) {
        return region;
      }
    }
    return null;
  }

  private static Calls ssh(Object value) {
    if (value instanceof Map<?, ?> table
        && table.get("enabled") instanceof Boolean enabled
        && Set.of("enabled", "port").containsAll(table.keySet())) {
      if (!table.containsKey("port")) {
        return Calls.of(CodeBlock.of(".ssh($L)", enabled));
      }
      if (asInt(table.get("port")) instanceof Integer port) {
        return Calls.of(CodeBlock.of(".ssh($L, $L)", enabled, port));
      }
    }
    return Calls.refused("ssh is not { enabled, port }");
  }

  private static Calls sshKeys(String method, Object value, boolean nameRequired) {
    if (!(value instanceof List<?> keys) || keys.isEmpty()) {
      return Calls.refused("it is not a list of { name, public_key }");
    }
    List<CodeBlock> calls = new ArrayList<>();
    for (Object key : keys) {
      if (!(key instanceof Map<?, ?> table)
          || !Set.of("name", "public_key").containsAll(table.keySet())
          || !(table.get("public_key") instanceof String publicKey)) {
        return Calls.refused("an element is not { name, public_key }");
      }
      Object name = table.get("name");
      if (name instanceof String n) {
        calls.add(CodeBlock.of(".$L($S, $S)", method, n, publicKey));
      } else if (name == null && !nameRequired) {
        calls.add(CodeBlock.of(".$L($S)", method, publicKey));
      } else {
        return Calls.refused("an element has no name");
      }
    }
    return new Calls(calls, null);
  }

  /**
   * {@code wranglerKey(key, json)} for a key the DSL has no call for, when its validation would
   * pass: a key with a DSL call of its own (an old spelling such as {@code instances}), a value
   * wrangler refuses or a key wrangler does not know stay as written instead.
   */
  private static Calls rawKey(String key, Object value) {
    if (RawKeys.dslCallFor(key) != null) {
      return Calls.refused(
          key + " is an older spelling of what " + RawKeys.dslCallFor(key) + " writes");
    }
    if (!RawKeys.knownToWrangler(key)) {
      return Calls.refused("wrangler 4.86 does not know " + key);
    }
    String problem = RawKeys.shapeProblem(key, value);
    if (problem != null) {
      return Calls.refused("wrangler 4.86 refuses its value: " + problem);
    }
    try {
      return Calls.of(CodeBlock.of(".wranglerKey($S, $S)", key, JSON.writeValueAsString(value)));
    } catch (JsonProcessingException e) {
      return Calls.refused("its value has no JSON form");
    }
  }

  private static Object asInt(Object value) {
    if (value instanceof Long n && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    return null;
  }

  /** A definition name for a class: {@code MyContainer} → {@code my}, {@code Sandbox} → {@code sandbox}. */
  static String definitionName(String className) {
    String base = className.endsWith("Container") && className.length() > "Container".length()
        ? className.substring(0, className.length() - "Container".length())
        : className;
    StringBuilder name = new StringBuilder();
    boolean upperNext = false;
    for (char c : base.toCharArray()) {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        name.append(upperNext ? Character.toUpperCase(c) : c);
        upperNext = false;
      } else {
        upperNext = name.length() > 0;
      }
    }
    String text = name.toString();
    if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
      text = "container" + text;
    }
    // lower-case the leading capital run except the last capital before a lower-case letter
    int run = 0;
    while (run < text.length() && Character.isUpperCase(text.charAt(run))) {
      run++;
    }
    int lower = run > 1 && run < text.length() ? run - 1 : run;
    return text.substring(0, lower).toLowerCase(Locale.ROOT) + text.substring(lower);
  }
}

package dev.cfc.codegen.internal.validate;

import dev.cfc.codegen.AccountLimits;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.BuildPaths;
import dev.cfc.codegen.internal.model.Names;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import dev.cfc.dsl.ReadinessBudget;
import dev.cfc.dsl.Rollout;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import dev.cfc.dsl.TimeValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs every validation rule over the definitions, at the top level and in each environment, and
 * returns all findings at once, de-duplicated and sorted.
 */
public final class Validator {

  /** Egress features need at least this {@code compatibility_date}. */
  public static final String EGRESS_COMPATIBILITY_DATE = "2025-11-17";

  private static final Pattern DEFINITION_NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DURATION = Pattern.compile("\\d+[smh]");
  private static final Pattern HOST = Pattern.compile(
      "(\\*\\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern REGISTRY_REFERENCE = Pattern.compile(
      "[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\\d+)?(?:\\.[a-z0-9-]+)*"
          + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})");

  private final AccountLimits limits;
  private final Path projectDir;
  private final SourceResolver resolver;
  private final List<String> environments;
  private final List<String> maintained;
  private final ConfigFacts config;
  private final Set<Diagnostic> found = new LinkedHashSet<>();

  /**
   * @param projectDir project directory, for {@code Image.build} paths
   * @param resolver maps DSL source locations to printed locations
   * @param environments the environments cfc maintains (from {@code cfc.toml})
   * @param config facts of the wrangler config, or null to skip the cross-checks
   */
  public Validator(Path projectDir, SourceResolver resolver, List<String> environments,
      ConfigFacts config) {
    this(projectDir, resolver, environments, environments, config, AccountLimits.PUBLISHED);
  }

  /**
   * @param environments the environments this run checks ({@code --env} narrows them)
   * @param maintained every environment {@code cfc.toml} lists, for the overrides check
   * @param limits the largest custom instance type the account may run
   */
  public Validator(Path projectDir, SourceResolver resolver, List<String> environments,
      List<String> maintained, ConfigFacts config, AccountLimits limits) {
    this.limits = limits;
    this.projectDir = projectDir;
    this.resolver = resolver;
    this.environments = List.copyOf(environments);
    this.maintained = List.copyOf(maintained);
    this.config = config;
  }

  /** All findings for these definitions, sorted by file and line. */
  public List<Diagnostic> validate(List<ContainerDefinition> definitions) {
    found.clear();
    checkNames(definitions);
    found.addAll(new NameOverrideRules(resolver).check(definitions));
    for (ContainerDefinition definition : definitions) {
      checkDefinitionLevel(definition);
      checkScope(definition, null, definition.settingsFor(null));
      for (String env : environments) {
        checkScope(definition, env, definition.settingsFor(env));
      }
    }
    if (config != null) {
      checkWorkerName(definitions);
    }
    List<Diagnostic> sorted = new ArrayList<>(found);
    sorted.sort(Diagnostic.ORDER);
    return sorted;
  }

  private void error(String code, SourceLocation where, String message, String hint) {
    found.add(Diagnostic.error(code, resolver.resolve(where), message, hint));
  }

  private void warning(String code, SourceLocation where, String message, String hint) {
    found.add(Diagnostic.warning(code, resolver.resolve(where), message, hint));
  }

  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  // --- names ------------------------------------------------------------------------------

  private void checkNames(List<ContainerDefinition> definitions) {
    Map<String, ContainerDefinition> byClass = new HashMap<>();
    Map<String, ContainerDefinition> byBinding = new HashMap<>();
    for (ContainerDefinition definition : definitions) {
      String name = definition.name();
      if (!DEFINITION_NAME.matcher(name).matches()) {
        error("CFC001", definition.where(),
            "container name " + quote(name) + " must match ^[a-z][a-zA-Z0-9]*$",
            "use lower camelCase, for example Container.define(\"" + suggestName(name) + "\")");
        continue;
      }
      if (name.length() > Names.MAX_DEFINITION_NAME) {
        error("CFC001", definition.where(), "container name " + quote(name.substring(0, 20) + "…")
                + " is " + name.length() + " characters long; at most "
                + Names.MAX_DEFINITION_NAME + " are allowed",
            "choose a shorter name: it becomes generated file names, a class, a binding and"
                + " the container application name");
        continue;
      }
      checkApplicationName(definition);
      if (Names.RESERVED.contains(name)) {
        error("CFC002", definition.where(),
            "container name " + quote(name) + " is a reserved word in JavaScript or TypeScript",
            "choose another name, for example Container.define(\"" + name + "App\")");
        continue;
      }
      String className = Names.className(definition);
      String binding = Names.bindingName(definition);
      ContainerDefinition earlier = byClass.putIfAbsent(className, definition);
      if (earlier == null) {
        earlier = byBinding.putIfAbsent(binding, definition);
      } else {
        byBinding.putIfAbsent(binding, definition);
      }
      if (earlier != null) {
        error("CFC003", definition.where(),
            "container " + quote(name) + " clashes with " + quote(earlier.name())
                + " (defined at " + resolver.resolve(earlier.where()).render()
                + "): both become class " + Names.className(earlier) + " or binding "
                + Names.bindingName(earlier),
            "rename one of them, or set .className(\"…\") or .binding(\"…\") on one, so that"
                + " their class and binding names differ");
      }
    }
  }

  /**
   * wrangler tags a Dockerfile build with the application name, and Docker refuses a repository
   * name with upper case or other characters; so a name the definition sets must be one.
   */
  private void checkApplicationName(ContainerDefinition definition) {
    String name = definition.containerName();
    if (name == null || Names.isRepositoryName(name)) {
      return;
    }
    String fixed = Names.repositorySafe(name);
    SourceLocation where = definition.sources().getOrDefault("containerName",
        definition.where());
    error("CFC007", where, "container application name " + quote(name)
            + " is not valid as an image repository name, which wrangler tags the build with",
        "use lower-case letters, digits and dashes, at most " + Names.MAX_APPLICATION_NAME
            + " characters" + (fixed.isEmpty() ? "" : ", for example .containerName(\"" + fixed
            + "\")"));
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static String parentOf(String path) {
    int slash = path.replace('\\', '/').lastIndexOf('/');
    return slash <= 0 ? "." : path.substring(0, slash);
  }

  private static String suggestName(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9]+(.)?", "$1");
    StringBuilder out = new StringBuilder();
    boolean upperNext = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) || c > 127) {
        upperNext = out.length() > 0;
        continue;
      }
      out.append(upperNext ? Character.toUpperCase(c) : c);
      upperNext = false;
    }
    String s = out.length() == 0 ? cleaned : out.toString();
    while (!s.isEmpty() && !Character.isLetter(s.charAt(0))) {
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      return "app";
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private void checkDefinitionLevel(ContainerDefinition definition) {
    for (UnpairedSurrogates.Found bad : UnpairedSurrogates.in(definition)) {
      error("CFC091", bad.where() != null ? bad.where() : definition.where(),
          bad.setting() + " of container " + quote(definition.name()) + " holds half of a"
              + " surrogate pair (\\u" + String.format("%04X", (int) bad.value().charAt(
                  bad.index())) + " at offset " + bad.index() + "), which is not Unicode text"
              + " and has no UTF-8 form",
          "write the character whole (\"\\uD83D\\uDE00\" or Character.toString(0x1F600)),"
              + " or remove the stray half");
    }
    String renamedFrom = definition.renamedFrom();
    if (renamedFrom != null) {
      SourceLocation at = definition.sources().getOrDefault("renamedFrom", definition.where());
      if (Names.isClassReference(renamedFrom)) {
        // A previous class, not a definition name: NameOverrideRules checks it.
      } else if (!DEFINITION_NAME.matcher(renamedFrom).matches()) {
        error("CFC004", at, "renamedFrom " + quote(renamedFrom)
            + " is not a valid container name", "give the previous definition name exactly");
      } else if (renamedFrom.equals(definition.name())) {
        error("CFC004", at, "container " + quote(renamedFrom) + " is renamed from itself",
            "remove renamedFrom(\"" + renamedFrom + "\")");
      }
    }
    for (Map.Entry<String, Settings> override : definition.environments().entrySet()) {
      String env = override.getKey();
      checkOverrideReachesWrangler(definition, env, override.getValue());
      if (!maintained.contains(env)) {
        warning("CFC005",
            definition.sources().getOrDefault("environment." + env, definition.where()),
            "container " + quote(definition.name()) + " overrides environment " + quote(env)
                + ", which cfc.toml does not list, so the override is not written anywhere",
            "add \"" + env + "\" to environments in cfc.toml, or remove the override");
      }
    }
  }

  /**
   * The generated Container class is one class shared by every environment, so only what is
   * written into the environment's wrangler entry can differ per environment.
   */
  private void checkOverrideReachesWrangler(ContainerDefinition definition, String env,
      Settings override) {
    override.sources().forEach((key, where) -> {
      String setting = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      if (!PER_ENVIRONMENT.contains(setting)) {
        error("CFC006", where, "environment " + quote(env) + " overrides " + setting
                + " of container " + quote(definition.name()) + ", but " + setting
                + " lives in the generated Container class, which every environment shares",
            "set it on the container itself; per environment cfc can change image, buildArg,"
                + " instanceType, maxInstances and rollout (the wrangler entry)");
      }
    });
  }

  /** Settings written into each environment's own wrangler {@code containers} entry. */
  private static final Set<String> PER_ENVIRONMENT = Set.of("image", "buildArgs",
      "instanceType", "maxInstances", "rollout");

  // --- per scope --------------------------------------------------------------------------

  private void checkScope(ContainerDefinition definition, String env, Settings s) {
    checkImage(definition, env, s);
    checkPorts(definition, s);
    checkInstances(definition, s);
    checkDurations(definition, s);
    checkVariables(definition, env, s);
    checkEgress(definition, s);
    checkProbes(definition, s);
    checkRollout(definition, s);
    checkLabels(definition, s);
  }

  /**
   * Label keys name a dimension in metrics and logs: a blank key, or one with surrounding
   * whitespace or control characters, names nothing anyone can query.
   */
  private void checkLabels(ContainerDefinition definition, Settings s) {
    for (String key : s.labels().keySet()) {
      boolean blank = key.isBlank();
      boolean untidy = !key.equals(key.strip())
          || key.chars().anyMatch(Character::isISOControl);
      if (blank || untidy) {
        error("CFC044", at(definition, s, "labels." + key), "label key " + quote(key)
                + (blank ? " is blank" : " has surrounding whitespace or control characters"),
            blank ? "name the label, for example .label(\"team\", \"media\")"
                : "use " + quote(key.strip().replaceAll("\\p{Cntrl}", "")));
      }
    }
  }

  private SourceLocation at(ContainerDefinition definition, Settings s, String key) {
    SourceLocation where = s.sourceOf(key);
    return where != null ? where : definition.where();
  }

  private void checkImage(ContainerDefinition definition, String env, Settings s) {
    Image image = s.image();
    if (image == null) {
      error("CFC080", definition.where(), "container " + quote(definition.name())
          + " has no image" + (env == null ? "" : " in environment " + quote(env)),
          "add .image(Image.build(\"containers/" + definition.name()
              + "\")) or .image(Image.registry(\"registry.cloudflare.com/<account>/"
              + definition.name() + ":1.0\"))");
      return;
    }
    if (image instanceof Image.Build build) {
        BuildPaths paths;
        try {
          paths = BuildPaths.of(projectDir, build);
        } catch (java.nio.file.InvalidPathException e) {
          error("CFC081", build.where(), "image build path " + quote(build.path())
              + (build.dockerfile() == null ? "" : " with Dockerfile " + quote(build.dockerfile()))
              + " is not a valid path: " + e.getReason(), "use a plain relative path such as"
              + " \"containers/app\"");
          return;
        }
        if (!Files.exists(paths.path())) {
          error("CFC081", build.where(), "image build path " + quote(build.path())
              + " does not exist (relative to the project directory)",
              "create the directory with a Dockerfile, or fix the path");
        } else if (paths.dockerfileConflict()) {
          error("CFC081", build.where(), "image build path " + quote(build.path())
              + " is a file, so .dockerfile(" + quote(build.dockerfile())
              + ") has no directory to name it in",
              "build from the directory, Image.build(\"" + parentOf(build.path())
                  + "\").dockerfile(" + quote(build.dockerfile()) + "), or name the file alone");
        } else if (!Files.isRegularFile(paths.dockerfile())) {
          error("CFC081", build.where(), "no Dockerfile at " + quote(
                  resolver.display(paths.dockerfile())),
              "add a Dockerfile there, or name it with Image.build(\"" + build.path()
                  + "\").dockerfile(\"Dockerfile.prod\")");
        }
        if (paths.context() != null && !Files.isDirectory(paths.context())) {
          error("CFC081", build.where(), "image build context " + quote(build.context())
              + " is not a directory", "give a directory relative to the project");
        }
    } else if (image instanceof Image.Registry registry) {
        if (!REGISTRY_REFERENCE.matcher(registry.reference()).matches()) {
          error("CFC082", registry.where(), "image reference " + quote(registry.reference())
                  + " does not look like host/repository:tag or host/repository@sha256:<digest>",
              "for example Image.registry(\"registry.cloudflare.com/acme/app:1.4\")");
        }
        for (String arg : s.buildArgs().keySet()) {
          if (env != null && !setInOverride(definition, env, arg)) {
            // The environment swapped a built image for a registry one: the container's build
            // args belong to the build and simply do not apply there.
            continue;
          }
          error("CFC083", at(definition, s, "buildArgs." + arg), "build arg " + quote(arg)
                  + " is set, but the image " + quote(registry.reference())
                  + " is pulled from a registry and never built",
              "remove .buildArg(\"" + arg + "\", …) or use Image.build(...)");
        }
    }
  }

  private static boolean setInOverride(ContainerDefinition definition, String env, String arg) {
    Settings override = definition.environments().get(env);
    return override != null && override.buildArgs().containsKey(arg);
  }

  private void checkPort(ContainerDefinition definition, SourceLocation where, String what,
      int port) {
    if (port < 1 || port > 65535) {
      error("CFC010", where, what + " " + port + " is outside 1-65535",
          "use a TCP port between 1 and 65535, for example 8080");
    }
  }

  private void checkPorts(ContainerDefinition definition, Settings s) {
    if (s.defaultPort() != null) {
      checkPort(definition, at(definition, s, "defaultPort"), "defaultPort", s.defaultPort());
    }
    SourceLocation requiredAt = at(definition, s, "requiredPorts");
    if (s.requiredPorts().isEmpty() && s.sourceOf("requiredPorts") != null) {
      error("CFC011", requiredAt, "requiredPorts() is empty",
          "list at least one port, for example .requiredPorts(8080), or remove the call");
    }
    Set<Integer> seen = new HashSet<>();
    for (int port : s.requiredPorts()) {
      checkPort(definition, requiredAt, "required port", port);
      if (!seen.add(port)) {
        error("CFC011", requiredAt, "requiredPorts lists port " + port + " twice",
            "list each port once");
      }
    }
    if (s.defaultPort() != null && !s.requiredPorts().isEmpty()
        && !s.requiredPorts().contains(s.defaultPort())) {
      error("CFC012", at(definition, s, "defaultPort"), "defaultPort " + s.defaultPort()
              + " is not one of requiredPorts " + s.requiredPorts(),
          "add it: .requiredPorts(" + s.defaultPort() + joinPorts(s.requiredPorts()) + ")");
    }
    for (Probe probe : s.probes()) {
      if (probe.port() == null) {
        continue;
      }
      checkPort(definition, probe.where(), "probe port", probe.port());
      boolean listens = s.requiredPorts().contains(probe.port())
          || probe.port().equals(s.defaultPort());
      if (!listens) {
        error("CFC013", probe.where(), "probe " + quote(probe.path()) + " uses port "
                + probe.port() + ", which the container does not listen on",
            "add it to .requiredPorts(...) or probe the default port");
      }
    }
  }

  private static String joinPorts(List<Integer> ports) {
    StringBuilder out = new StringBuilder();
    for (int port : ports) {
      out.append(", ").append(port);
    }
    return out.toString();
  }

  private void checkInstances(ContainerDefinition definition, Settings s) {
    if (s.maxInstances() != null && s.maxInstances() < 1) {
      error("CFC020", at(definition, s, "maxInstances"), "maxInstances " + s.maxInstances()
          + " must be at least 1", "use .maxInstances(1) or more");
    }
    InstanceType type = s.instanceType();
    if (type == null || !type.custom()) {
      return;
    }
    SourceLocation where = at(definition, s, "instanceType");
    String shown = "custom(" + type.vcpu() + ", " + type.memoryMib() + ", " + type.diskMb() + ")";
    String raise = limits.published()
        ? "; if your account's limits were raised, declare them in cfc.toml: [account-limits]"
        : "";
    if (Double.isNaN(type.vcpu()) || type.vcpu() < 1) {
      error("CFC021", where, "instance type " + shown + " has " + type.vcpu()
              + " vCPU; custom types need 1 to " + number(limits.vcpu()),
          "for less than one vCPU use InstanceType.LITE (1/16), BASIC (1/4) or STANDARD_1 (1/2)");
    } else if (type.vcpu() > limits.vcpu()) {
      error("CFC021", where, "instance type " + shown + " has " + type.vcpu()
          + " vCPU; custom types allow at most " + number(limits.vcpu())
          + (limits.published() ? "" : " (the account limits in cfc.toml)"),
          "use at most " + number(limits.vcpu()) + " vCPU" + (limits.published()
              ? " (InstanceType.STANDARD_4)" + raise + " vcpu = <n>" : ""));
    }
    if (type.memoryMib() > limits.memoryMib()) {
      error("CFC022", where, "instance type " + shown + " has " + type.memoryMib()
          + " MiB memory; the limit is " + limits.memoryMib() + " MiB",
          "use at most " + limits.memoryMib() + " MiB" + (raise.isEmpty() ? ""
              : raise + " memory-mib = <n>"));
    } else if (!Double.isNaN(type.vcpu()) && type.vcpu() >= 1
        && type.memoryMib() < 3072 * type.vcpu()) {
      error("CFC022", where, "instance type " + shown + " has " + type.memoryMib()
              + " MiB memory; " + type.vcpu() + " vCPU need at least "
              + (long) Math.ceil(3072 * type.vcpu()) + " MiB (3072 MiB per vCPU)",
          "raise memoryMib to " + (long) Math.ceil(3072 * type.vcpu()) + " or lower vcpu");
    }
    long diskLimit = Math.min(limits.diskMb(), (long) Math.floor(type.memoryMib() / 1024.0 * 2000));
    if (type.diskMb() > diskLimit || type.diskMb() < 1) {
      error("CFC023", where, "instance type " + shown + " has " + type.diskMb()
              + " MB disk; with " + type.memoryMib() + " MiB memory the limit is " + diskLimit
              + " MB (2000 MB per GiB of memory, " + limits.diskMb() + " MB at most)",
          "use a disk size between 1 and " + diskLimit + " MB" + (raise.isEmpty()
              || diskLimit < limits.diskMb() ? "" : raise + " disk-mb = <n>"));
    }
  }

  private void checkDurations(ContainerDefinition definition, Settings s) {
    long sleep = checkDuration(definition, s, "sleepAfter", s.sleepAfter());
    long hard = checkDuration(definition, s, "hardTimeout", s.hardTimeout());
    if (sleep > 0 && hard > 0 && hard < sleep) {
      warning("CFC032", at(definition, s, "hardTimeout"), "hardTimeout " + s.hardTimeout()
              + " is shorter than sleepAfter " + s.sleepAfter()
              + ", so the container is stopped before it would ever go idle",
          "raise hardTimeout above " + s.sleepAfter() + " or lower sleepAfter");
    }
    ReadinessBudget budget = s.readinessBudget();
    if (budget != null) {
      SourceLocation where = at(definition, s, "readinessBudget");
      if (budget.timeout().isNegative() || budget.timeout().isZero()
          || budget.poll().isNegative() || budget.poll().isZero()) {
        error("CFC033", where, "readinessBudget(" + budget.timeout() + ", " + budget.poll()
            + ") must have a positive timeout and poll interval",
            "for example .readinessBudget(Duration.ofSeconds(30), Duration.ofMillis(500))");
      } else if (budget.poll().compareTo(budget.timeout()) > 0) {
        error("CFC033", where, "readiness poll interval " + budget.poll()
                + " is longer than the budget " + budget.timeout(),
            "poll more often than the budget, for example every 500 ms");
      }
    }
  }

  private long checkDuration(ContainerDefinition definition, Settings s, String key,
      TimeValue value) {
    if (value == null) {
      return -1;
    }
    SourceLocation where = at(definition, s, key);
    if (!DURATION.matcher(value.text()).matches() || value.seconds() < 0) {
      error("CFC030", where, key + " " + quote(value.text())
              + " is not a duration: use <number><s|m|h>, a Duration or whole seconds",
          "for example ." + key + "(\"5m\")");
      return -1;
    }
    if (value.seconds() < 1) {
      error("CFC031", where, key + " " + quote(value.text()) + " must be at least 1s",
          "use a positive duration such as ." + key + "(\"30s\"), or remove the call");
      return -1;
    }
    return value.seconds();
  }

  private void checkVariables(ContainerDefinition definition, String env, Settings s) {
    Map<String, String> kindByName = new HashMap<>();
    for (String name : s.env().keySet()) {
      checkVariableName(definition, s, "env", name);
      kindByName.put(name, "env");
    }
    for (String name : s.secrets()) {
      checkVariableName(definition, s, "secrets", name);
      String other = kindByName.putIfAbsent(name, "secrets");
      if (other != null) {
        duplicateVariable(definition, s, name, other, "secrets");
      }
    }
    for (Map.Entry<String, String> entry : s.secretsStore().entrySet()) {
      String name = entry.getKey();
      checkVariableName(definition, s, "secretsStore", name);
      String other = kindByName.putIfAbsent(name, "secretsStore");
      if (other != null) {
        duplicateVariable(definition, s, name, other, "secretsStore");
      }
      String binding = entry.getValue();
      SourceLocation where = at(definition, s, "secretsStore." + name);
      if (!VARIABLE_NAME.matcher(binding).matches()) {
        error("CFC042", where, "Secrets Store binding " + quote(binding)
                + " is not a valid binding name",
            "binding names match ^[A-Za-z_][A-Za-z0-9_]*$, for example STRIPE_SECRET");
      } else if (config != null) {
        checkSecretsStoreDeclared(env, binding, where);
      }
    }
    for (String name : s.buildArgs().keySet()) {
      checkVariableName(definition, s, "buildArgs", name);
    }
  }

  private void checkSecretsStoreDeclared(String env, String binding, SourceLocation where) {
    String scope = env == null ? "" : env;
    List<String> declared = config.secretsStoreBindings().getOrDefault(scope, List.of());
    if (declared.contains(binding)) {
      return;
    }
    String snippet;
    if (jsonConfig()) {
      String entry = "{ \"binding\": \"" + binding + "\", \"store_id\": \"<your store id>\","
          + " \"secret_name\": \"<secret name>\" }";
      snippet = (env == null ? "" : "in \"env\": { \"" + env + "\": { … } }, ")
          + "add to \"secrets_store_secrets\":\n" + entry;
    } else {
      String table = env == null ? "[[secrets_store_secrets]]"
          : "[[env." + env + ".secrets_store_secrets]]";
      snippet = "add to " + config.configFile() + ":\n" + table + "\nbinding = \"" + binding
          + "\"\nstore_id = \"<your store id>\"\nsecret_name = \"<secret name>\"";
    }
    error("CFC043", where, "Secrets Store binding " + quote(binding) + " is not declared in "
            + config.configFile() + (env == null ? "" : " for environment " + quote(env)),
        snippet);
  }

  private void checkVariableName(ContainerDefinition definition, Settings s, String kind,
      String name) {
    if (!VARIABLE_NAME.matcher(name).matches()) {
      String fixed = name.replaceAll("[^A-Za-z0-9_]", "_");
      if (fixed.isEmpty() || Character.isDigit(fixed.charAt(0))) {
        fixed = "_" + fixed;
      }
      error("CFC040", at(definition, s, kind + "." + name), kindLabel(kind) + " name "
              + quote(name) + " must match ^[A-Za-z_][A-Za-z0-9_]*$",
          "rename it, for example " + quote(fixed));
    }
  }

  private static String kindLabel(String kind) {
    return switch (kind) {
      case "env" -> "env";
      case "secrets" -> "secret";
      case "secretsStore" -> "Secrets Store variable";
      default -> "build arg";
    };
  }

  private void duplicateVariable(ContainerDefinition definition, Settings s, String name,
      String first, String second) {
    error("CFC041", at(definition, s, second + "." + name), "variable " + quote(name)
            + " is set by both " + first + "(...) and " + second
            + "(...); the container would see only one of them",
        "keep it in one of env, secrets or secretsStore");
  }

  private void checkEgress(ContainerDefinition definition, Settings s) {
    checkHosts(definition, s, "allowedHosts", s.allowedHosts());
    checkHosts(definition, s, "deniedHosts", s.deniedHosts());
    for (String host : s.allowedHosts()) {
      if (s.deniedHosts().contains(host)) {
        error("CFC051", at(definition, s, "deniedHosts." + host), "host " + quote(host)
                + " is both allowed and denied",
            "remove it from one list (deny wins, so the allow entry does nothing)");
      }
    }
    boolean internet = s.enableInternet() == null || s.enableInternet();
    boolean intercept = s.interceptHttps() != null && s.interceptHttps();
    if (!s.allowedHosts().isEmpty() && internet && !intercept) {
      warning("CFC052", at(definition, s, "allowedHosts." + s.allowedHosts().get(0)),
          "allowedHosts has no effect while the container can reach the whole internet",
          "add .enableInternet(false) to allow only these hosts, or .interceptHttps(true)");
    }
    if (config != null && usesEgress(s) && config.compatibilityDate() != null
        && config.compatibilityDate().compareTo(EGRESS_COMPATIBILITY_DATE) < 0) {
      SourceLocation where = s.sourceOf("egress") != null ? s.sourceOf("egress")
          : firstEgressSource(definition, s);
      found.add(Diagnostic.error("CFC053", resolver.resolve(where), "container "
              + quote(definition.name()) + " uses egress rules, which need compatibility_date "
              + EGRESS_COMPATIBILITY_DATE + " or later; " + config.configFile() + " has "
              + config.compatibilityDate() + " (at "
              + config.compatibilityDateAt().render() + ")",
          "set " + keyValue("compatibility_date", EGRESS_COMPATIBILITY_DATE) + " or later in "
              + config.configFile()));
    }
  }

  static boolean usesEgress(Settings s) {
    return !s.allowedHosts().isEmpty() || !s.deniedHosts().isEmpty()
        || Boolean.TRUE.equals(s.interceptHttps()) || Boolean.FALSE.equals(s.enableInternet());
  }

  private SourceLocation firstEgressSource(ContainerDefinition definition, Settings s) {
    for (String key : List.of("enableInternet", "interceptHttps")) {
      if (s.sourceOf(key) != null) {
        return s.sourceOf(key);
      }
    }
    if (!s.allowedHosts().isEmpty()) {
      return at(definition, s, "allowedHosts." + s.allowedHosts().get(0));
    }
    if (!s.deniedHosts().isEmpty()) {
      return at(definition, s, "deniedHosts." + s.deniedHosts().get(0));
    }
    return definition.where();
  }

  private void checkHosts(ContainerDefinition definition, Settings s, String kind,
      List<String> hosts) {
    Set<String> seen = new HashSet<>();
    for (String host : hosts) {
      SourceLocation where = at(definition, s, kind + "." + host);
      if (!seen.add(host)) {
        error("CFC050", where, kind + " lists " + quote(host) + " twice", "list it once");
        continue;
      }
      if (host.length() > 253 || !HOST.matcher(host).matches()) {
        String fixed = fixHost(host);
        error("CFC050", where, kind.substring(0, kind.length() - 1) + " " + quote(host)
                + " is not a host name or *.suffix pattern (no scheme, path, port or inner"
                + " wildcard)",
            fixed.isEmpty() ? "write a bare host name such as \"api.github.com\""
                : "write " + quote(fixed));
      }
    }
  }

  /** The host a user most likely meant: scheme, credentials, path and port stripped. */
  static String fixHost(String host) {
    String h = host.trim();
    int scheme = h.indexOf("://");
    if (scheme >= 0) {
      h = h.substring(scheme + 3);
    }
    int slash = h.indexOf('/');
    if (slash >= 0) {
      h = h.substring(0, slash);
    }
    int at = h.lastIndexOf('@');
    if (at >= 0) {
      h = h.substring(at + 1);
    }
    int colon = h.indexOf(':');
    if (colon >= 0) {
      h = h.substring(0, colon);
    }
    int star = h.lastIndexOf('*');
    if (star > 0 || h.startsWith("*") && !h.startsWith("*.")) {
      String rest = h.substring(star + 1);
      int dot = rest.indexOf('.');
      h = dot >= 0 ? "*" + rest.substring(dot) : rest;
    }
    h = h.toLowerCase(java.util.Locale.ROOT);
    return HOST.matcher(h).matches() ? h : "";
  }

  private void checkProbes(ContainerDefinition definition, Settings s) {
    for (Probe probe : s.probes()) {
      String path = probe.path();
      if (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
        String fixed = "/" + path.strip().replaceAll("\\s+", "-").replaceFirst("^/+", "");
        error("CFC060", probe.where(), "probe path " + quote(path)
            + " must start with / and contain no whitespace", "write Probe.path(" + quote(fixed)
            + ")");
      }
      if (probe.status() != null && (probe.status() < 100 || probe.status() > 599)) {
        error("CFC061", probe.where(), "probe status " + probe.status()
            + " is not an HTTP status (100-599)", "for example .status(200) or .status(204)");
      }
    }
    String ping = s.pingEndpoint();
    if (ping != null && (!ping.startsWith("/") || ping.chars().anyMatch(Character::isWhitespace))) {
      error("CFC060", at(definition, s, "pingEndpoint"), "pingEndpoint " + quote(ping)
          + " must start with / and contain no whitespace", "for example .pingEndpoint(\"/ping\")");
    }
  }

  /** Steps wrangler accepts for a single {@code rollout_step_percentage}. */
  private static final List<Integer> SINGLE_ROLLOUT_STEPS = List.of(5, 10, 20, 25, 50, 100);

  /** wrangler's {@code max_instances} when the entry leaves it out. */
  private static final int DEFAULT_MAX_INSTANCES = 20;

  /** The rollout rules wrangler 4.86 checks in its config validation, all reported at once. */
  private void checkRollout(ContainerDefinition definition, Settings s) {
    Rollout rollout = s.rollout();
    if (rollout == null) {
      return;
    }
    SourceLocation where = at(definition, s, "rollout");
    List<Integer> steps = rollout.stepPercentages();
    if (steps.size() == 1 && !SINGLE_ROLLOUT_STEPS.contains(steps.get(0))) {
      error("CFC070", where, "rollout step " + steps.get(0) + "% is not one wrangler accepts"
          + " (5, 10, 20, 25, 50 or 100)", "for example .rollout(25, 300), or explicit steps"
          + " .rolloutSteps(10, 50, 100)");
    } else if (rollout.stepped()) {
      List<String> problems = new ArrayList<>();
      List<Integer> outOfRange = steps.stream().filter(step -> step < 10 || step > 100).toList();
      if (!outOfRange.isEmpty()) {
        problems.add("each step must be 10-100, not " + outOfRange);
      }
      for (int i = 1; i < steps.size(); i++) {
        if (steps.get(i) < steps.get(i - 1)) {
          problems.add("steps must ascend");
          break;
        }
      }
      if (steps.get(steps.size() - 1) != 100) {
        problems.add("the last step must be 100");
      }
      int instances = s.maxInstances() == null ? DEFAULT_MAX_INSTANCES : s.maxInstances();
      if (steps.size() > instances) {
        problems.add("there are " + steps.size() + " steps but only " + instances + " instances"
            + (s.maxInstances() == null ? " (wrangler's default max_instances)" : ""));
      }
      if (!problems.isEmpty()) {
        error("CFC070", where, "rollout steps " + steps + " are not ones wrangler accepts: "
            + String.join("; ", problems), "for example .rolloutSteps(10, 50, 100)");
      }
    }
    Long grace = rollout.activeGracePeriodSeconds();
    if (grace != null && grace < 0) {
      error("CFC071", where, "rollout grace period " + grace + " s is negative",
          "use 0 or more seconds");
    }
  }

  private boolean jsonConfig() {
    return config.source().isJson();
  }

  /** A top-level key and string value as the config's own syntax writes it. */
  private String keyValue(String key, String value) {
    return jsonConfig() ? "\"" + key + "\": \"" + value + "\"" : key + " = \"" + value + "\"";
  }

  private void checkWorkerName(List<ContainerDefinition> definitions) {
    if (config.workerName() != null && !config.workerName().isBlank()) {
      return;
    }
    boolean derived = definitions.stream().anyMatch(d -> d.containerName() == null);
    if (derived) {
      found.add(Diagnostic.error("CFC090", Diagnostic.Location.of(config.configFile()),
          config.configFile() + " has no worker name; container names are derived from it",
          "add " + keyValue("name", "my-worker") + " at the top of " + config.configFile()));
    }
  }
}

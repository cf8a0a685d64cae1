package dev.cfc.codegen.internal.typescript;

import dev.cfc.codegen.CfcVersion;
import dev.cfc.codegen.internal.model.Names;
import dev.cfc.dsl.BaseClass;
import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Probe;
import dev.cfc.dsl.ReadinessBudget;
import dev.cfc.dsl.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the TypeScript of {@code typescript-out}: the runtime files (version-stamped copies),
 * one {@code <Class>.ts} per container and {@code index.ts}, following the generated-code
 * contract in {@code runtime-js-templates/README.md}.
 *
 * <p>Generated classes are per-Worker code, not per-environment: they are built from each
 * definition's top-level settings ({@link ContainerDefinition#effectiveSettings()}, profiles
 * applied), plus, for each environment whose run-time values differ, those values merged at compile
 * time ({@link #environmentValues}), which the class picks by the Worker var
 * {@code CFC_ENVIRONMENT}. Every string from the DSL is a
 * literal from {@link TsLiterals} and never appears in a comment. Output is deterministic, with
 * LF line endings and a trailing newline.
 */
public final class TypeScriptEmitter {

  /** {@code max_instances} when the DSL sets none: the platform's deploy default. */
  public static final int DEFAULT_MAX_INSTANCES = 20;
  /** Readiness budget when the DSL sets none. */
  public static final long DEFAULT_READINESS_TIMEOUT_MS = 30_000;
  /** Readiness poll interval when the DSL sets none. */
  public static final long DEFAULT_READINESS_POLL_MS = 500;
  /** The host the base class's health check addresses; the DSL gives only the path. */
  static final String PING_HOST = "localhost";
  /** The Node-safe file holding {@code Env} and the {@code containers(env)} factory. */
  public static final String HANDLES = "handles.ts";
  /** The file holding the re-exports, {@code Env} and the {@code containers(env)} factory. */
  public static final String INDEX = "index.ts";

  /** The standard fields an environment may set differently (see cfc-environments.ts). */
  private static final Set<String> RUNTIME_FIELDS = Set.of(
      "sleepAfter", "enableInternet", "interceptHttps", "allowedHosts", "deniedHosts", "labels");
  /** The {@code CfcContainerConfig} members an environment may set differently. */
  private static final Set<String> RUNTIME_CONFIG_MEMBERS =
      Set.of("env", "secrets", "secretsStore", "probes", "readiness", "hardTimeoutSeconds");
  /** {@code typescript-out} relative to the project when none is given: cfc's default. */
  static final Path DEFAULT_OUTPUT_DIR = Path.of("src", "_generated");

  private final String version;
  private final Path outputDir;

  /** An emitter stamping the running cfc version. */
  public TypeScriptEmitter() {
    this(CfcVersion.get());
  }

  /** An emitter stamping {@code version} into every header (tests pin it). */
  public TypeScriptEmitter(String version) {
    this(version, DEFAULT_OUTPUT_DIR);
  }

  private TypeScriptEmitter(String version, Path outputDir) {
    this.version = version;
    this.outputDir = outputDir;
  }

  /**
   * This emitter for files written to {@code outputDir}, relative to the project directory: the
   * directory the imports of {@link ContainerDefinition#baseClass()} modules start from.
   */
  public TypeScriptEmitter writingTo(Path outputDir) {
    return new TypeScriptEmitter(version, outputDir.normalize());
  }

  /**
   * Every file of {@code typescript-out}, relative path → content: the runtime files in their
   * {@code files.txt} order, then the classes sorted by name, then {@code index.ts}.
   *
   * @param definitions the container definitions, in declaration order
   * @param workerName the wrangler {@code name}, or null when unknown
   */
  public Map<String, String> emit(List<ContainerDefinition> definitions, String workerName) {
    return emit(definitions, workerName, List.of());
  }

  /**
   * As {@link #emit(List, String)}, for a Worker deployed to these wrangler environments too.
   * The generated code is shared by every environment, so {@code any()} and {@code pool()}
   * spread over the smallest {@code max_instances} of the top level and the environments: an
   * instance index past an environment's limit would be refused there.
   */
  public Map<String, String> emit(
      List<ContainerDefinition> definitions, String workerName, List<String> environments) {
    return emit(definitions, workerName, environments, Map.of());
  }

  /**
   * As {@link #emit(List, String, List)}, with the Durable Object bindings the wrangler config
   * has after the reconcile (definition name → binding; one kept from the config may differ from
   * the definition's own), so that {@code Env} types what the Worker really reads.
   */
  public Map<String, String> emit(
      List<ContainerDefinition> definitions,
      String workerName,
      List<String> environments,
      Map<String, String> bindings) {
    Map<String, String> files = new LinkedHashMap<>(RuntimeSources.load(version));
    for (ContainerDefinition definition : byClassName(definitions)) {
      files.put(className(definition) + ".ts", classFile(definition, workerName, environments));
    }
    files.put(HANDLES, handlesFile(definitions, environments, bindings));
    files.put(INDEX, indexFile(definitions, environments));
    return files;
  }

  /** The pool size of a definition: its smallest {@code max_instances} over all scopes. */
  static int poolSize(ContainerDefinition definition, List<String> environments) {
    int size = maxInstances(definition.settingsFor(null));
    for (String env : environments) {
      size = Math.min(size, maxInstances(definition.settingsFor(env)));
    }
    return size;
  }

  private static int maxInstances(Settings s) {
    return s.maxInstances() == null ? DEFAULT_MAX_INSTANCES : s.maxInstances();
  }

  /** {@code <Class>.ts} of one definition. */
  String classFile(ContainerDefinition definition, String workerName) {
    return classFile(definition, workerName, List.of());
  }

  /** {@code <Class>.ts} of one definition deployed to these environments too. */
  String classFile(ContainerDefinition definition, String workerName, List<String> environments) {
    Settings s = definition.effectiveSettings();
    String className = className(definition);
    Map<String, Map<String, String>> perEnvironment = new LinkedHashMap<>();
    for (String env : environments) {
      Map<String, String> values = environmentValues(definition, env);
      if (!values.isEmpty()) {
        perEnvironment.put(env, values);
      }
    }
    String environmentsType = perEnvironment.isEmpty() ? "" : ", type CfcEnvironments";
    BaseClass base = definition.baseClass();
    StringBuilder out = new StringBuilder(header());
    if (base == null) {
      out.append("import { CfcContainer, type CfcContainerConfig")
          .append(environmentsType)
          .append(" } from \"./cfc-runtime.js\";\n")
          .append(BridgeEmission.importLine(definition))
          .append('\n');
    } else {
      out.append("import { type CfcContainerConfig")
          .append(environmentsType)
          .append(", type StopParams } from \"./cfc-runtime.js\";\n");
      out.append("import { runHook, wireOutbound } from \"./cfc-hooks.js\";\n");
      out.append(BridgeEmission.importLine(definition));
      out.append("import { ")
          .append(base.exportName())
          .append(" } from ")
          .append(TsLiterals.string(importSpecifier(outputDir, base.module())))
          .append(";\n\n");
    }
    if (!perEnvironment.isEmpty()) {
      out.append(environmentsConstant(perEnvironment)).append('\n');
    }
    out.append("export class ")
        .append(className)
        .append(" extends ")
        .append(base == null ? "CfcContainer" : base.exportName())
        .append(" {\n");
    for (Field field : overrideFields(s, !definition.bridges().isEmpty())) {
      out.append("  override ")
          .append(field.name())
          .append(" = ")
          .append(field.literal())
          .append(";\n");
    }
    out.append("  protected override readonly cfc: CfcContainerConfig = ")
        .append(configLiteral(definition.name(), s, workerName, "  "))
        .append(";\n");
    if (!perEnvironment.isEmpty()) {
      out.append("\n  constructor(ctx: DurableObjectState<{}>, env: Cloudflare.Env) {\n")
          .append("    super(ctx, env);\n")
          .append("    this.cfcUseEnvironment(ENVIRONMENTS);\n")
          .append("  }\n");
    }
    if (base != null) {
      out.append(HOOK_OVERRIDES);
    }
    out.append("}\n");
    if (base != null) {
      out.append(
              "\n// ContainerProxy looks outbound handlers up by the name of the class wrangler binds.\n")
          .append("wireOutbound(")
          .append(className)
          .append(");\n");
    }
    out.append(BridgeEmission.wireCall(definition, className));
    return out.toString();
  }

  /**
   * The run-time values an environment sets differently from the top level, member of
   * {@code CfcEnvironmentValues} → literal, each in full (maps merged with the top level's); empty
   * when the environment runs with the top level's values.
   */
  public static Map<String, String> environmentValues(ContainerDefinition definition, String env) {
    Map<String, String> top = runtimeValues(definition, definition.effectiveSettings());
    Map<String, String> differing = new LinkedHashMap<>();
    runtimeValues(definition, definition.settingsFor(env)).forEach((member, literal) -> {
      if (!literal.equals(top.get(member))) {
        differing.put(member, literal);
      }
    });
    return differing;
  }

  /** Every member of {@code CfcEnvironmentValues} a scope's settings give, as literals. */
  private static Map<String, String> runtimeValues(ContainerDefinition definition, Settings s) {
    String name = definition.name();
    Map<String, String> values = new LinkedHashMap<>();
    for (Field field : overrideFields(s, !definition.bridges().isEmpty())) {
      if (RUNTIME_FIELDS.contains(field.name())) {
        values.put(field.name(), field.literal());
      }
    }
    configMembers(name, s, null).forEach((member, literal) -> {
      if (RUNTIME_CONFIG_MEMBERS.contains(member)) {
        values.put(member, literal);
      }
    });
    return values;
  }

  /** {@code const ENVIRONMENTS: CfcEnvironments = { … };} of the differing environments. */
  private static String environmentsConstant(Map<String, Map<String, String>> perEnvironment) {
    StringBuilder out = new StringBuilder("const ENVIRONMENTS: CfcEnvironments = {\n");
    perEnvironment.forEach((env, values) -> {
      out.append("  ").append(TsLiterals.key(env)).append(": {\n");
      values.forEach((member, literal) ->
          out.append("    ").append(member).append(": ").append(literal).append(",\n"));
      out.append("  },\n");
    });
    return out.append("};\n").toString();
  }

  /**
   * The lifecycle hooks of a class extending the team's class: cfc's part of {@code onStart}
   * first, then each hook of the team's class through {@code super}, reported when it throws.
   */
  private static final String HOOK_OVERRIDES = """

        override async onStart(): Promise<void> {
          await this.cfcRunStarted();
          await runHook(this.cfc.name, "onStart", () => super.onStart());
        }

        override async onStop(params: StopParams): Promise<void> {
          await runHook(this.cfc.name, "onStop", () => super.onStop(params));
        }

        override async onError(error: unknown): Promise<unknown> {
          return runHook(this.cfc.name, "onError", () => super.onError(error), error);
        }

        override async onActivityExpired(): Promise<void> {
          await runHook(this.cfc.name, "onActivityExpired", () => super.onActivityExpired());
        }

        override async onHardTimeout(): Promise<void> {
          await runHook(this.cfc.name, "onHardTimeout", () => super.onHardTimeout());
        }
      """;

  /**
   * The import of a project-relative TypeScript module from a file in {@code outputDir}: relative,
   * with {@code /} separators and the extension the compiled module has ({@code .ts} →
   * {@code .js}, {@code .mts} → {@code .mjs}), as {@code moduleResolution: bundler} and wrangler's
   * esbuild resolve it.
   */
  static String importSpecifier(Path outputDir, String module) {
    Path relative = outputDir.normalize().relativize(Path.of(module).normalize());
    String path = relative.toString().replace('\\', '/');
    if (path.endsWith(".mts")) {
      path = path.substring(0, path.length() - ".mts".length()) + ".mjs";
    } else if (path.endsWith(".tsx")) {
      path = path.substring(0, path.length() - ".tsx".length()) + ".js";
    } else if (path.endsWith(".ts")) {
      path = path.substring(0, path.length() - ".ts".length()) + ".js";
    }
    return path.startsWith("../") ? path : "./" + path;
  }

  /** {@code index.ts}: imports, re-exports, {@code Env}, {@code Containers}, the factory. */
  String indexFile(List<ContainerDefinition> definitions) {
    return indexFile(definitions, List.of());
  }

  /** {@code index.ts}, exporting {@code ContainerProxy} when any environment intercepts egress. */
  String indexFile(List<ContainerDefinition> definitions, List<String> environments) {
    List<ContainerDefinition> sorted = byClassName(definitions);
    StringBuilder out = new StringBuilder(header());
    for (ContainerDefinition d : sorted) {
      out.append("export { ")
          .append(className(d))
          .append(" } from \"./")
          .append(className(d))
          .append(".js\";\n");
    }
    // A team's class may declare outbound handlers, which need ContainerProxy as much as egress;
    // the bridge is an outbound handler.
    if (definitions.stream()
        .anyMatch(d -> d.baseClass() != null
            || !d.bridges().isEmpty()
            || scopes(d, environments).stream().anyMatch(TypeScriptEmitter::interceptsEgress))) {
      out.append("export { ContainerProxy } from \"@cloudflare/containers\";\n");
    }
    boolean bridged = definitions.stream().anyMatch(d -> !d.bridges().isEmpty());
    out.append("export { ")
        .append(bridged ? "BRIDGE_GRANTS, " : "")
        .append("type Containers, type Env, containers } from \"./")
        .append(HANDLES.replace(".ts", ".js"))
        .append("\";\n");
    return out.toString();
  }

  /**
   * {@code handles.ts}: {@code Env}, {@code Containers} and the {@code containers(env)} factory,
   * importing the classes as types only, so that Worker code and its unit tests (with
   * {@code createContainerTestContext}) run in plain Node, where the classes' base class
   * cannot load.
   */
  String handlesFile(List<ContainerDefinition> definitions) {
    return handlesFile(definitions, List.of());
  }

  /** {@code handles.ts}, with pool sizes that fit every environment. */
  String handlesFile(List<ContainerDefinition> definitions, List<String> environments) {
    return handlesFile(definitions, environments, Map.of());
  }

  /** {@code handles.ts}, with the bindings the config has (definition name → binding). */
  String handlesFile(
      List<ContainerDefinition> definitions,
      List<String> environments,
      Map<String, String> bindings) {
    List<ContainerDefinition> sorted = byClassName(definitions);
    StringBuilder out = new StringBuilder(header());
    if (definitions.isEmpty()) {
      out.append("import { type HandleDeps } from \"./cfc-handles.js\";\n\n");
    } else {
      out.append("import { type ContainerHandle, type HandleDeps, createContainerHandle }"
          + " from \"./cfc-handles.js\";\n");
      if (definitions.stream().anyMatch(d -> !d.bridges().isEmpty())) {
        out.append("import type { BridgeGrants } from \"./cfc-bridge.js\";\n");
      }
      for (ContainerDefinition d : sorted) {
        out.append("import type { ")
            .append(className(d))
            .append(" } from \"./")
            .append(className(d))
            .append(".js\";\n");
      }
      out.append('\n');
    }

    out.append("export interface Env {\n");
    Set<String> seen = new LinkedHashSet<>();
    for (ContainerDefinition d : definitions) {
      envMember(out, seen, binding(d, bindings), "DurableObjectNamespace<" + className(d) + ">");
    }
    for (ContainerDefinition d : definitions) {
      for (String secret : d.effectiveSettings().secrets()) {
        envMember(out, seen, secret, "string");
      }
    }
    for (ContainerDefinition d : definitions) {
      for (String binding : d.effectiveSettings().secretsStore().values()) {
        envMember(out, seen, binding, "SecretsStoreSecret");
      }
    }
    // Validation made sure each is declared in every environment the Worker is deployed to.
    for (ContainerDefinition d : definitions) {
      for (Bridge grant : d.bridges()) {
        envMember(out, seen, grant.binding(), BridgeEmission.envType(grant.kind()));
      }
    }
    // Bound only in some environments: optional, as the top-level deploy lacks them.
    for (ContainerDefinition d : definitions) {
      for (String env : environments) {
        for (String secret : d.settingsFor(env).secrets()) {
          envMember(out, seen, secret, "string", true);
        }
      }
    }
    for (ContainerDefinition d : definitions) {
      for (String env : environments) {
        for (String binding : d.settingsFor(env).secretsStore().values()) {
          envMember(out, seen, binding, "SecretsStoreSecret", true);
        }
      }
    }
    out.append("}\n\n");

    out.append("export interface Containers {\n");
    for (ContainerDefinition d : definitions) {
      // Typed by the class, so handle.get(id).stub reaches its RPC methods with their types.
      out.append("  readonly ")
          .append(TsLiterals.key(d.name()))
          .append(": ContainerHandle<")
          .append(className(d))
          .append(">;\n");
    }
    out.append("}\n\n");

    if (definitions.isEmpty()) {
      out.append("export function containers(_env: Env, _deps?: Partial<HandleDeps>):"
          + " Containers {\n  return {};\n}\n");
      return out.toString();
    }
    out.append("export function containers(env: Env, deps?: Partial<HandleDeps>): Containers {\n");
    out.append("  return {\n");
    for (ContainerDefinition d : definitions) {
      Settings s = d.effectiveSettings();
      int maxInstances = poolSize(d, environments);
      String binding = binding(d, bindings);
      // A binding kept from a hand-written config need not be an identifier.
      out.append("    ")
          .append(TsLiterals.key(d.name()))
          .append(": createContainerHandle(env")
          .append(
              TsLiterals.isIdentifier(binding)
                  ? "." + binding
                  : "[" + TsLiterals.string(binding) + "]")
          .append(", { maxInstances: ")
          .append(maxInstances);
      if (s.defaultPort() != null) {
        out.append(", defaultPort: ").append(s.defaultPort());
      }
      out.append(" }, deps),\n");
    }
    out.append("  };\n}\n");
    out.append(BridgeEmission.grantsConstant(definitions));
    return out.toString();
  }

  /** One {@code override} instance field: its name and its value as a TypeScript literal. */
  record Field(String name, String literal) {}

  /**
   * The standard fields the DSL sets, in the contract's order: {@code defaultPort},
   * {@code requiredPorts}, {@code sleepAfter}, {@code entrypoint}, {@code enableInternet},
   * {@code interceptHttps}, {@code allowedHosts}, {@code deniedHosts}, {@code pingEndpoint},
   * {@code labels}.
   */
  static List<Field> overrideFields(Settings s) {
    return overrideFields(s, false);
  }

  /** As {@link #overrideFields(Settings)}, with the bridge host allowed when {@code bridged}. */
  static List<Field> overrideFields(Settings s, boolean bridged) {
    List<Field> fields = new ArrayList<>();
    if (s.defaultPort() != null) {
      fields.add(new Field("defaultPort", String.valueOf(s.defaultPort())));
    }
    if (!s.requiredPorts().isEmpty()) {
      fields.add(new Field("requiredPorts", TsLiterals.numbers(s.requiredPorts())));
    }
    if (s.sleepAfter() != null) {
      fields.add(new Field("sleepAfter", TsLiterals.string(s.sleepAfter().text())));
    }
    if (!s.entrypoint().isEmpty()) {
      fields.add(new Field("entrypoint", TsLiterals.strings(s.entrypoint())));
    }
    if (s.enableInternet() != null) {
      fields.add(new Field("enableInternet", String.valueOf(s.enableInternet())));
    }
    if (s.interceptHttps() != null) {
      fields.add(new Field("interceptHttps", String.valueOf(s.interceptHttps())));
    }
    if (!s.allowedHosts().isEmpty()) {
      fields.add(new Field(
          "allowedHosts",
          TsLiterals.strings(BridgeEmission.allowedHosts(s.allowedHosts(), bridged))));
    }
    if (!s.deniedHosts().isEmpty()) {
      fields.add(new Field("deniedHosts", TsLiterals.strings(s.deniedHosts())));
    }
    if (s.pingEndpoint() != null) {
      // The base class pings `http://${pingEndpoint}`: host and path, so the DSL's path gets a
      // host, or "/ping" would be sent as GET / to a host named "ping".
      fields.add(new Field("pingEndpoint", TsLiterals.string(PING_HOST + s.pingEndpoint())));
    }
    String labels = labelsLiteral(s);
    if (labels != null) {
      // The base class's own field: every start path (start, startAndWaitForPorts and the
      // request-started one) passes it to ctx.container.start as `labels`.
      fields.add(new Field("labels", labels));
    }
    return fields;
  }

  /**
   * The {@code CfcContainerConfig} object literal of a definition, over several lines; lines after
   * the first are indented by {@code indent}.
   */
  static String configLiteral(String name, Settings s, String workerName, String indent) {
    return configMembers(name, s, workerName).entrySet().stream()
        .map(m -> indent + "  " + m.getKey() + ": " + m.getValue() + ",\n")
        .collect(Collectors.joining("", "{\n", indent + "}"));
  }

  /** The members of the {@code CfcContainerConfig} literal, name → literal, in write order. */
  private static Map<String, String> configMembers(String name, Settings s, String workerName) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("name", TsLiterals.string(name));
    if (workerName != null && !workerName.isEmpty()) {
      members.put("workerName", TsLiterals.string(workerName));
    }
    members.put("env", TsLiterals.stringMap(s.env()));
    members.put("secrets", TsLiterals.strings(s.secrets()));
    members.put("secretsStore", TsLiterals.stringMap(s.secretsStore()));
    members.put("probes", TsLiterals.list(s.probes(), TypeScriptEmitter::probe));
    ReadinessBudget budget = s.readinessBudget();
    long timeoutMs =
        budget == null ? DEFAULT_READINESS_TIMEOUT_MS : budget.timeout().toMillis();
    long pollMs = budget == null ? DEFAULT_READINESS_POLL_MS : budget.poll().toMillis();
    members.put("readiness", "{ timeoutMs: " + timeoutMs + ", pollMs: " + pollMs + " }");
    if (s.hardTimeout() != null) {
      long seconds = s.hardTimeout().seconds();
      if (seconds < 0) {
        throw new IllegalArgumentException("hardTimeout of " + name
            + " is not a valid duration; validation should have rejected it");
      }
      members.put("hardTimeoutSeconds", String.valueOf(seconds));
    }
    members.put("forwardMetadata", String.valueOf(Boolean.TRUE.equals(s.forwardMetadata())));
    return members;
  }

  /** The {@code labels} field literal, or null when the definition sets no labels. */
  static String labelsLiteral(Settings s) {
    return s.labels().isEmpty() ? null : TsLiterals.stringMap(s.labels());
  }

  private static String probe(Probe p) {
    StringBuilder out = new StringBuilder("{ path: ").append(TsLiterals.string(p.path()));
    if (p.port() != null) {
      out.append(", port: ").append(p.port());
    }
    if (p.status() != null) {
      out.append(", status: ").append(p.status());
    }
    return out.append(" }").toString();
  }

  /** The settings of the top level, then of each environment. */
  private static List<Settings> scopes(ContainerDefinition definition, List<String> environments) {
    List<Settings> scopes = new ArrayList<>();
    scopes.add(definition.effectiveSettings());
    environments.forEach(env -> scopes.add(definition.settingsFor(env)));
    return scopes;
  }

  /** {@code ContainerProxy} is needed when a container intercepts HTTPS or lists hosts. */
  private static boolean interceptsEgress(Settings s) {
    return Boolean.TRUE.equals(s.interceptHttps())
        || !s.allowedHosts().isEmpty()
        || !s.deniedHosts().isEmpty();
  }

  private static void envMember(StringBuilder out, Set<String> seen, String name, String type) {
    envMember(out, seen, name, type, false);
  }

  private static void envMember(
      StringBuilder out, Set<String> seen, String name, String type, boolean optional) {
    if (seen.add(name)) {
      out.append("  ")
          .append(TsLiterals.key(name))
          .append(optional ? "?: " : ": ")
          .append(type)
          .append(";\n");
    }
  }

  private static List<ContainerDefinition> byClassName(List<ContainerDefinition> definitions) {
    return definitions.stream()
        .sorted(Comparator.comparing(TypeScriptEmitter::className))
        .toList();
  }

  private static String className(ContainerDefinition definition) {
    String name = Names.className(definition);
    if (!TsLiterals.isIdentifier(name)) {
      throw new IllegalArgumentException("definition " + TsLiterals.string(definition.name())
          + " does not give a TypeScript class name; validation should have rejected it");
    }
    return name;
  }

  /** The {@code Env} member of a definition's Durable Object namespace. */
  private static String binding(ContainerDefinition definition, Map<String, String> bindings) {
    return bindings.getOrDefault(definition.name(), Names.bindingName(definition));
  }

  private String header() {
    return "// Generated by cfc " + version + ". Do not edit.\n";
  }
}

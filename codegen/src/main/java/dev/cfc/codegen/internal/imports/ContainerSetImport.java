package dev.cfc.codegen.internal.imports;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.Names;
import dev.cfc.codegen.internal.wrangler.DeclaredContainers;
import dev.cfc.codegen.internal.wrangler.DeclaredContainers.Declared;
import dev.cfc.codegen.internal.wrangler.DeclaredContainers.ScopedEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Turns the container entries of a config into the Java source of a {@code ContainerSet} whose
 * definitions adopt them as they are, so that the next {@code cfc generate} changes no byte of
 * the config. A value the DSL cannot write is never dropped: the key stays as written and cfc
 * leaves it alone (a CFC241 warning names it), or, for the image, the import fails (CFC242).
 */
public final class ContainerSetImport {

  /** Code of a key left as written because the DSL cannot write its value (a warning). */
  public static final String KEY_LEFT = "CFC241";

  /** Code of a class the config declares without a binding or a migration (a warning). */
  public static final String INCOMPLETE = "CFC245";

  /** Code of an entry no definition can reproduce. */
  public static final String ENTRY_REFUSED = "CFC242";

  private static final ClassName CONTAINER = ClassName.get("dev.cfc.dsl", "Container");
  private static final ClassName DEFINITION = ClassName.get("dev.cfc.dsl", "ContainerDefinition");
  private static final ClassName CONTAINER_SET = ClassName.get("dev.cfc.dsl", "ContainerSet");

  /**
   * The rendered source.
   *
   * @param source the Java file, or {@code null} when an error stops the import
   * @param classNames the classes it defines, in config order
   * @param environments the environments whose entries it defines, which {@code cfc.toml} must
   *     list
   * @param diagnostics errors and warnings
   */
  public record Rendered(
      String source,
      List<String> classNames,
      List<String> environments,
      List<Diagnostic> diagnostics) {
    public Rendered {
      classNames = List.copyOf(classNames);
      environments = List.copyOf(environments);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private final DefinitionCalls calls;
  private final String configFile;

  /**
   * @param projectDir the project directory (DSL paths are relative to it)
   * @param configDir the config's directory (its paths are relative to it)
   * @param configFile the config as named in diagnostics
   */
  public ContainerSetImport(Path projectDir, Path configDir, String configFile) {
    this.calls = new DefinitionCalls(projectDir, configDir);
    this.configFile = configFile;
  }

  /** Renders the selected classes as {@code packageName.typeName}. */
  public Rendered render(List<Declared> selected, String packageName, String typeName) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<String> environments = new LinkedHashSet<>();
    selected.forEach(d ->
        d.entries().keySet().stream().filter(scope -> !scope.isEmpty()).forEach(environments::add));
    Set<String> usedNames = new HashSet<>();
    List<CodeBlock> definitions = new ArrayList<>();
    for (Declared declared : selected) {
      CodeBlock definition = definition(declared, environments, usedNames, diagnostics);
      if (definition != null) {
        definitions.add(definition);
      }
    }
    List<String> classes = selected.stream().map(Declared::className).toList();
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Rendered(null, classes, List.copyOf(environments), sorted(diagnostics));
    }
    CodeBlock body = CodeBlock.builder()
        .add("return $T.of(\n", List.class)
        .indent()
        .add(CodeBlock.join(definitions, ",\n"))
        .add(");\n")
        .unindent()
        .build();
    TypeSpec type = TypeSpec.classBuilder(typeName)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(CONTAINER_SET)
        .addJavadoc(
            "The containers of $L, imported by {@code cfc import}. Each definition adopts\n"
                + "the entry it was read from and keeps its class, binding and application name;\n"
                + "change a value here and {@code cfc generate} writes it.\n",
            configFile)
        .addMethod(MethodSpec.methodBuilder("containers")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), DEFINITION))
            .addCode(body)
            .build())
        .build();
    String source = JavaFile.builder(packageName, type)
        .indent("  ")
        .skipJavaLangImports(true)
        .build()
        .toString();
    return new Rendered(source, classes, List.copyOf(environments), sorted(diagnostics));
  }

  private CodeBlock definition(
      Declared declared,
      Set<String> environments,
      Set<String> usedNames,
      List<Diagnostic> diagnostics) {
    String className = declared.className();
    ScopedEntry top = declared.entries().get("");
    if (top == null) {
      ScopedEntry first = declared.entries().values().iterator().next();
      diagnostics.add(Diagnostic.error(
          ENTRY_REFUSED,
          first.at(),
          "class " + className + " has a container entry only in environments ("
              + String.join(", ", declared.entries().keySet()) + "), but a definition always"
              + " writes one at the top level",
          "declare the container at the top level too, or leave it out with --only"));
      return null;
    }
    for (String env : environments) {
      if (!declared.entries().containsKey(env)) {
        diagnostics.add(Diagnostic.error(
            ENTRY_REFUSED,
            top.at(),
            "class " + className + " has no container entry in env " + env + ", but cfc writes"
                + " every container into each environment it maintains, and env " + env
                + " declares other containers",
            "add its entry to env " + env + ", or import it separately with --only"));
        return null;
      }
    }
    if (!declared.unbound().isEmpty() || !declared.created()) {
      List<String> missing = new ArrayList<>();
      declared
          .unbound()
          .forEach(scope -> missing.add(
              "Durable Object binding in " + (scope.isEmpty() ? "the top level" : "env " + scope)));
      if (!declared.created()) {
        missing.add("migration that creates it");
      }
      diagnostics.add(Diagnostic.warning(
          INCOMPLETE,
          top.locationOf("class_name"),
          "class " + className + " has no " + String.join(" and no ", missing)
              + ", so wrangler cannot deploy it as it is; the next cfc generate adds "
              + (missing.size() == 1 ? "it" : "them"),
          "review that change in the diff of cfc generate"));
    }
    String name = uniqueName(DefinitionCalls.definitionName(className), usedNames);
    CodeBlock.Builder chain =
        CodeBlock.builder().add("$T.define($S)", CONTAINER, name).indent();
    if (!Names.className(name).equals(className)) {
      chain.add("\n.className($S)", className);
    }
    if (declared.binding() != null && !declared.binding().equals(Names.bindingName(name))) {
      chain.add("\n.binding($S)", declared.binding());
    }
    Map<String, List<CodeBlock>> overrides = new LinkedHashMap<>();
    for (String env : environments) {
      overrides.put(env, new ArrayList<>());
    }
    for (String group : groupsOf(declared)) {
      List<CodeBlock> own = groupCalls(declared, group, environments, overrides, diagnostics);
      own.forEach(call -> chain.add("\n$L", call));
    }
    chain.add("\n.adopt()");
    overrides.forEach((env, list) -> {
      if (!list.isEmpty()) {
        chain.add("\n.environment($S, e -> e$L)", env, CodeBlock.join(list, ""));
      }
    });
    chain.add("\n.build()").unindent();
    return chain.build();
  }

  /** Every key group written in any entry of the class, in the order of the first entry. */
  private static List<String> groupsOf(Declared declared) {
    Set<String> groups = new LinkedHashSet<>();
    groups.add("image");
    for (ScopedEntry entry : declared.entries().values()) {
      for (String key : entry.values().keySet()) {
        if (!DefinitionCalls.NAMES.contains(key)) {
          groups.add(DefinitionCalls.groupOf(key));
        }
      }
    }
    return List.copyOf(groups);
  }

  /**
   * The top-level calls of one group, with each environment's override added to {@code
   * overrides}; none at all when some scope's value cannot be written, so the key stays as
   * written everywhere.
   */
  private List<CodeBlock> groupCalls(
      Declared declared,
      String group,
      Set<String> environments,
      Map<String, List<CodeBlock>> overrides,
      List<Diagnostic> diagnostics) {
    ScopedEntry top = declared.entries().get("");
    Map<String, Object> topValues = valuesOf(top, group);
    Map<String, List<CodeBlock>> envCalls = new LinkedHashMap<>();
    List<CodeBlock> topCalls = List.of();
    String refused = null;
    ScopedEntry refusedIn = top;
    if (!topValues.isEmpty() || group.equals("image")) {
      DefinitionCalls.Calls c = calls.calls(group, topValues);
      topCalls = c.calls();
      refused = c.unexpressible();
    }
    for (String env : environments) {
      if (refused != null) {
        break;
      }
      ScopedEntry entry = declared.entries().get(env);
      Map<String, Object> values = valuesOf(entry, group);
      if (sameValues(values, topValues)) {
        continue;
      }
      if (values.isEmpty()) {
        refused = "env " + env + " leaves it out while the top level sets it, and an"
            + " environment override can change a value but not remove it";
        break;
      }
      if (!topValues.isEmpty()
          && group.equals("constraints")
          && !((Map<?, ?>) values.get("constraints"))
              .keySet()
              .containsAll(((Map<?, ?>) topValues.get("constraints")).keySet())) {
        refusedIn = entry;
        refused = "env " + env + "'s constraints leave out a key the top level sets";
        break;
      }
      DefinitionCalls.Calls c = group.equals("image_vars")
          ? calls.buildArgs(values.get("image_vars"), topValues.get("image_vars"))
          : calls.calls(group, values);
      if (!c.expressible()) {
        refusedIn = entry;
        refused = c.unexpressible();
        break;
      }
      envCalls.put(env, c.calls());
    }
    if (refused == null) {
      envCalls.forEach((env, list) -> overrides.get(env).addAll(list));
      return topCalls;
    }
    List<String> keys = DefinitionCalls.GROUPS.getOrDefault(group, List.of(group));
    String key =
        keys.stream().filter(refusedIn.values()::containsKey).findFirst().orElse(keys.get(0));
    if (group.equals("image")) {
      diagnostics.add(Diagnostic.error(
          ENTRY_REFUSED,
          refusedIn.locationOf(key),
          "the image of class " + declared.className() + " cannot be written by a definition: "
              + refused,
          "fix the entry so that wrangler can deploy it, then import again"));
    } else {
      diagnostics.add(Diagnostic.warning(
          KEY_LEFT,
          refusedIn.locationOf(key),
          String.join(", ", keys) + " of class " + declared.className()
              + " stays as written and cfc leaves it alone: " + refused,
          "manage it by hand in the config; cfc keeps every key it does not write"));
    }
    return List.of();
  }

  private static Map<String, Object> valuesOf(ScopedEntry entry, String group) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : DefinitionCalls.GROUPS.getOrDefault(group, List.of(group))) {
      if (entry.values().containsKey(key)) {
        values.put(key, entry.values().get(key));
      }
    }
    return values;
  }

  private static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
    return Objects.equals(a, b);
  }

  private static String uniqueName(String base, Set<String> used) {
    String name = Names.RESERVED.contains(base) ? base + "Container" : base;
    String candidate = name;
    for (int n = 2; !used.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }

  private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    out.sort(Diagnostic.ORDER);
    return out;
  }

  /** The declared containers of a config, for callers that select among them. */
  public static List<Declared> containers(DeclaredContainers.Result read) {
    return read.containers();
  }
}

package dev.cfc.codegen.internal.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.cfc.codegen.internal.model.Names;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The {@code <Name>ContainerConfig} record of one definition, built from its top-level settings
 * ({@link ContainerDefinition#effectiveSettings()}, profiles applied), as the generated
 * TypeScript class is: environment overrides reach only the wrangler config.
 *
 * <p>Components, in this order: the {@code env} values, the Worker secrets, the Secrets Store
 * values (each a {@code String} named by {@link JavaNames}), then {@code int defaultPort} when the
 * definition sets one and {@code int port<N>} for each required port {@code N}.
 *
 * <p>Rules of the generated {@code from(Map)} and {@code fromEnv()}: a variable is absent when
 * the map has no value for it (the empty string is a value). An absent {@code env} value falls back
 * to the definition's value (the Worker always sets it; the fallback lets the app run outside
 * Cloudflare). Secrets and Secrets Store values have no fallback: when any is absent, one
 * {@link IllegalStateException} names all of them. Nothing is parsed, so nothing can be
 * malformed. Ports are compile-time constants from the definition, never read from the
 * environment: the Worker connects to exactly those ports. The canonical constructor takes any
 * values (tests can pass port 0) and rejects only null strings. {@code toString()} hides secrets
 * and Secrets Store values.
 */
final class ContainerConfigSpec {

  /** A variable or binding name that can appear in a Javadoc comment as it is. */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Pattern DEFINITION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final ClassName MAP = ClassName.get(Map.class);
  private static final TypeName STRING_MAP =
      ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.get(String.class));

  /** Where a variable's value comes from. */
  enum Kind {
    ENV,
    SECRET,
    SECRETS_STORE
  }

  /** One string component: the variable, its accessor, and its DSL value or binding. */
  record Variable(Kind kind, String name, String accessor, String value) {}

  private static final String THROWS =
      "@throws IllegalStateException naming every required variable that is absent\n";

  /** One int component. */
  record Port(String accessor, int port, boolean isDefault) {}

  private ContainerConfigSpec() {}

  /** {@code transcoder} → {@code TranscoderContainerConfig}. */
  static String className(ContainerDefinition definition) {
    if (!DEFINITION_NAME.matcher(definition.name()).matches()) {
      throw new IllegalArgumentException("definition name \"" + definition.name()
          + "\" does not give a Java class name; validation should have rejected it");
    }
    return Names.className(definition.name()) + "Config";
  }

  /** The record of {@code definition}, to be written in {@code javaPackage}. */
  static TypeSpec of(ContainerDefinition definition, String javaPackage, String version) {
    String className = className(definition);
    ClassName self = ClassName.get(javaPackage, className);
    Settings s = definition.effectiveSettings();
    List<Port> ports = ports(s);
    List<Variable> variables = variables(s, ports);

    boolean required = variables.stream().anyMatch(v -> v.kind() != Kind.ENV);
    CodeBlock.Builder doc = typeDoc(definition.name(), version).toBuilder();
    MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Checks that no value is null; any other value is accepted.\n");
    if (!variables.isEmpty() || !ports.isEmpty()) {
      doc.add("\n");
    }
    for (Variable v : variables) {
      constructor.addParameter(String.class, v.accessor());
      constructor.addStatement(
          "$T.requireNonNull($N, $S)", Objects.class, v.accessor(), v.accessor());
      doc.add("@param $L ", v.accessor()).add(componentDoc(v));
    }
    for (Port p : ports) {
      constructor.addParameter(int.class, p.accessor());
      doc.add(
          p.isDefault()
              ? "@param $L the port requests go to, {@code defaultPort($L)} in the definition\n"
              : "@param $L required port $L, from {@code requiredPorts} in the definition\n",
          p.accessor(),
          p.port());
    }

    TypeSpec.Builder type = TypeSpec.recordBuilder(className)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc.build())
        .recordConstructor(constructor.build())
        .addMethod(fromEnv(self, required))
        .addMethod(from(self, definition.name(), variables, ports, required));
    if (required) {
      type.addMethod(toStringHidingSecrets(className, variables, ports));
    }
    return type.build();
  }

  private static List<Port> ports(Settings s) {
    List<Port> ports = new ArrayList<>();
    if (s.defaultPort() != null) {
      ports.add(new Port("defaultPort", s.defaultPort(), true));
    }
    for (int port : new LinkedHashSet<>(s.requiredPorts())) {
      ports.add(new Port("port" + port, port, false));
    }
    return ports;
  }

  /**
   * The variables in component order. A name set by two kinds (which validation rejects) is kept
   * once, with the kind the container would see: Secrets Store over secrets over env.
   */
  private static List<Variable> variables(Settings s, List<Port> ports) {
    Map<String, Variable> byName = new LinkedHashMap<>();
    s.env().forEach((name, value) -> byName.put(name, new Variable(Kind.ENV, name, null, value)));
    for (String name : s.secrets()) {
      byName.put(name, new Variable(Kind.SECRET, name, null, null));
    }
    s.secretsStore()
        .forEach((name, binding) ->
            byName.put(name, new Variable(Kind.SECRETS_STORE, name, null, binding)));
    List<Variable> ordered = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      byName.values().stream().filter(v -> v.kind() == kind).forEach(ordered::add);
    }
    Map<String, String> accessors = JavaNames.accessors(
        ordered.stream().map(Variable::name).toList(),
        ports.stream().map(Port::accessor).toList());
    return ordered.stream()
        .map(v -> new Variable(v.kind(), v.name(), accessors.get(v.name()), v.value()))
        .toList();
  }

  private static CodeBlock typeDoc(String container, String version) {
    return CodeBlock.builder()
        .add(
            "Configuration of the container {@code $L}: one accessor per environment\n"
                + "variable, Worker secret, Secrets Store value and port of its definition.\n",
            container)
        .add(
            "\n<p>Generated by cfc $L from the definition; do not edit: {@code cfc generate}\n"
                + "rewrites this file.\n",
            version)
        .add(
            "\n<p>{@link #fromEnv()} and {@link #from($T)} read each variable by name. A variable"
                + " is\nabsent when it has no value; the empty string is a value. An absent"
                + " {@code env} value\nfalls back to the definition's value. Worker secrets and"
                + " Secrets Store values have no\nfallback: when any is absent, one"
                + " {@link IllegalStateException} names all of them. Ports\nare not read from the"
                + " environment: they are the definition's, the ports the Worker\nconnects to."
                + " {@link #toString()} hides secrets and Secrets Store values.\n",
            MAP)
        .build();
  }

  private static CodeBlock componentDoc(Variable v) {
    String name = docName(v.name());
    return switch (v.kind()) {
      case ENV ->
        CodeBlock.of("$L, an {@code env} value; the definition's value when absent\n", name);
      case SECRET -> CodeBlock.of("$L, a Worker secret; required\n", name);
      case SECRETS_STORE ->
        CodeBlock.of(
            "$L, a Secrets Store value (binding $L); required\n", name, docName(v.value()));
    };
  }

  /** {@code {@code NAME}}, or a stand-in when the name could break the comment. */
  private static String docName(String name) {
    return SAFE_NAME.matcher(name).matches() ? "{@code " + name + "}" : "(an unusual name)";
  }

  /**
   * The first candidate not yet taken, else the first with the smallest free suffix
   * {@code 2}, {@code 3}, ...; the name returned is taken from then on.
   */
  private static String free(Set<String> taken, String... candidates) {
    for (String candidate : candidates) {
      if (taken.add(candidate)) {
        return candidate;
      }
    }
    int n = 2;
    while (!taken.add(candidates[0] + n)) {
      n++;
    }
    return candidates[0] + n;
  }

  private static MethodSpec fromEnv(ClassName self, boolean required) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("fromEnv")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addJavadoc(
            "Reads the configuration from {@link System#getenv()}, as {@link #from($T)}"
                + " does.\n\n@return the configuration\n",
            MAP);
    if (required) {
      method.addJavadoc(THROWS);
    }
    return method.addStatement("return from($T.getenv())", System.class).build();
  }

  private static MethodSpec from(
      ClassName self,
      String container,
      List<Variable> variables,
      List<Port> ports,
      boolean required) {
    Set<String> taken = new HashSet<>();
    variables.forEach(v -> taken.add(v.accessor()));
    String env = free(taken, "env", "environment", "variables");
    String missing = free(taken, "missing", "absent", "missingNames");

    MethodSpec.Builder method = MethodSpec.methodBuilder("from")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(ParameterSpec.builder(STRING_MAP, env).build())
        .addJavadoc("Reads the configuration from {@code $L}, variable name to value.\n\n", env)
        .addJavadoc("@param $L the environment, such as {@link System#getenv()}\n", env)
        .addJavadoc("@return the configuration\n");
    if (required) {
      method.addJavadoc(THROWS);
    }
    method.addStatement("$T.requireNonNull($N, $S)", Objects.class, env, env);
    if (required) {
      method.addStatement(
          "$T<$T> $N = new $T<>()", List.class, String.class, missing, ArrayList.class);
    }
    for (Variable v : variables) {
      CodeBlock name = JavaLiterals.string(v.name());
      if (v.kind() == Kind.ENV) {
        method.addStatement(
            "$T $N = $T.requireNonNullElse($N.get($L),$W$L)",
            String.class,
            v.accessor(),
            Objects.class,
            env,
            name,
            JavaLiterals.string(v.value()));
      } else {
        method
            .addStatement("$T $N = $N.get($L)", String.class, v.accessor(), env, name)
            .beginControlFlow("if ($N == null)", v.accessor())
            .addStatement("$N.add($L)", missing, name)
            .endControlFlow();
      }
    }
    if (required) {
      method
          .beginControlFlow("if (!$N.isEmpty())", missing)
          .addStatement(
              "throw new $T($L$W+ $T.join($S, $N))",
              IllegalStateException.class,
              JavaLiterals.string(
                  "cfc: container " + container + " cannot start, missing environment variables: "),
              String.class,
              ", ",
              missing)
          .endControlFlow();
    }
    List<CodeBlock> arguments = new ArrayList<>();
    for (Variable v : variables) {
      arguments.add(CodeBlock.of("$N", v.accessor()));
    }
    for (Port p : ports) {
      arguments.add(CodeBlock.of("$L", p.port()));
    }
    method.addStatement("return new $T($L)", self, CodeBlock.join(arguments, ",$W"));
    return method.build();
  }

  /** The record's {@code toString()} with secrets and Secrets Store values hidden. */
  private static MethodSpec toStringHidingSecrets(
      String className, List<Variable> variables, List<Port> ports) {
    List<CodeBlock> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder(className).append('[');
    String separator = "";
    for (Variable v : variables) {
      text.append(separator).append(v.accessor()).append('=');
      separator = ", ";
      if (v.kind() == Kind.ENV) {
        parts.add(CodeBlock.of("$S", text));
        parts.add(CodeBlock.of("$N", v.accessor()));
        text.setLength(0);
      } else {
        text.append("(hidden)");
      }
    }
    for (Port p : ports) {
      text.append(separator).append(p.accessor()).append('=');
      separator = ", ";
      parts.add(CodeBlock.of("$S", text));
      parts.add(CodeBlock.of("$N", p.accessor()));
      text.setLength(0);
    }
    text.append(']');
    parts.add(CodeBlock.of("$S", text));
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("The record's usual text with the values of secrets and Secrets Store values"
            + " replaced by\n{@code (hidden)}.\n\n@return the text\n")
        .addStatement("return $L", CodeBlock.join(parts, "$W+ "))
        .build();
  }
}

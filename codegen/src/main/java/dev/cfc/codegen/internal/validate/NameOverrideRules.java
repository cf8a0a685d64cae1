package dev.cfc.codegen.internal.validate;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.Names;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a definition sets itself: {@code className(...)} must be a JavaScript class
 * identifier the generated files can declare ({@code CFC008}), {@code binding(...)} a binding
 * identifier ({@code CFC009}), and {@code renamedFrom} a class name when it names one
 * ({@code CFC004}). Whether they are unique across definitions is checked with the derived names
 * by {@link NameRules}.
 */
final class NameOverrideRules {

  private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern BINDING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Names the generated TypeScript declares or imports beside the classes; a class of that name
   * would shadow or clash with them.
   */
  private static final Set<String> GENERATED = Set.of(
      "CfcContainer",
      "CfcContainerConfig",
      "ContainerProxy",
      "Containers",
      "Env",
      "containers",
      "ContainerHandle",
      "HandleDeps",
      "createContainerHandle");

  /** Files of {@code typescript-out} that are not classes, lower case (file systems may fold). */
  private static final Set<String> FILES = Set.of("index", "handles");

  private final SourceResolver resolver;

  NameOverrideRules(SourceResolver resolver) {
    this.resolver = resolver;
  }

  List<Diagnostic> check(List<ContainerDefinition> definitions) {
    List<Diagnostic> found = new ArrayList<>();
    for (ContainerDefinition d : definitions) {
      String className = d.className();
      if (className != null) {
        String problem = classProblem(className);
        if (problem != null) {
          found.add(Diagnostic.error(
              "CFC008",
              at(d, "className"),
              "className(\"" + printable(className) + "\") of container \"" + d.name() + "\" "
                  + problem,
              "use a JavaScript class name such as className(\"Sandbox\"): letters, digits, _"
                  + " or $, not starting with a digit"));
        }
      }
      String binding = d.binding();
      if (binding != null && !BINDING.matcher(binding).matches()) {
        found.add(Diagnostic.error(
            "CFC009",
            at(d, "binding"),
            "binding(\"" + printable(binding) + "\") of container \"" + d.name()
                + "\" is not a binding name ([A-Za-z_][A-Za-z0-9_]*)",
            "use letters, digits and _ only, for example binding(\"" + suggestBinding(binding)
                + "\")"));
      }
      String renamedFrom = d.renamedFrom();
      if (renamedFrom != null && Names.isClassReference(renamedFrom)) {
        String problem = CLASS_NAME.matcher(renamedFrom).matches() ? null : "is not a class name";
        if (renamedFrom.equals(Names.className(d))) {
          problem = "is the class it already has";
        }
        if (problem != null) {
          found.add(Diagnostic.error(
              "CFC004",
              at(d, "renamedFrom"),
              "renamedFrom(\"" + printable(renamedFrom) + "\") of container \"" + d.name() + "\" "
                  + problem,
              "give the previous Durable Object class exactly, as in the migrations"));
        }
      }
    }
    return found;
  }

  private static String classProblem(String className) {
    if (!CLASS_NAME.matcher(className).matches()) {
      return "is not a JavaScript class name";
    }
    if (className.length() > Names.MAX_DEFINITION_NAME) {
      return "is longer than " + Names.MAX_DEFINITION_NAME + " characters";
    }
    if (Names.RESERVED.contains(className)) {
      return "is a reserved word in JavaScript or TypeScript";
    }
    if (GENERATED.contains(className) || FILES.contains(className.toLowerCase(Locale.ROOT))) {
      return "is a name the generated TypeScript already uses";
    }
    return null;
  }

  private Diagnostic.Location at(ContainerDefinition d, String call) {
    SourceLocation where = d.sources().getOrDefault(call, d.where());
    return resolver.resolve(where);
  }

  private static String suggestBinding(String binding) {
    String fixed = binding.replaceAll("[^A-Za-z0-9_]+", "_");
    return fixed.isEmpty() || Character.isDigit(fixed.charAt(0)) ? "_" + fixed : fixed;
  }

  /** The value with control characters escaped, so a message stays on one line. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      out.append(
          c < 0x20 || c == '"' || c == '\\'
              ? String.format("\\u%04x", (int) c)
              : String.valueOf(c));
    }
    return out.toString();
  }
}

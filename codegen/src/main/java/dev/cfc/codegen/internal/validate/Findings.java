package dev.cfc.codegen.internal.validate;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the rule families put what they find during one run: each finding once, located where
 * the user wrote it.
 */
final class Findings {

  private final SourceResolver resolver;
  private final Set<Diagnostic> found = new LinkedHashSet<>();

  Findings(SourceResolver resolver) {
    this.resolver = resolver;
  }

  void error(String code, SourceLocation where, String message, String hint) {
    add(Diagnostic.error(code, locate(where), message, hint));
  }

  void warning(String code, SourceLocation where, String message, String hint) {
    add(Diagnostic.warning(code, locate(where), message, hint));
  }

  /** A finding located in a file rather than in the DSL, such as the wrangler config. */
  void add(Diagnostic diagnostic) {
    found.add(diagnostic);
  }

  Diagnostic.Location locate(SourceLocation where) {
    return resolver.resolve(where);
  }

  /** Where a setting of this scope is written, or the definition itself when not recorded. */
  static SourceLocation at(ContainerDefinition definition, Settings s, String key) {
    SourceLocation where = s.sourceOf(key);
    return where != null ? where : definition.where();
  }

  /**
   * The name matching {@code ^[A-Za-z_][A-Za-z0-9_]*$} a user most likely meant: other characters
   * become {@code _}, and a leading digit or an empty name gets a leading {@code _}.
   */
  static String asIdentifier(String name) {
    String fixed = name.replaceAll("[^A-Za-z0-9_]", "_");
    return fixed.isEmpty() || Character.isDigit(fixed.charAt(0)) ? "_" + fixed : fixed;
  }

  /** A value as a Java string literal, so blanks and control characters show in a message. */
  static String quote(String value) {
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

  /** Everything found, sorted by file and line. */
  List<Diagnostic> sorted() {
    List<Diagnostic> sorted = new ArrayList<>(found);
    sorted.sort(Diagnostic.ORDER);
    return sorted;
  }
}

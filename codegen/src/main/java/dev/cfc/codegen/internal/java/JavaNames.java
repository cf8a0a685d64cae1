package dev.cfc.codegen.internal.java;

import dev.cfc.codegen.internal.model.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * Java identifiers for the accessors of a generated {@code <Name>ContainerConfig}.
 *
 * <p>A variable name becomes lowerCamelCase: it is split at {@code _} (and any other character
 * that is not a letter or digit) and at camelCase boundaries, each word is lower-cased and every
 * word after the first is capitalised ({@code LOG_LEVEL} → {@code logLevel},
 * {@code S3_BUCKET} → {@code s3Bucket}, {@code HTTPProxy} → {@code httpProxy}). A name with no
 * letter or digit becomes {@code value}; one that starts with a digit gets a {@code v} in front.
 *
 * <p>Clashes are resolved the same way whatever the declaration order:
 * <ol>
 *   <li>a name that is a Java keyword, a method every record has ({@code toString},
 *       {@code hashCode}, {@code equals}, …), one of the generated static methods
 *       ({@code from}, {@code fromEnv}) or a port accessor ({@code defaultPort},
 *       {@code port8080}) gets {@code Value} appended ({@code CLASS} → {@code classValue});
 *   <li>variables that still share a name are ordered by their variable name
 *       ({@link String#compareTo}, so {@code LOG_LEVEL} before {@code log_level}): the first keeps
 *       the name, the others get the smallest suffix {@code 2}, {@code 3}, … that no other
 *       accessor has.
 * </ol>
 */
final class JavaNames {

  /** Members of every record and of {@link Object}, which a component must not shadow. */
  static final Set<String> RECORD_MEMBERS = Set.of(
      "clone",
      "finalize",
      "getClass",
      "hashCode",
      "notify",
      "notifyAll",
      "toString",
      "wait",
      "equals");

  /** The static methods of the generated record. */
  static final Set<String> FACTORY_METHODS = Set.of("from", "fromEnv");

  private JavaNames() {}

  /** {@code LOG_LEVEL} → {@code logLevel}, without clash resolution. */
  static String lowerCamel(String variable) {
    List<String> words = new ArrayList<>();
    for (String part : variable.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        words.addAll(Names.words(part));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      String lower = word.toLowerCase(Locale.ROOT);
      out.append(
          out.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
    }
    if (out.isEmpty()) {
      return "value";
    }
    if (Character.isDigit(out.charAt(0))) {
      out.insert(0, 'v');
    }
    return out.toString();
  }

  /** Whether {@code name} cannot be a component of the generated record as it is. */
  static boolean reserved(String name, Collection<String> portAccessors) {
    return notAnyRecordsComponent(name)
        || FACTORY_METHODS.contains(name)
        || portAccessors.contains(name);
  }

  /**
   * Whether {@code name} cannot be a component of any record: a keyword, a contextual keyword
   * javac refuses there, or a member every record has.
   */
  static boolean notAnyRecordsComponent(String name) {
    return SourceVersion.isKeyword(name, SourceVersion.RELEASE_17)
        || name.equals("var")
        || name.equals("yield")
        || name.equals("record")
        || RECORD_MEMBERS.contains(name);
  }

  /**
   * The accessor of every variable, variable name → identifier, in the order of
   * {@code variables}; identifiers are distinct and distinct from {@code portAccessors}.
   */
  static Map<String, String> accessors(List<String> variables, Collection<String> portAccessors) {
    Map<String, List<String>> byBase = new TreeMap<>();
    for (String variable : new TreeSet<>(variables)) {
      String base = lowerCamel(variable);
      if (reserved(base, portAccessors)) {
        base = base + "Value";
      }
      byBase.computeIfAbsent(base, k -> new ArrayList<>()).add(variable);
    }
    Set<String> taken = new HashSet<>(portAccessors);
    Map<String, String> chosen = new TreeMap<>();
    for (Map.Entry<String, List<String>> group : byBase.entrySet()) {
      String first = group.getValue().get(0);
      chosen.put(first, group.getKey());
      taken.add(group.getKey());
    }
    for (Map.Entry<String, List<String>> group : byBase.entrySet()) {
      List<String> rest = group.getValue().subList(1, group.getValue().size());
      for (String variable : rest) {
        int n = 2;
        while (taken.contains(group.getKey() + n)) {
          n++;
        }
        chosen.put(variable, group.getKey() + n);
        taken.add(group.getKey() + n);
      }
    }
    Map<String, String> inOrder = new LinkedHashMap<>();
    for (String variable : variables) {
      inOrder.put(variable, chosen.get(variable));
    }
    return inOrder;
  }
}

package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Config values in one neutral shape, so a parsed value and a desired one compare equal. */
final class Values {

  private Values() {}

  /**
   * {@code Integer}/{@code Short}/{@code Byte} become {@code Long}, {@code Float} becomes {@code
   * Double}, maps become {@code LinkedHashMap} and lists {@code ArrayList} (recursively); strings,
   * longs, doubles and booleans stay; anything else (dates) becomes its text.
   */
  static Object normalize(Object v) {
    if (v == null
        || v instanceof String
        || v instanceof Long
        || v instanceof Double
        || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      LinkedHashMap<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(o -> out.add(normalize(o)));
      return out;
    }
    return v.toString();
  }

  /**
   * A value as a reviewer reads it, in JSON notation whatever the config's syntax: {@code "x"},
   * {@code 5}, {@code true}, {@code {"A": "1"}}, {@code ["a", "b"]}.
   */
  static String display(Object v) {
    Object n = normalize(v);
    if (n instanceof String s) {
      return "\""
          + new String(
              com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s))
          + "\"";
    }
    if (n instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, val) -> parts.add(display(String.valueOf(k)) + ": " + display(val)));
      return "{" + String.join(", ", parts) + "}";
    }
    if (n instanceof List<?> l) {
      return "[" + String.join(", ", l.stream().map(Values::display).toList()) + "]";
    }
    return String.valueOf(n);
  }

  /** A normalised copy of a field map, keeping its order. */
  static LinkedHashMap<String, Object> normalizeFields(Map<String, ?> fields) {
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, normalize(v)));
    return out;
  }

  /** Whether two values are the same config value (map key order does not matter). */
  static boolean same(Object a, Object b) {
    return java.util.Objects.equals(normalize(a), normalize(b));
  }

  /**
   * The instance type names wrangler still accepts for sizes that were renamed: a config that
   * says {@code dev} or {@code standard} deploys exactly what {@code lite} or {@code standard-1}
   * does, so rewriting it would be a diff with no effect.
   */
  private static final Map<String, String> RENAMED_INSTANCE_TYPES =
      Map.of("dev", "lite", "standard", "standard-1");

  /**
   * Whether the value a {@code containers} entry has for {@code key} deploys the same as the one
   * cfc wants, so that cfc leaves it as written: {@link #same} values, a renamed instance type
   * and its new name, and a Dockerfile path with or without a leading {@code ./} (wrangler
   * resolves both against the config's directory).
   */
  static boolean equivalent(String key, Object have, Object want) {
    if (same(have, want)) {
      return true;
    }
    if (!(have instanceof String h) || !(want instanceof String w)) {
      return false;
    }
    return switch (key) {
      case "instance_type" ->
        RENAMED_INSTANCE_TYPES.getOrDefault(h, h).equals(RENAMED_INSTANCE_TYPES.getOrDefault(w, w));
      case "image", "image_build_context" ->
        isPath(h) && isPath(w) && normalPath(h).equals(normalPath(w));
      default -> false;
    };
  }

  /** Whether every value of {@code want} is {@link #equivalent} to the entry's. */
  static boolean equivalentFields(Map<String, Object> have, Map<String, Object> want) {
    if (!have.keySet().equals(want.keySet())) {
      return false;
    }
    return want.entrySet().stream()
        .allMatch(e -> equivalent(e.getKey(), have.get(e.getKey()), e.getValue()));
  }

  /** A relative path, as opposed to a registry reference such as {@code host/repo:tag}. */
  private static boolean isPath(String value) {
    return value.startsWith(".") || !value.contains(":") && !value.contains("@");
  }

  private static String normalPath(String value) {
    try {
      String normal = java.nio.file.Path.of(value).normalize().toString().replace('\\', '/');
      return normal.isEmpty() ? "." : normal;
    } catch (java.nio.file.InvalidPathException e) {
      return value;
    }
  }
}

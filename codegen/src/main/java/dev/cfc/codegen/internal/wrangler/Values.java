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
    if (v == null || v instanceof String || v instanceof Long || v instanceof Double
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
}

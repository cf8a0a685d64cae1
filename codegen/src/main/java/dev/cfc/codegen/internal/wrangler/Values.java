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
   * cfc wants, so that cfc leaves it as written, as wrangler 4.86 validates and normalises it
   * ({@code validateContainerApp}, {@code getNormalizedContainerOptions}): {@link #same} values
   * with numbers compared by value ({@code 1} and {@code 1.0}), a renamed instance type and its
   * new name, a custom instance type with a limit left out and one with wrangler's default for
   * it written, a path to the same file ({@code ./x}, {@code x}, {@code a/../x}; wrangler
   * resolves them against the config's directory), and {@code constraints.regions} in any case
   * (wrangler upper-cases them; {@code jurisdiction} it does not accept in another case).
   */
  static boolean equivalent(String key, Object have, Object want) {
    if (same(have, want) || sameNumbers(have, want)) {
      return true;
    }
    return switch (key) {
      case "instance_type" -> sameInstanceType(have, want);
      case "image", "image_build_context" ->
        have instanceof String h
            && want instanceof String w
            && isPath(h)
            && isPath(w)
            && normalPath(h).equals(normalPath(w));
      case "constraints" -> sameNumbers(upperCaseRegions(have), upperCaseRegions(want));
      default -> false;
    };
  }

  /**
   * Whether every key of either entry deploys the same: an {@link #equivalent} value in both, or,
   * in one of them only, the value wrangler deploys when the key is left out ({@link
   * #wranglerDefault}, read from {@code have}, the entry as written).
   */
  static boolean equivalentFields(Map<String, Object> have, Map<String, Object> want) {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(have.keySet());
    keys.addAll(want.keySet());
    for (String key : keys) {
      boolean equivalent = have.containsKey(key) && want.containsKey(key)
          ? equivalent(key, have.get(key), want.get(key))
          : isDefault(key, have.containsKey(key) ? have.get(key) : want.get(key), have);
      if (!equivalent) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} is what wrangler deploys for {@code key} left out of {@code entry}. */
  static boolean isDefault(String key, Object value, Map<String, Object> entry) {
    Object fallback = wranglerDefault(key, entry);
    return fallback != null && equivalent(key, value, fallback);
  }

  /**
   * The value wrangler 4.86 deploys for a {@code containers} key an entry leaves out
   * ({@code getNormalizedContainerOptions}), or {@code null} for a key without one cfc compares
   * with: {@code instance_type} {@code lite}, {@code max_instances} 20, {@code scheduling_policy}
   * {@code default}, {@code rollout_kind} {@code full_auto}, {@code rollout_active_grace_period}
   * 0, {@code rollout_step_percentage} 100 when {@code max_instances} is unset or below 2 and
   * {@code [10, 100]} otherwise, and {@code image_build_context} the Dockerfile's directory.
   */
  static Object wranglerDefault(String key, Map<String, Object> entry) {
    return switch (key) {
      case "instance_type" -> "lite";
      case "max_instances" -> 20L;
      case "scheduling_policy" -> "default";
      case "rollout_kind" -> "full_auto";
      case "rollout_active_grace_period" -> 0L;
      case "rollout_step_percentage" ->
        entry.get("max_instances") instanceof Number n && n.doubleValue() >= 2
            ? List.of(10L, 100L)
            : 100L;
      case "image_build_context" ->
        entry.get("image") instanceof String image && isPath(image) ? directoryOf(image) : null;
      default -> null;
    };
  }

  /**
   * The value cfc writes for {@code key} into an entry that has {@code have}: {@code want}, with
   * the members of {@code constraints} cfc has no call for ({@code tiers}, {@code cities}, or
   * anything newer) kept from the entry, so that setting the regions never drops them.
   */
  static Object keepingUnmodelled(String key, Object have, Object want) {
    if (!key.equals("constraints")
        || !(have instanceof Map<?, ?> written)
        || !(want instanceof Map<?, ?> wanted)) {
      return want;
    }
    LinkedHashMap<String, Object> merged = new LinkedHashMap<>();
    written.forEach((k, v) -> {
      String member = String.valueOf(k);
      if (!MODELLED_CONSTRAINTS.contains(member)) {
        merged.put(member, v);
      }
    });
    if (merged.isEmpty()) {
      return want;
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    wanted.forEach((k, v) -> out.put(String.valueOf(k), v));
    out.putAll(merged);
    return out;
  }

  /** The members of {@code constraints} cfc writes. */
  private static final java.util.Set<String> MODELLED_CONSTRAINTS =
      java.util.Set.of("regions", "jurisdiction");

  /** The limits wrangler gives a custom instance type that leaves one out. */
  private static final Map<String, Object> CUSTOM_TYPE_DEFAULTS =
      Map.of("vcpu", 0.0625, "memory_mib", 256L, "disk_mb", 2000L);

  private static boolean sameInstanceType(Object have, Object want) {
    if (have instanceof String h && want instanceof String w) {
      return RENAMED_INSTANCE_TYPES
          .getOrDefault(h, h)
          .equals(RENAMED_INSTANCE_TYPES.getOrDefault(w, w));
    }
    if (have instanceof Map<?, ?> h && want instanceof Map<?, ?> w) {
      return sameNumbers(withCustomTypeDefaults(h), withCustomTypeDefaults(w));
    }
    return false;
  }

  private static Map<String, Object> withCustomTypeDefaults(Map<?, ?> limits) {
    Map<String, Object> out = new LinkedHashMap<>(CUSTOM_TYPE_DEFAULTS);
    limits.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static Object upperCaseRegions(Object constraints) {
    if (!(constraints instanceof Map<?, ?> m) || !(m.get("regions") instanceof List<?> regions)) {
      return constraints;
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    out.put(
        "regions",
        regions.stream()
            .map(r -> r instanceof String s ? s.toUpperCase(java.util.Locale.ROOT) : r)
            .toList());
    return out;
  }

  /** {@link #same}, except that numbers compare by value whether written as integer or float. */
  private static boolean sameNumbers(Object a, Object b) {
    Object x = normalize(a);
    Object y = normalize(b);
    if (x instanceof Number m && y instanceof Number n) {
      return m.doubleValue() == n.doubleValue();
    }
    if (x instanceof Map<?, ?> m && y instanceof Map<?, ?> n) {
      return m.keySet().equals(n.keySet())
          && m.keySet().stream().allMatch(k -> sameNumbers(m.get(k), n.get(k)));
    }
    if (x instanceof List<?> l && y instanceof List<?> r) {
      if (l.size() != r.size()) {
        return false;
      }
      for (int i = 0; i < l.size(); i++) {
        if (!sameNumbers(l.get(i), r.get(i))) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.equals(x, y);
  }

  /** A relative path, as opposed to a registry reference such as {@code host/repo:tag}. */
  private static boolean isPath(String value) {
    return value.startsWith(".") || !value.contains(":") && !value.contains("@");
  }

  /** The directory of a Dockerfile path, which wrangler builds in when no context is given. */
  private static String directoryOf(String dockerfile) {
    String normal = normalPath(dockerfile);
    int slash = normal.lastIndexOf('/');
    return slash < 0 ? "." : normal.substring(0, slash);
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

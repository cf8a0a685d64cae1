package dev.cfc.dsl.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Not API: what {@code Map.of}, {@code Map.ofEntries} and {@code Map.copyOf} become in
 * definitions that cfc compiles, for the reason {@link StableSet} gives: these keep the order the
 * entries were written in (or the source map's order), with the JDK's checks for nulls and
 * duplicate keys, and unmodifiable results.
 */
public final class StableMap {

  private StableMap() {}

  /** {@code Map.of()}. */
  public static <K, V> Map<K, V> of() {
    return Map.of();
  }

  /** {@code Map.of} with 1 entry, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 2 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 3 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    put(map, k3, v3);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 4 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    put(map, k3, v3);
    put(map, k4, v4);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 5 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    put(map, k3, v3);
    put(map, k4, v4);
    put(map, k5, v5);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 6 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    put(map, k3, v3);
    put(map, k4, v4);
    put(map, k5, v5);
    put(map, k6, v6);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 7 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6, K k7, V v7) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    put(map, k3, v3);
    put(map, k4, v4);
    put(map, k5, v5);
    put(map, k6, v6);
    put(map, k7, v7);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 8 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6, K k7, V v7, K k8, V v8) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    put(map, k3, v3);
    put(map, k4, v4);
    put(map, k5, v5);
    put(map, k6, v6);
    put(map, k7, v7);
    put(map, k8, v8);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 9 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6, K k7, V v7, K k8, V v8, K k9, V v9) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    put(map, k3, v3);
    put(map, k4, v4);
    put(map, k5, v5);
    put(map, k6, v6);
    put(map, k7, v7);
    put(map, k8, v8);
    put(map, k9, v9);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.of} with 10 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6, K k7, V v7, K k8, V v8, K k9, V v9, K k10, V v10) {
    Map<K, V> map = new LinkedHashMap<>();
    put(map, k1, v1);
    put(map, k2, v2);
    put(map, k3, v3);
    put(map, k4, v4);
    put(map, k5, v5);
    put(map, k6, v6);
    put(map, k7, v7);
    put(map, k8, v8);
    put(map, k9, v9);
    put(map, k10, v10);
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.ofEntries}, in the order given. */
  @SafeVarargs
  public static <K, V> Map<K, V> ofEntries(Map.Entry<? extends K, ? extends V>... entries) {
    Map<K, V> map = new LinkedHashMap<>();
    for (Map.Entry<? extends K, ? extends V> entry : entries) {
      put(map, entry.getKey(), entry.getValue());
    }
    return Collections.unmodifiableMap(map);
  }

  /** {@code Map.copyOf}, in the map's own iteration order. */
  public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map) {
    Map<K, V> copy = new LinkedHashMap<>();
    map.forEach((key, value) ->
        copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static <K, V> void put(Map<K, V> map, K key, V value) {
    if (map.put(Objects.requireNonNull(key), Objects.requireNonNull(value)) != null) {
      throw new IllegalArgumentException("duplicate key: " + key);
    }
  }
}

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
    return ofPairs(k1, v1);
  }

  /** {@code Map.of} with 2 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2) {
    return ofPairs(k1, v1, k2, v2);
  }

  /** {@code Map.of} with 3 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3) {
    return ofPairs(k1, v1, k2, v2, k3, v3);
  }

  /** {@code Map.of} with 4 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4) {
    return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4);
  }

  /** {@code Map.of} with 5 entries, in the order given. */
  public static <K, V> Map<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5) {
    return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5);
  }

  /** {@code Map.of} with 6 entries, in the order given. */
  public static <K, V> Map<K, V> of(
      K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6) {
    return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6);
  }

  /** {@code Map.of} with 7 entries, in the order given. */
  public static <K, V> Map<K, V> of(
      K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6, K k7, V v7) {
    return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7);
  }

  /** {@code Map.of} with 8 entries, in the order given. */
  public static <K, V> Map<K, V> of(
      K k1,
      V v1,
      K k2,
      V v2,
      K k3,
      V v3,
      K k4,
      V v4,
      K k5,
      V v5,
      K k6,
      V v6,
      K k7,
      V v7,
      K k8,
      V v8) {
    return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7, k8, v8);
  }

  /** {@code Map.of} with 9 entries, in the order given. */
  public static <K, V> Map<K, V> of(
      K k1,
      V v1,
      K k2,
      V v2,
      K k3,
      V v3,
      K k4,
      V v4,
      K k5,
      V v5,
      K k6,
      V v6,
      K k7,
      V v7,
      K k8,
      V v8,
      K k9,
      V v9) {
    return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7, k8, v8, k9, v9);
  }

  /** {@code Map.of} with 10 entries, in the order given. */
  public static <K, V> Map<K, V> of(
      K k1,
      V v1,
      K k2,
      V v2,
      K k3,
      V v3,
      K k4,
      V v4,
      K k5,
      V v5,
      K k6,
      V v6,
      K k7,
      V v7,
      K k8,
      V v8,
      K k9,
      V v9,
      K k10,
      V v10) {
    return ofPairs(
        k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7, k8, v8, k9, v9, k10, v10);
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
    map.forEach(
        (key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Map<K, V> ofPairs(Object... keysAndValues) {
    Map<K, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      put(map, (K) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private static <K, V> void put(Map<K, V> map, K key, V value) {
    if (map.put(Objects.requireNonNull(key), Objects.requireNonNull(value)) != null) {
      throw new IllegalArgumentException("duplicate key: " + key);
    }
  }
}

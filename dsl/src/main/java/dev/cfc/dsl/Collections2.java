package dev.cfc.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Insertion-ordered immutable maps, which {@code Map.copyOf} does not give. */
final class Collections2 {

  private Collections2() {}

  static <K, V> Map<K, V> copyOrdered(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <K, V> Map<K, V> merge(Map<K, V> base, Map<K, V> top) {
    LinkedHashMap<K, V> out = new LinkedHashMap<>(base);
    out.putAll(top);
    return Collections.unmodifiableMap(out);
  }
}

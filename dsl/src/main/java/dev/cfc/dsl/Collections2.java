package dev.cfc.dsl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Insertion-ordered immutable maps, which {@code Map.copyOf} does not give, and the order the
 * DSL gives collections and maps passed to it.
 */
final class Collections2 {

  private Collections2() {}

  static <K, V> Map<K, V> copyOrdered(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * The entries of a map in the map's own order when it has one ({@link LinkedHashMap},
   * {@link SortedMap}), else sorted by key: a {@code HashMap} or {@code Map.of} has no order
   * of its own, and following theirs would make generated files change from run to run.
   */
  static <V> Map<String, V> inDefinedOrder(Map<String, V> map, String what) {
    Objects.requireNonNull(map, what);
    return map instanceof LinkedHashMap || map instanceof SortedMap ? map : new TreeMap<>(map);
  }

  /**
   * The values of a collection in its own order when it has one ({@link List},
   * {@link LinkedHashSet}, {@link SortedSet}), else sorted, for the same reason.
   */
  static List<String> inDefinedOrder(Collection<String> values, String what) {
    Objects.requireNonNull(values, what);
    List<String> list = new ArrayList<>(values);
    list.forEach(value -> Objects.requireNonNull(value, what));
    if (!(values instanceof List
        || values instanceof LinkedHashSet
        || values instanceof SortedSet)) {
      Collections.sort(list);
    }
    return list;
  }
}

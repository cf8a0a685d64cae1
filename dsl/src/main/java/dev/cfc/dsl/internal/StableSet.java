package dev.cfc.dsl.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Not API: what {@code Set.of} and {@code Set.copyOf} become in definitions that cfc compiles.
 * The JDK's sets iterate in an order salted afresh in every JVM, so hosts or definitions built
 * from {@code Set.of} would generate different files on every run; these keep the order the
 * elements were written in (or the source collection's order), with the JDK's checks for nulls
 * and duplicates, and unmodifiable results.
 */
public final class StableSet {

  private StableSet() {}

  /** {@code Set.of()}. */
  public static <E> Set<E> of() {
    return Set.of();
  }

  /** {@code Set.of} with 1 element, in the order given. */
  public static <E> Set<E> of(E e1) {
    return ofArray(e1);
  }

  /** {@code Set.of} with 2 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2) {
    return ofArray(e1, e2);
  }

  /** {@code Set.of} with 3 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2, E e3) {
    return ofArray(e1, e2, e3);
  }

  /** {@code Set.of} with 4 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2, E e3, E e4) {
    return ofArray(e1, e2, e3, e4);
  }

  /** {@code Set.of} with 5 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2, E e3, E e4, E e5) {
    return ofArray(e1, e2, e3, e4, e5);
  }

  /** {@code Set.of} with 6 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2, E e3, E e4, E e5, E e6) {
    return ofArray(e1, e2, e3, e4, e5, e6);
  }

  /** {@code Set.of} with 7 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2, E e3, E e4, E e5, E e6, E e7) {
    return ofArray(e1, e2, e3, e4, e5, e6, e7);
  }

  /** {@code Set.of} with 8 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2, E e3, E e4, E e5, E e6, E e7, E e8) {
    return ofArray(e1, e2, e3, e4, e5, e6, e7, e8);
  }

  /** {@code Set.of} with 9 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2, E e3, E e4, E e5, E e6, E e7, E e8, E e9) {
    return ofArray(e1, e2, e3, e4, e5, e6, e7, e8, e9);
  }

  /** {@code Set.of} with 10 elements, in the order given. */
  public static <E> Set<E> of(E e1, E e2, E e3, E e4, E e5, E e6, E e7, E e8, E e9, E e10) {
    return ofArray(e1, e2, e3, e4, e5, e6, e7, e8, e9, e10);
  }

  /** {@code Set.of(E...)}, in the order given. */
  @SafeVarargs
  public static <E> Set<E> of(E... elements) {
    return ofArray(elements);
  }

  @SafeVarargs
  private static <E> Set<E> ofArray(E... elements) {
    Set.of(elements); // the same NullPointerException or IllegalArgumentException (duplicate)
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(elements)));
  }

  /** {@code Set.copyOf}, in the collection's own iteration order. */
  public static <E> Set<E> copyOf(Collection<? extends E> collection) {
    for (E element : collection) {
      Objects.requireNonNull(element);
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(collection));
  }
}

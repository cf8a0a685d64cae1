package dev.cfc.codegen.internal.wrangler;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which config entries cfc manages. An entry is cfc's when its {@code class_name} belongs to a
 * definition (its class, or the class it is being renamed from) and cfc wrote it before or the
 * definition adopts it; a previously managed class with no definition is to be removed. Every
 * other entry is left exactly as it is.
 */
final class Ownership {

  private final Map<String, DesiredContainer> ownerByClass = new HashMap<>();
  private final Set<String> removed = new LinkedHashSet<>();
  private final Set<String> touchable = new LinkedHashSet<>();
  private final Set<String> previouslyManaged;
  private final boolean adoptAll;

  Ownership(DesiredState desired, Set<String> previouslyManaged, Set<String> aliveClasses) {
    this.previouslyManaged = Set.copyOf(previouslyManaged);
    this.adoptAll = desired.adoptAll();
    Set<String> renameSources = new LinkedHashSet<>();
    for (DesiredContainer d : desired.containers()) {
      ownerByClass.put(d.className(), d);
      touchable.add(d.className());
    }
    for (DesiredContainer d : desired.containers()) {
      if (d.isRenamed()) {
        renameSources.add(d.renamedFromClass());
        touchable.add(d.renamedFromClass());
        if (!aliveClasses.contains(d.className())) {
          ownerByClass.putIfAbsent(d.renamedFromClass(), d);
        }
      }
    }
    for (String c : previouslyManaged) {
      touchable.add(c);
      if (!ownerByClass.containsKey(c) && !renameSources.contains(c)) {
        removed.add(c);
      }
    }
  }

  /** The definition an entry with this class belongs to, or {@code null}. */
  DesiredContainer owner(String className) {
    return className == null ? null : ownerByClass.get(className);
  }

  /** Whether cfc may edit an entry of this class for this definition without a clash. */
  boolean mayManage(DesiredContainer owner, String className) {
    return previouslyManaged.contains(className) || owner.adopt() || adoptAll;
  }

  /** Previously managed classes that have no definition any more, in lock order. */
  Set<String> removed() {
    return java.util.Collections.unmodifiableSet(removed);
  }

  /**
   * Classes whose entries cfc may change in some run: definitions, rename sources and previously
   * managed classes. Entries of every other class must come out byte-identical.
   */
  Set<String> touchable() {
    return java.util.Collections.unmodifiableSet(touchable);
  }
}

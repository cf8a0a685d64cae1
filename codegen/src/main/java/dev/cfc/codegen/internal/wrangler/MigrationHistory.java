package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The migration history replayed in file order, the way wrangler applies it: within one entry
 * {@code deleted_classes}, then {@code renamed_classes} / {@code transferred_classes}, then {@code
 * new_classes} and {@code new_sqlite_classes}. Entries are never edited; this only reads them and
 * reports what would break a deploy.
 */
final class MigrationHistory {

  private final Set<String> alive = new LinkedHashSet<>();
  private final Set<String> tags = new LinkedHashSet<>();
  private final Map<String, Diagnostic.Location> createdAt = new HashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private MigrationHistory() {}

  /**
   * Replays the top-level migrations.
   *
   * @param migrations the top-level {@code migrations} array
   * @param containerClasses classes that are containers (must be SQLite-backed)
   */
  static MigrationHistory replay(DocArray migrations, Set<String> containerClasses) {
    MigrationHistory h = new MigrationHistory();
    for (DocEntry m : migrations.entries()) {
      h.apply(m, containerClasses);
    }
    return h;
  }

  private void apply(DocEntry m, Set<String> containerClasses) {
    Object tag = m.values().get("tag");
    if (!(tag instanceof String t)) {
      diagnostics.add(Diagnostic.error(
          WranglerCodes.BAD_MIGRATION,
          m.at(),
          "migration #" + (m.index() + 1) + " has no string `tag`",
          "add tag = \"vN\" with a tag not used by any other migration"));
    } else if (!tags.add(t)) {
      diagnostics.add(Diagnostic.error(
          WranglerCodes.DUPLICATE_TAG,
          m.locationOf("tag"),
          "migration tag \"" + t + "\" is used twice",
          "give this migration an unused tag; wrangler would silently apply only one"));
    }
    for (String c : strings(m.values().get("deleted_classes"))) {
      if (!alive.remove(c)) {
        diagnostics.add(Diagnostic.error(
            WranglerCodes.UNKNOWN_CLASS_IN_HISTORY,
            m.locationOf("deleted_classes"),
            "migration deletes class " + c + ", which no earlier migration created",
            "fix the class name, or remove it if this migration was never deployed"));
      }
    }
    for (String key : List.of("renamed_classes", "transferred_classes")) {
      for (Map<?, ?> r : maps(m.values().get(key))) {
        Object from = r.get("from");
        Object to = r.get("to");
        if (!(to instanceof String toClass)) {
          continue;
        }
        if ("renamed_classes".equals(key)) {
          if (from instanceof String f && !alive.remove(f)) {
            diagnostics.add(Diagnostic.error(
                WranglerCodes.UNKNOWN_CLASS_IN_HISTORY,
                m.locationOf(key),
                "migration renames class " + f + ", which does not exist at that point",
                "fix the class name, or remove it if this migration was never deployed"));
          }
        }
        create(toClass, m, key);
      }
    }
    for (String c : strings(m.values().get("new_classes"))) {
      if (containerClasses.contains(c)) {
        diagnostics.add(Diagnostic.error(
            WranglerCodes.NOT_SQLITE,
            m.locationOf("new_classes"),
            "container class " + c + " is created with `new_classes`; containers need a"
                + " SQLite-backed class",
            "if this migration was never deployed, use new_sqlite_classes = [\"" + c + "\"]"));
      }
      create(c, m, "new_classes");
    }
    for (String c : strings(m.values().get("new_sqlite_classes"))) {
      create(c, m, "new_sqlite_classes");
    }
  }

  private void create(String c, DocEntry m, String key) {
    Diagnostic.Location at = m.locationOf(key);
    if (alive.contains(c)) {
      Diagnostic.Location first = createdAt.get(c);
      diagnostics.add(Diagnostic.error(
          WranglerCodes.CLASS_CREATED_TWICE,
          at,
          "class " + c + " is created again in `" + key + "` but already exists"
              + (first == null ? "" : " (created at line " + first.line() + ")"),
          "remove it from this migration if it was never deployed"));
    }
    alive.add(c);
    createdAt.putIfAbsent(c, at);
  }

  /** Classes that exist after the whole history. */
  Set<String> alive() {
    return java.util.Collections.unmodifiableSet(alive);
  }

  /** Tags used, in file order. */
  Set<String> tags() {
    return java.util.Collections.unmodifiableSet(tags);
  }

  /** Problems found while replaying. */
  List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static List<Map<?, ?>> maps(Object v) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          out.add(m);
        }
      }
    }
    return out;
  }
}

package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last line of defence before anything is written: re-reads the edited config with the same
 * backend and checks that it holds exactly the desired managed state, that the migration history
 * only grew at its end, and that everything cfc does not manage is unchanged as values.
 */
final class ManagedStateCheck {

  private ManagedStateCheck() {}

  /**
   * Problems found, empty when the edit is right.
   *
   * @param ownership the planner's, whose {@link Ownership#touchable()} classes are the only
   *     ones whose entries may differ
   */
  static List<String> verify(
      ConfigBackend backend,
      ConfigDocument before,
      String newText,
      DesiredState desired,
      Ownership ownership,
      Set<String> previouslyManaged,
      WrittenKeys written) {
    List<String> problems = new ArrayList<>();
    ConfigDocument after = before;
    // Unchanged text is the document already parsed; checking it is still worth doing.
    if (!newText.equals(before.source().text())) {
      ConfigBackend.Parsed parsed =
          backend.parse(new ConfigSource(before.source().path(), newText));
      if (parsed.document() == null) {
        problems.add(
            "the edited config does not parse: " + parsed.diagnostics().get(0).render());
        return problems;
      }
      after = parsed.document();
    }
    Set<String> touchable = ownership.touchable();

    for (String scope : desired.scopes()) {
      Kept kept = new Kept(before, scope, previouslyManaged, written);
      checkScope(after, scope, ArrayKind.CONTAINERS, desired, touchable, kept, problems);
      checkScope(after, scope, ArrayKind.BINDINGS, desired, touchable, kept, problems);
    }

    List<DocEntry> oldHistory = before.array("", ArrayKind.MIGRATIONS).entries();
    List<DocEntry> newHistory = after.array("", ArrayKind.MIGRATIONS).entries();
    if (newHistory.size() < oldHistory.size()) {
      problems.add("migrations were removed");
    } else {
      for (int i = 0; i < oldHistory.size(); i++) {
        if (!Values.same(oldHistory.get(i).values(), newHistory.get(i).values())) {
          problems.add("migration #" + (i + 1) + " changed");
        }
      }
    }
    MigrationHistory history =
        MigrationHistory.replay(after.array("", ArrayKind.MIGRATIONS), Set.of());
    if (!history.diagnostics().isEmpty()) {
      problems.add("the new migration history is inconsistent: "
          + history.diagnostics().get(0).message());
    }
    for (DesiredContainer d : desired.containers()) {
      if (!history.alive().contains(d.className())) {
        problems.add("no migration creates " + d.className());
      }
    }

    if (!unmanaged(before.values(), touchable).equals(unmanaged(after.values(), touchable))) {
      problems.add("content cfc does not manage changed");
    }
    return problems;
  }

  /**
   * The keys of a managed entry that cfc does not own, as they were before the edit: they must
   * come through it unchanged.
   */
  private record Kept(
      ConfigDocument before, String scope, Set<String> previouslyManaged, WrittenKeys written) {

    Map<String, Object> of(ArrayKind kind, DesiredContainer d, Map<String, Object> want) {
      DocArray array = before.array(scope, kind);
      DocEntry old = array.entryOf(d.className());
      if (old == null && d.isRenamed()) {
        old = array.entryOf(d.renamedFromClass());
      }
      Map<String, Object> kept = new LinkedHashMap<>();
      if (old != null) {
        Set<String> removable = kind == ArrayKind.BINDINGS
            ? ReconcilePlanner.BINDING_KEYS
            : written.removable(
                scope, old.className(), previouslyManaged.contains(old.className()));
        old.values().forEach((k, v) -> {
          if (!want.containsKey(k) && !removable.contains(k)) {
            kept.put(k, v);
          } else if (want.containsKey(k)) {
            Object merged = Values.keepingUnmodelled(k, v, want.get(k));
            if (merged != want.get(k)) {
              kept.put(k, merged);
            }
          }
        });
      }
      return kept;
    }
  }

  private static void checkScope(
      ConfigDocument after,
      String scope,
      ArrayKind kind,
      DesiredState desired,
      Set<String> touchable,
      Kept kept,
      List<String> problems) {
    Set<String> wanted = new LinkedHashSet<>();
    // Entries by class, read once: checking N definitions stays linear in N.
    Map<String, List<DocEntry>> byClass = new HashMap<>();
    for (DocEntry e : after.array(scope, kind).entries()) {
      if (e.className() != null) {
        byClass.computeIfAbsent(e.className(), c -> new ArrayList<>()).add(e);
      }
    }
    for (DesiredContainer d : desired.containers()) {
      wanted.add(d.className());
      LinkedHashMap<String, Object> want = kind == ArrayKind.CONTAINERS
          ? ReconcilePlanner.containerFields(d, scope)
          : ReconcilePlanner.bindingFields(d);
      List<DocEntry> found = byClass.getOrDefault(d.className(), List.of());
      LinkedHashMap<String, Object> expected = new LinkedHashMap<>(want);
      expected.putAll(kept.of(kind, d, want));
      if (found.size() != 1
          || !Values.equivalentFields(
              Values.normalizeFields(found.get(0).values()), Values.normalizeFields(expected))) {
        problems.add(kind.describe(scope) + " for " + d.className() + " is not as defined");
      }
    }
    for (DocEntry e : after.array(scope, kind).entries()) {
      String c = e.className();
      if (c != null && touchable.contains(c) && !wanted.contains(c) && desired.allowDestroy()) {
        problems.add(kind.describe(scope) + " still has removed class " + c);
      }
    }
  }

  /**
   * The config without what cfc may change: managed entries of {@code containers} and {@code
   * durable_objects.bindings} in every scope, and the migrations (checked separately).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> unmanaged(Map<String, Object> tree, Set<String> touchable) {
    Map<String, Object> copy = (Map<String, Object>) Values.normalize(tree);
    copy.remove("migrations");
    stripScope(copy, touchable);
    if (copy.get("env") instanceof Map<?, ?> env) {
      Map<String, Object> envs = (Map<String, Object>) env;
      for (String name : new ArrayList<>(envs.keySet())) {
        if (envs.get(name) instanceof Map<?, ?> scope) {
          stripScope((Map<String, Object>) scope, touchable);
          if (scope.isEmpty()) {
            envs.remove(name);
          }
        }
      }
      if (envs.isEmpty()) {
        copy.remove("env");
      }
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void stripScope(Map<String, Object> scope, Set<String> touchable) {
    stripArray(scope, "containers", touchable);
    if (scope.get("durable_objects") instanceof Map<?, ?> dObjects) {
      Map<String, Object> d = (Map<String, Object>) dObjects;
      stripArray(d, "bindings", touchable);
      if (d.isEmpty()) {
        scope.remove("durable_objects");
      }
    }
  }

  private static void stripArray(Map<String, Object> table, String key, Set<String> touchable) {
    if (table.get(key) instanceof List<?> list) {
      List<Object> kept = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> m
            && m.get("class_name") instanceof String c
            && touchable.contains(c))) {
          kept.add(o);
        }
      }
      if (kept.isEmpty()) {
        table.remove(key);
      } else {
        table.put(key, kept);
      }
    }
  }
}

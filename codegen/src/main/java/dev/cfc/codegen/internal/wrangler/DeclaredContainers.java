package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code containers} entries a parsed config declares, grouped by class across the top level
 * and every environment, with the Durable Object binding of each class: what {@code cfc import}
 * turns into definitions.
 */
public final class DeclaredContainers {

  private DeclaredContainers() {}

  /**
   * One entry of one class in one scope.
   *
   * @param scope {@code ""} or the environment name
   * @param values the entry's keys and values in file order, normalised
   * @param at where the entry starts
   * @param keyAt where each key is written, when known
   */
  public record ScopedEntry(
      String scope,
      Map<String, Object> values,
      Diagnostic.Location at,
      Map<String, Diagnostic.Location> keyAt) {
    public ScopedEntry {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      keyAt = Map.copyOf(keyAt);
    }

    /** Where a key is written, falling back to the entry. */
    public Diagnostic.Location locationOf(String key) {
      return keyAt.getOrDefault(key, at);
    }
  }

  /**
   * One container class of the config.
   *
   * @param className its {@code class_name}
   * @param binding the {@code durable_objects.bindings[].name} of the class (the top level's
   *     first, else the first environment's), or {@code null} when none binds it
   * @param entries its entry per scope, top level first, in file order
   * @param unbound the scopes with an entry of the class but no binding for it
   * @param created whether a migration creates the class (or renames a class to it)
   */
  public record Declared(
      String className,
      String binding,
      Map<String, ScopedEntry> entries,
      List<String> unbound,
      boolean created) {
    public Declared {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      unbound = List.copyOf(unbound);
    }
  }

  /**
   * What a config declares.
   *
   * @param containers every class with an entry, in order of first appearance
   * @param environments every environment the config declares, in file order
   * @param problems entries without a string {@code class_name}, and arrays that are no arrays
   *     of tables, as errors
   */
  public record Result(
      List<Declared> containers, List<String> environments, List<Diagnostic> problems) {
    public Result {
      containers = List.copyOf(containers);
      environments = List.copyOf(environments);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads a parsed config; {@code entryCode} is the diagnostic code of an entry cfc cannot read.
   */
  public static Result read(ParsedConfig config, String entryCode) {
    ConfigDocument doc = config.document();
    if (doc == null) {
      return new Result(List.of(), List.of(), config.diagnostics());
    }
    Map<String, Map<String, ScopedEntry>> byClass = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String scope : doc.scopes()) {
      DocArray array = doc.array(scope, ArrayKind.CONTAINERS);
      if (array.state() == DocArray.State.INVALID) {
        problems.add(Diagnostic.error(
            entryCode,
            array.at(),
            ArrayKind.CONTAINERS.describe(scope) + " is not an array of tables, so cfc cannot"
                + " read its containers",
            "write each container as its own [[containers]] table / {…} object"));
        continue;
      }
      for (DocEntry entry : array.entries()) {
        String className = entry.className();
        if (className == null) {
          problems.add(Diagnostic.error(
              entryCode,
              entry.locationOf("class_name"),
              "a container entry in " + ConfigDocument.describeScope(scope)
                  + " has no class_name, so it declares no class cfc can define",
              "add class_name = \"…\" naming its Durable Object class (wrangler needs it too)"));
          continue;
        }
        byClass
            .computeIfAbsent(className, c -> new LinkedHashMap<>())
            .putIfAbsent(scope, new ScopedEntry(scope, entry.values(), entry.at(), entry.keyAt()));
      }
    }
    List<Declared> containers = new ArrayList<>();
    byClass.forEach((className, entries) -> {
      List<String> unbound = entries.keySet().stream()
          .filter(scope -> doc.array(scope, ArrayKind.BINDINGS).entryOf(className) == null)
          .toList();
      containers.add(new Declared(
          className, bindingOf(doc, className), entries, unbound, created(doc, className)));
    });
    return new Result(containers, List.copyOf(doc.environmentNames()), problems);
  }

  private static boolean created(ConfigDocument doc, String className) {
    for (String scope : doc.scopes()) {
      for (DocEntry migration : doc.array(scope, ArrayKind.MIGRATIONS).entries()) {
        for (String key : List.of("new_sqlite_classes", "new_classes")) {
          if (migration.values().get(key) instanceof List<?> classes
              && classes.contains(className)) {
            return true;
          }
        }
        if (migration.values().get("renamed_classes") instanceof List<?> renames
            && renames.stream()
                .anyMatch(r -> r instanceof Map<?, ?> m && className.equals(m.get("to")))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String bindingOf(ConfigDocument doc, String className) {
    for (String scope : doc.scopes()) {
      DocEntry binding = doc.array(scope, ArrayKind.BINDINGS).entryOf(className);
      if (binding != null && binding.values().get("name") instanceof String name) {
        return name;
      }
    }
    return null;
  }
}

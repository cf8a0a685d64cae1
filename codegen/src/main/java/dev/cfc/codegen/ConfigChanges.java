package dev.cfc.codegen;

import java.util.List;
import java.util.Objects;

/**
 * What a compile changes in the wrangler config, as facts a reviewer reads before the diff:
 * per scope (the top level and each environment) the containers created, changed, renamed,
 * adopted or destroyed, and the migrations appended. {@code cfc plan} renders it.
 *
 * @param file the config as named in diagnostics, or {@code ""} when there is none
 * @param scopes one entry per scope that changes, the top level first, then environments in
 *     the order cfc visits them
 * @param migrations the migrations appended, in order
 */
public record ConfigChanges(String file, List<ScopeChanges> scopes, List<Migration> migrations) {

  public ConfigChanges {
    Objects.requireNonNull(file, "file");
    scopes = List.copyOf(scopes);
    migrations = List.copyOf(migrations);
  }

  /** No change to {@code file}. */
  public static ConfigChanges none(String file) {
    return new ConfigChanges(file, List.of(), List.of());
  }

  /** Whether nothing changes. */
  public boolean isEmpty() {
    return scopes.isEmpty() && migrations.isEmpty();
  }

  /** Whether any appended migration deletes Durable Object data. */
  public boolean destroysData() {
    return migrations.stream().anyMatch(Migration::destroysData);
  }

  /**
   * The container changes of one scope.
   *
   * @param scope {@code ""} for the top level, else the environment name
   * @param containers one change per container entry, in the order cfc planned them
   */
  public record ScopeChanges(String scope, List<ContainerChange> containers) {
    public ScopeChanges {
      Objects.requireNonNull(scope, "scope");
      containers = List.copyOf(containers);
    }

    /** Whether this is the top level rather than an environment. */
    public boolean topLevel() {
      return scope.isEmpty();
    }

    /** {@code top level} or {@code env staging}, as plans and summaries name the scope. */
    public String describe() {
      return topLevel() ? "top level" : "env " + scope;
    }
  }

  /** What happens to one {@code containers} entry. */
  public enum Kind {
    /** A new entry for a new definition. */
    CREATED,
    /** An entry cfc already manages gets other field values. */
    CHANGED,
    /** An entry of the class a definition was renamed from now names the new class. */
    RENAMED,
    /** A hand-written entry cfc takes over ({@code adopt()} or {@code --adopt}). */
    ADOPTED,
    /** The entry of a removed definition is pruned ({@code --allow-destroy}). */
    DESTROYED;

    /** The lower-case word shown in plans and in JSON. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One container entry's change.
   *
   * @param kind what happens to the entry
   * @param className the class after the change (for a destroyed entry, the class removed)
   * @param previousClassName the class before a rename, else {@code null}
   * @param fields the fields whose value changes (empty for a created or destroyed entry)
   */
  public record ContainerChange(
      Kind kind, String className, String previousClassName, List<FieldChange> fields) {
    public ContainerChange {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(className, "className");
      fields = List.copyOf(fields);
    }
  }

  /**
   * One field of an entry, before and after, each rendered as in the config ({@code "x"},
   * {@code 5}, {@code { A = "1" }}); {@code null} when the field is absent on that side.
   *
   * @param key the wrangler key, such as {@code max_instances}
   * @param before the old value, or null when the field is added
   * @param after the new value, or null when the field is removed
   */
  public record FieldChange(String key, String before, String after) {
    public FieldChange {
      Objects.requireNonNull(key, "key");
    }

    /** {@code max_instances: 5 → 6}, with {@code (unset)} and {@code (removed)} for absence. */
    public String describe() {
      return key + ": " + (before == null ? "(unset)" : before) + " → "
          + (after == null ? "(removed)" : after);
    }
  }

  /**
   * One appended migration.
   *
   * @param tag its tag, such as {@code v3}
   * @param created classes in {@code new_sqlite_classes}
   * @param renamed {@code renamed_classes}, each as {@code [from, to]}
   * @param deleted classes in {@code deleted_classes}: their Durable Object data is deleted
   */
  public record Migration(
      String tag, List<String> created, List<List<String>> renamed, List<String> deleted) {
    public Migration {
      Objects.requireNonNull(tag, "tag");
      created = List.copyOf(created);
      renamed = renamed.stream().map(List::copyOf).toList();
      deleted = List.copyOf(deleted);
    }

    /** Whether applying it deletes Durable Object data ({@code deleted_classes}). */
    public boolean destroysData() {
      return !deleted.isEmpty();
    }
  }
}

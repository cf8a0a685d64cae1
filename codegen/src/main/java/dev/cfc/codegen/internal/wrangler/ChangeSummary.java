package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.ConfigChanges;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reconcile changed in one config file, counted for the one-line summary.
 *
 * @param file the config as named in diagnostics
 * @param containersAdded {@code containers} entries added, over all scopes
 * @param containersRemoved {@code containers} entries removed, over all scopes
 * @param fieldsChanged field lines added, changed or removed in existing entries
 * @param bindingsAdded Durable Object bindings added, over all scopes
 * @param bindingsRemoved Durable Object bindings removed, over all scopes
 * @param migrationTags tags of the migrations appended
 * @param changes the same changes as structured facts, for a reviewer's plan
 */
public record ChangeSummary(
    String file,
    int containersAdded,
    int containersRemoved,
    int fieldsChanged,
    int bindingsAdded,
    int bindingsRemoved,
    List<String> migrationTags,
    ConfigChanges changes) {

  public ChangeSummary {
    migrationTags = List.copyOf(migrationTags);
    java.util.Objects.requireNonNull(changes, "changes");
  }

  /** Counts without structured facts (their changes read as none). */
  public ChangeSummary(
      String file,
      int containersAdded,
      int containersRemoved,
      int fieldsChanged,
      int bindingsAdded,
      int bindingsRemoved,
      List<String> migrationTags) {
    this(
        file,
        containersAdded,
        containersRemoved,
        fieldsChanged,
        bindingsAdded,
        bindingsRemoved,
        migrationTags,
        ConfigChanges.none(file));
  }

  /** A summary of no change. */
  public static ChangeSummary none(String file) {
    return new ChangeSummary(file, 0, 0, 0, 0, 0, List.of(), ConfigChanges.none(file));
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return containersAdded == 0
        && containersRemoved == 0
        && fieldsChanged == 0
        && bindingsAdded == 0
        && bindingsRemoved == 0
        && migrationTags.isEmpty();
  }

  /**
   * One line such as {@code wrangler.toml: +1 container, +1 binding, ~2 fields, +1 migration v3},
   * or {@code wrangler.toml: no changes}.
   */
  public String render() {
    if (isEmpty()) {
      return file + ": no changes";
    }
    List<String> parts = new ArrayList<>();
    count(parts, "+", containersAdded, "container");
    count(parts, "-", containersRemoved, "container");
    count(parts, "+", bindingsAdded, "binding");
    count(parts, "-", bindingsRemoved, "binding");
    count(parts, "~", fieldsChanged, "field");
    if (!migrationTags.isEmpty()) {
      parts.add("+" + migrationTags.size() + " migration" + (migrationTags.size() == 1 ? "" : "s")
          + " " + String.join(", ", migrationTags));
    }
    return file + ": " + String.join(", ", parts);
  }

  private static void count(List<String> parts, String sign, int n, String noun) {
    if (n > 0) {
      parts.add(sign + n + " " + noun + (n == 1 ? "" : "s"));
    }
  }
}

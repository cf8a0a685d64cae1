package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keys cfc wrote into each {@code containers} entry it manages, per scope, as recorded in
 * {@code cfc.lock}. cfc owns those keys and nothing else: a key the definition no longer sets is
 * removed only when cfc wrote it before, so a key written by hand ({@code constraints},
 * {@code ssh}, {@code scheduling_policy}, a {@code max_instances} the definition leaves out, or
 * anything newer) stays byte for byte, through adoption and every later edit.
 *
 * @param byEntry the keys per entry: {@code <class>} at the top level, {@code <env>:<class>} in an
 *     environment
 */
public record WrittenKeys(Map<String, List<String>> byEntry) {

  /**
   * Every key cfc writes into a {@code containers} entry. A class cfc managed before it recorded
   * keys is taken to have been written with any of them, as cfc then removed whatever the
   * definition did not set.
   */
  static final Set<String> MODELLED = Set.of(
      "class_name",
      "name",
      "image",
      "image_build_context",
      "image_vars",
      "instance_type",
      "max_instances",
      "rollout_step_percentage",
      "rollout_active_grace_period");

  public WrittenKeys {
    Map<String, List<String>> copy = new TreeMap<>();
    byEntry.forEach((entry, keys) -> copy.put(entry, List.copyOf(keys)));
    byEntry = java.util.Collections.unmodifiableMap(copy);
  }

  /** Nothing recorded: a record from before cfc recorded keys, or none at all. */
  public static WrittenKeys none() {
    return new WrittenKeys(Map.of());
  }

  static String entryKey(String scope, String className) {
    return scope.isEmpty() ? className : scope + ":" + className;
  }

  /**
   * The keys of {@code className}'s entry in {@code scope} that cfc may remove when the
   * definition no longer sets them.
   */
  Set<String> removable(String scope, String className, boolean previouslyManaged) {
    List<String> recorded = byEntry.get(entryKey(scope, className));
    if (recorded != null) {
      return Set.copyOf(recorded);
    }
    return previouslyManaged && byEntry.isEmpty() ? MODELLED : Set.of();
  }

  /**
   * The record after a run that wrote {@code desired}: the keys of every desired entry, and the
   * earlier record of scopes the run did not touch ({@code --env}) for classes still managed.
   */
  WrittenKeys after(DesiredState desired, Set<String> managed) {
    Map<String, List<String>> next = new LinkedHashMap<>();
    List<String> scopes = desired.scopes();
    byEntry.forEach((entry, keys) -> {
      int colon = entry.indexOf(':');
      String scope = colon < 0 ? "" : entry.substring(0, colon);
      String className = entry.substring(colon + 1);
      if (!scopes.contains(scope) && managed.contains(className)) {
        next.put(entry, keys);
      }
    });
    for (DesiredContainer d : desired.containers()) {
      d.entriesByScope().forEach((scope, entry) -> {
        List<String> keys = new ArrayList<>(entry.fields().keySet());
        keys.sort(null);
        next.put(entryKey(scope, d.className()), keys);
      });
    }
    return new WrittenKeys(next);
  }
}

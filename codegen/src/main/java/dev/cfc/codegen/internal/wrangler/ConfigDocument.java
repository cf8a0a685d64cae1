package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * A parsed wrangler config as the planner sees it: no syntax, only values and positions. Each
 * {@link ConfigBackend} implements it over its own parse and gets it back in {@link
 * ConfigBackend#apply}.
 */
interface ConfigDocument {

  /** The config this was parsed from. */
  ConfigSource source();

  /** The array of that kind in that scope ({@code ""} or an environment name). */
  DocArray array(String scope, ArrayKind kind);

  /** The environments the config declares, in file order. */
  Set<String> environmentNames();

  /** The top level ({@code ""}) and then every environment the config declares. */
  default List<String> scopes() {
    List<String> scopes = new java.util.ArrayList<>();
    scopes.add("");
    scopes.addAll(environmentNames());
    return scopes;
  }

  /**
   * The value at a key path from the top ({@code ["env", "staging", "name"]}), normalised (see
   * {@link Values#normalize}), or {@code null} when nothing is written there.
   */
  Object value(List<String> path);

  /** Where the last key of a path from the top is written, or {@code null} when it is not. */
  Diagnostic.Location keyAt(List<String> path);

  /** The path of a key in a scope: {@code env.<scope>.} prefixed for an environment. */
  static List<String> pathIn(String scope, String key) {
    return pathIn(scope, List.of(key));
  }

  /** A key path inside a scope as a path from the top: {@code env.<scope>.} prefixed. */
  static List<String> pathIn(String scope, List<String> path) {
    if (scope.isEmpty()) {
      return path;
    }
    List<String> full = new java.util.ArrayList<>(List.of("env", scope));
    full.addAll(path);
    return List.copyOf(full);
  }

  /** A scope as messages name it: {@code top level} or {@code env staging}. */
  static String describeScope(String scope) {
    return scope.isEmpty() ? "top level" : "env " + scope;
  }

  /** Where an {@code exports} map is written (top level or any environment). */
  default List<Diagnostic.Location> exportsAt() {
    List<Diagnostic.Location> out = new java.util.ArrayList<>();
    for (String scope : scopes()) {
      Diagnostic.Location at = keyAt(pathIn(scope, "exports"));
      if (at != null) {
        out.add(at);
      }
    }
    return out;
  }

  /** Where an environment writes its own {@code migrations}, or {@code null}. */
  default Diagnostic.Location environmentMigrationsAt(String environment) {
    return keyAt(pathIn(environment, "migrations"));
  }

  /**
   * The whole config as normalised values (see {@link Values#normalize}), for checking after an
   * edit that nothing cfc does not manage changed.
   */
  java.util.Map<String, Object> values();

  /** A location in this config. */
  default Diagnostic.Location file() {
    return Diagnostic.Location.of(source().displayName());
  }
}

package dev.cfc.codegen.internal.wrangler;

import java.util.List;

/** The arrays of the wrangler config cfc edits, with their key path inside a scope. */
enum ArrayKind {
  CONTAINERS(List.of("containers")),
  BINDINGS(List.of("durable_objects", "bindings")),
  MIGRATIONS(List.of("migrations"));

  private final List<String> path;

  ArrayKind(List<String> path) {
    this.path = path;
  }

  /** The key path inside a scope, e.g. {@code [durable_objects, bindings]}. */
  List<String> path() {
    return path;
  }

  /** The full key path: {@code env.<scope>.} prefixed for an environment scope. */
  List<String> pathIn(String scope) {
    return ConfigDocument.pathIn(scope, path);
  }

  /** Dotted form for messages, e.g. {@code env.staging.containers}. */
  String describe(String scope) {
    return String.join(".", pathIn(scope));
  }
}

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

  /** Facts for validation's cross-checks. */
  ConfigFacts facts();

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

  /** Where an {@code exports} map is written (top level or any environment). */
  List<Diagnostic.Location> exportsAt();

  /** Where an environment writes its own {@code migrations}, or {@code null}. */
  Diagnostic.Location environmentMigrationsAt(String environment);

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

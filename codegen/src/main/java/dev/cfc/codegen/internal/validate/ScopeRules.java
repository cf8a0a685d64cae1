package dev.cfc.codegen.internal.validate;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;

/**
 * A family of rules checked once per scope: the settings of the definition itself and those of
 * each environment it is written to.
 */
interface ScopeRules {

  /**
   * @param env the environment, or null for the top level
   * @param s the settings in effect in that scope
   */
  void check(ContainerDefinition definition, String env, Settings s);
}

package dev.cfc.codegen.internal.validate;

import dev.cfc.codegen.AccountLimits;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import java.nio.file.Path;
import java.util.List;

/**
 * What the rule families read besides the definitions; the same for every family of one run.
 *
 * @param projectDir project directory, for {@code Image.build} paths
 * @param resolver maps DSL source locations to printed locations
 * @param environments the environments this run checks
 * @param maintained every environment {@code cfc.toml} lists
 * @param config facts of the wrangler config, or null to skip the cross-checks
 * @param limits the largest custom instance type the account may run
 */
record ValidationContext(
    Path projectDir,
    SourceResolver resolver,
    List<String> environments,
    List<String> maintained,
    ConfigFacts config,
    AccountLimits limits) {

  ValidationContext {
    environments = List.copyOf(environments);
    maintained = List.copyOf(maintained);
  }
}

package dev.cfc.codegen.internal.validate;

import dev.cfc.codegen.AccountLimits;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs every validation rule over the definitions, at the top level and in each environment, and
 * returns all findings at once, de-duplicated and sorted. The rules live in one class per family
 * ({@code NameRules}, {@code PortRules}, …), each listing the codes it reports.
 */
public final class Validator {

  /** Egress features need at least this {@code compatibility_date}. */
  public static final String EGRESS_COMPATIBILITY_DATE = EgressRules.COMPATIBILITY_DATE;

  private final ValidationContext context;

  /**
   * @param projectDir project directory, for {@code Image.build} paths
   * @param resolver maps DSL source locations to printed locations
   * @param environments the environments cfc maintains (from {@code cfc.toml})
   * @param config facts of the wrangler config, or null to skip the cross-checks
   */
  public Validator(
      Path projectDir, SourceResolver resolver, List<String> environments, ConfigFacts config) {
    this(projectDir, resolver, environments, environments, config, AccountLimits.PUBLISHED);
  }

  /**
   * @param environments the environments this run checks ({@code --env} narrows them)
   * @param maintained every environment {@code cfc.toml} lists, for the overrides check
   * @param limits the largest custom instance type the account may run
   */
  public Validator(
      Path projectDir,
      SourceResolver resolver,
      List<String> environments,
      List<String> maintained,
      ConfigFacts config,
      AccountLimits limits) {
    this.context =
        new ValidationContext(projectDir, resolver, environments, maintained, config, limits);
  }

  /** All findings for these definitions, sorted by file and line. */
  public List<Diagnostic> validate(List<ContainerDefinition> definitions) {
    Findings findings = new Findings(context.resolver());
    NameRules names = new NameRules(findings);
    UnicodeTextRules text = new UnicodeTextRules(findings);
    EnvironmentRules overrides =
        new EnvironmentRules(context.maintained(), context.config(), findings);
    BaseClassRules baseClasses = new BaseClassRules(context.projectDir(), findings);
    BridgeJavaRules bridgeJava = new BridgeJavaRules(findings);
    List<ScopeRules> scopeRules = scopeRules(findings);
    names.check(definitions);
    new NameOverrideRules(context.resolver()).check(definitions).forEach(findings::add);
    for (ContainerDefinition definition : definitions) {
      text.check(definition);
      names.checkRenamedFrom(definition);
      overrides.check(definition);
      baseClasses.check(definition);
      bridgeJava.check(definition);
      checkScope(scopeRules, definition, null, definition.settingsFor(null));
      for (String env : context.environments()) {
        checkScope(scopeRules, definition, env, definition.settingsFor(env));
      }
    }
    if (context.config() != null) {
      new WorkerNameRules(context.config(), findings).check(definitions);
    }
    return findings.sorted();
  }

  /** The families checked in every scope, in the order their findings were always made. */
  private List<ScopeRules> scopeRules(Findings findings) {
    return List.of(
        new ImageRules(context.projectDir(), context.resolver(), findings),
        new PortRules(findings),
        new InstanceRules(context.limits(), findings),
        new DurationRules(findings),
        new VariableRules(context.config(), findings),
        new EgressRules(context.config(), findings),
        new BridgeRules(context.config(), findings),
        new ProbeRules(findings),
        new RolloutRules(findings),
        new LabelRules(findings),
        new SshRules(findings),
        new WranglerKeyRules(findings));
  }

  private static void checkScope(
      List<ScopeRules> scopeRules, ContainerDefinition definition, String env, Settings s) {
    for (ScopeRules rules : scopeRules) {
      rules.check(definition, env, s);
    }
  }
}

package dev.cfc.codegen;

import dev.cfc.dsl.ContainerDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one compile needs. The CLI and the Maven plugin fill it from {@code cfc.toml} and
 * their options; {@link Compiler#compile} does the rest.
 *
 * @param projectDir the project directory; relative paths below resolve against it
 * @param definitions the loaded container definitions, in order
 * @param sourceRoots directories holding the DSL sources, to print {@code file:line} locations
 * @param wranglerConfig the wrangler config, or null to find it as wrangler does
 * @param typescriptOut directory for the generated TypeScript, or null for none
 * @param javaOut directory for the generated Java accessors, or null for none
 * @param javaPackage package of the generated Java
 * @param environments wrangler environments cfc maintains
 * @param onlyEnvironment limit the run to this environment (plus the top level), or null
 * @param allowDestroy whether a removed definition may delete its Durable Object class
 * @param adoptAll whether hand-written entries with a definition's class may be taken over
 * @param suppressedWarnings warning codes left out of the result; errors are always reported
 * @param definitionFindings warnings found while loading the definitions (such as
 *     {@code CFC095}), reported with the compile's own findings
 * @param accountLimits the largest custom instance type the account may run
 */
public record CompileRequest(
    Path projectDir,
    List<ContainerDefinition> definitions,
    List<Path> sourceRoots,
    Path wranglerConfig,
    Path typescriptOut,
    Path javaOut,
    String javaPackage,
    List<String> environments,
    String onlyEnvironment,
    boolean allowDestroy,
    boolean adoptAll,
    List<String> suppressedWarnings,
    List<Diagnostic> definitionFindings,
    AccountLimits accountLimits) {

  public CompileRequest {
    suppressedWarnings = List.copyOf(suppressedWarnings);
    definitionFindings = List.copyOf(definitionFindings);
    Objects.requireNonNull(accountLimits, "accountLimits");
    Objects.requireNonNull(projectDir, "projectDir");
    projectDir = projectDir.toAbsolutePath().normalize();
    definitions = List.copyOf(definitions);
    sourceRoots = List.copyOf(sourceRoots);
    environments = List.copyOf(environments);
    Objects.requireNonNull(javaPackage, "javaPackage");
  }

  /** Starts a request for a project directory. */
  public static Builder builder(Path projectDir) {
    return new Builder(projectDir);
  }

  /** A request with the settings of a {@code cfc.toml}; definitions are added by the caller. */
  public static Builder from(ProjectConfig config) {
    Path dir = config.projectDir();
    return builder(dir)
        .sourceRoots(List.of(dir.resolve(config.sources())))
        .wranglerConfig(config.wrangler() == null ? null : dir.resolve(config.wrangler()))
        .typescriptOut(config.typescriptOut() == null ? null : dir.resolve(config.typescriptOut()))
        .javaOut(config.javaOut() == null ? null : dir.resolve(config.javaOut()))
        .javaPackage(config.javaPackage())
        .environments(config.environments())
        .suppressedWarnings(config.suppressedWarnings())
        .accountLimits(config.accountLimits());
  }

  /** The environments this run writes: all maintained ones, or the one asked for. */
  public List<String> effectiveEnvironments() {
    if (onlyEnvironment == null) {
      return environments;
    }
    return environments.contains(onlyEnvironment) ? List.of(onlyEnvironment) : List.of();
  }

  /** One-shot builder of a {@link CompileRequest}. */
  public static final class Builder {
    private final Path projectDir;
    private List<ContainerDefinition> definitions = List.of();
    private List<Path> sourceRoots = List.of();
    private Path wranglerConfig;
    private Path typescriptOut;
    private Path javaOut;
    private String javaPackage = "app.generated";
    private List<String> environments = List.of();
    private String onlyEnvironment;
    private boolean allowDestroy;
    private boolean adoptAll;
    private List<String> suppressedWarnings = List.of();
    private List<Diagnostic> definitionFindings = List.of();
    private AccountLimits accountLimits = AccountLimits.PUBLISHED;
    private boolean built;

    private Builder(Path projectDir) {
      this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
    }

    /** The container definitions to compile. */
    public Builder definitions(List<ContainerDefinition> value) {
      this.definitions = new ArrayList<>(value);
      return this;
    }

    /** Directories holding the DSL sources. */
    public Builder sourceRoots(List<Path> value) {
      this.sourceRoots = new ArrayList<>(value);
      return this;
    }

    /** The wrangler config; null finds it like wrangler does. */
    public Builder wranglerConfig(Path value) {
      this.wranglerConfig = value;
      return this;
    }

    /** Directory for generated TypeScript; null writes none. */
    public Builder typescriptOut(Path value) {
      this.typescriptOut = value;
      return this;
    }

    /** Directory for generated Java; null writes none. */
    public Builder javaOut(Path value) {
      this.javaOut = value;
      return this;
    }

    /** Package of generated Java. */
    public Builder javaPackage(String value) {
      this.javaPackage = value;
      return this;
    }

    /** Environments cfc maintains. */
    public Builder environments(List<String> value) {
      this.environments = new ArrayList<>(value);
      return this;
    }

    /** Limit the run to one environment. */
    public Builder onlyEnvironment(String value) {
      this.onlyEnvironment = value;
      return this;
    }

    /** Allow deleting Durable Object classes of removed definitions. */
    public Builder allowDestroy(boolean value) {
      this.allowDestroy = value;
      return this;
    }

    /** Take over hand-written entries with a definition's class. */
    public Builder adoptAll(boolean value) {
      this.adoptAll = value;
      return this;
    }

    /** Warning codes not to report ({@code suppress-warnings} in {@code cfc.toml}). */
    public Builder suppressedWarnings(List<String> value) {
      this.suppressedWarnings = new ArrayList<>(value);
      return this;
    }

    /** The largest custom instance type the account may run ({@code [account-limits]}). */
    public Builder accountLimits(AccountLimits value) {
      this.accountLimits = value;
      return this;
    }

    /** Warnings found while loading the definitions, reported with the compile's own. */
    public Builder definitionFindings(List<Diagnostic> value) {
      this.definitionFindings = new ArrayList<>(value);
      return this;
    }

    /** The request; the builder cannot be used after this. */
    public CompileRequest build() {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      built = true;
      return new CompileRequest(
          projectDir,
          definitions,
          sourceRoots,
          wranglerConfig,
          typescriptOut,
          javaOut,
          javaPackage,
          environments,
          onlyEnvironment,
          allowDestroy,
          adoptAll,
          suppressedWarnings,
          definitionFindings,
          accountLimits);
    }
  }
}

package dev.cfc.maven;

import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.Generation;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.codegen.ProjectState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every cfc goal shares: read {@code cfc.toml}, let explicitly configured parameters
 * override it, load the project's {@code ContainerSet}s from its compiled classes, compile, and
 * log diagnostics with the CLI's text, through codegen's {@link Generation}. Goals differ only
 * in whether they write and how they report the outcome. Errors become Maven exceptions here
 * and nowhere else.
 */
public abstract class AbstractCfcMojo extends AbstractMojo {

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * The project as a forked lifecycle ({@code cfc:generate}, {@code cfc:validate},
   * {@code cfc:diff}) left it: source roots added there live only here. Null without a fork.
   */
  @Parameter(defaultValue = "${executedProject}", readonly = true)
  MavenProject executedProject;

  /**
   * The cfc project directory: {@code cfc.toml}, the wrangler config and every relative path
   * below resolve against it.
   */
  @Parameter(
      property = "cfc.projectDirectory",
      defaultValue = "${project.basedir}",
      required = true)
  File projectDirectory;

  /**
   * The project file, relative to the project directory: {@code cfc.toml}, or another one when
   * several Workers' projects share a folder ({@code cfc.api.toml}, as the CLI's
   * {@code --config}). It need not exist; parameters override what it sets. Each project file
   * has its own lock and state under {@code .cfc/}.
   */
  @Parameter(property = "cfc.projectFile", defaultValue = ProjectConfig.FILE_NAME)
  String projectFile;

  /**
   * The wrangler config ({@code wrangler.toml}, {@code wrangler.json} or
   * {@code wrangler.jsonc}), relative to the project directory. Overrides {@code wrangler} in
   * {@code cfc.toml}; when neither is set it is found as wrangler finds it.
   */
  @Parameter(property = "cfc.wrangler")
  String wrangler;

  /**
   * Directory for the generated TypeScript, relative to the project directory. Overrides
   * {@code typescript-out} in {@code cfc.toml}; default {@code src/_generated}.
   */
  @Parameter(property = "cfc.typescriptOut")
  String typescriptOut;

  /**
   * Directory for the generated Java accessors, relative to the project directory. Overrides
   * {@code java-out} in {@code cfc.toml}; by default no Java is generated.
   */
  @Parameter(property = "cfc.javaOut")
  String javaOut;

  /**
   * Package of the generated Java. Overrides {@code java-package} in {@code cfc.toml}; default
   * {@code app.generated}.
   */
  @Parameter(property = "cfc.javaPackage")
  String javaPackage;

  /**
   * The wrangler environments cfc maintains besides the top level (on the command line:
   * {@code -Dcfc.environments=staging,production}). Overrides {@code environments} in
   * {@code cfc.toml}.
   */
  @Parameter(property = "cfc.environments")
  List<String> environments;

  /**
   * Allow removing a definition: prunes its entries and appends a {@code deleted_classes}
   * migration, which deletes the Durable Object's data.
   */
  @Parameter(property = "cfc.allowDestroy", defaultValue = "false")
  boolean allowDestroy;

  /** Take over hand-written wrangler entries whose class a definition owns. */
  @Parameter(property = "cfc.adopt", defaultValue = "false")
  boolean adopt;

  /**
   * Warning codes not to report (on the command line: {@code -Dcfc.suppressWarnings=CFC209}).
   * Added to {@code suppress-warnings} in the project file; errors cannot be suppressed.
   */
  @Parameter(property = "cfc.suppressWarnings")
  List<String> suppressWarnings;

  /**
   * The {@code ContainerSet}s of this cfc project, by class or package name (on the command line:
   * {@code -Dcfc.containerSets=app.api}); by default every one in the project's classes. Needed
   * when one Maven module holds several Workers' projects, each with its own
   * {@link #projectFile}.
   */
  @Parameter(property = "cfc.containerSets")
  List<String> containerSets;

  /**
   * How long loading one {@code ContainerSet} may take, in seconds, before the build fails with
   * the line it was stuck at. Overrides {@code definition-timeout} in {@code cfc.toml}; default
   * 10.
   */
  @Parameter(property = "cfc.definitionTimeout")
  Integer definitionTimeout;

  /** Skip the goal. */
  @Parameter(property = "cfc.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("cfc:" + goal() + " skipped (cfc.skip)");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog().info("cfc:" + goal() + " skipped: a pom project has no classes to load");
      return;
    }
    Path dir = projectDirectory.toPath().toAbsolutePath().normalize();
    ProjectConfig config = projectConfig(dir);
    List<Path> sourceRoots =
        compileSourceRoots().stream().distinct().map(Path::of).toList();
    ContainerSetLoader loader =
        new ContainerSetLoader(dir, sourceRoots, config.definitionTimeout());
    // A writing goal plans under the lock it writes under, as the CLI does: a run that wrote
    // in between is built upon, and a write an earlier run left unfinished is rolled back first.
    Generation.Request request = writes()
        ? Generation.Request.write(projectState(), waiting -> getLog().info("cfc: " + waiting))
        : Generation.Request.check(projectState());
    Generation.Outcome outcome;
    try (Loading loading = new Loading(loader, classpath(), config, sourceRoots)) {
      outcome = Generation.run(request, loading);
    } catch (IOException e) {
      throw new MojoExecutionException("cfc: " + OutputWriter.describe(e), e);
    }
    report(outcome.diagnostics());
    if (outcome.status() == Generation.Status.NOT_WRITTEN) {
      throw new MojoExecutionException("cfc: " + outcome.failureMessage(), outcome.failure());
    }
    apply(outcome);
  }

  /**
   * The plugin's way to plan: the project's compiled {@code ContainerSet}s, loaded in a class
   * loader that stays open until the compile is done, since definitions may call the project's
   * code.
   */
  private final class Loading implements Generation.Planner, AutoCloseable {

    private final ContainerSetLoader loader;
    private final List<Path> classpath;
    private final ProjectConfig config;
    private final List<Path> sourceRoots;
    private ContainerSetLoader.Loaded loaded;

    Loading(
        ContainerSetLoader loader,
        List<Path> classpath,
        ProjectConfig config,
        List<Path> sourceRoots) {
      this.loader = loader;
      this.classpath = classpath;
      this.config = config;
      this.sourceRoots = sourceRoots;
    }

    @Override
    public Generation.Planned plan() throws IOException {
      loaded = loader.load(
          Path.of(project.getBuild().getOutputDirectory()),
          classpath,
          AbstractCfcMojo.this::selected);
      if (loaded.diagnostics().stream().anyMatch(Diagnostic::isError)) {
        return Generation.Planned.failed(loaded.diagnostics());
      }
      return Generation.Planned.of(CompileRequest.from(config)
          .sourceRoots(sourceRoots)
          .definitions(loaded.definitions())
          .definitionFindings(loaded.diagnostics())
          .allowDestroy(allowDestroy)
          .adoptAll(adopt)
          .build());
    }

    @Override
    public void close() throws IOException {
      if (loaded != null) {
        loaded.close();
      }
    }
  }

  /** Whether a ContainerSet class belongs to this cfc project ({@link #containerSets}). */
  private boolean selected(String className) {
    if (containerSets == null || containerSets.isEmpty()) {
      return true;
    }
    return containerSets.stream()
        .map(String::strip)
        .anyMatch(name -> className.equals(name) || className.startsWith(name + "."));
  }

  /** The source roots the project's classes were compiled from; diagnostics point into them. */
  List<String> compileSourceRoots() {
    List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
    if (executedProject != null) {
      roots.addAll(executedProject.getCompileSourceRoots());
    }
    return roots;
  }

  /** The goal's name, as printed. */
  abstract String goal();

  /** Whether the goal writes files, and so holds the project's lock from planning on. */
  boolean writes() {
    return false;
  }

  /**
   * What the goal reports of a run whose compile had no errors: {@link Generation.Status#WRITTEN}
   * when it {@link #writes}, else {@link Generation.Status#UP_TO_DATE} or
   * {@link Generation.Status#STALE}.
   */
  abstract void apply(Generation.Outcome outcome) throws MojoFailureException;

  /** The project file, whether or not it exists. */
  Path projectFilePath() {
    return projectDirectory
        .toPath()
        .toAbsolutePath()
        .normalize()
        .resolve(projectFile)
        .normalize();
  }

  /** The project's lock, fingerprint and cache directory. */
  ProjectState projectState() {
    return ProjectState.of(projectFilePath());
  }

  /** The project file when it exists, else the defaults; parameters override both. */
  private ProjectConfig projectConfig(Path dir)
      throws MojoExecutionException, MojoFailureException {
    Path file = projectFilePath();
    ProjectConfig base = ProjectConfig.defaults(dir);
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      ProjectConfig.Loaded loaded = ProjectConfig.load(file);
      report(loaded.diagnostics());
      base = loaded.config();
    }
    return new ProjectConfig(
        dir,
        base.sources(),
        wrangler != null ? wrangler : base.wrangler(),
        typescriptOut != null ? typescriptOut : base.typescriptOut(),
        javaOut != null ? javaOut : base.javaOut(),
        javaPackage != null ? javaPackage : base.javaPackage(),
        environments != null && !environments.isEmpty() ? environments : base.environments(),
        suppressedWarnings(base),
        definitionTimeout != null
            ? Duration.ofSeconds(Math.max(1, definitionTimeout))
            : base.definitionTimeout(),
        base.accountLimits());
  }

  private List<String> suppressedWarnings(ProjectConfig base) {
    List<String> codes = new ArrayList<>(base.suppressedWarnings());
    if (suppressWarnings != null) {
      suppressWarnings.stream()
          .map(code -> code.strip().toUpperCase(Locale.ROOT))
          .filter(code -> !codes.contains(code))
          .forEach(codes::add);
    }
    return codes;
  }

  private List<Path> classpath() throws MojoExecutionException {
    try {
      return project.getCompileClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("cfc: the compile classpath is not resolved", e);
    }
  }

  /** Logs findings with the CLI's text; fails the build when any is an error. */
  void report(List<Diagnostic> diagnostics) throws MojoExecutionException, MojoFailureException {
    DiagnosticLog.log(getLog(), diagnostics);
    String failure = Diagnostic.failureSummary(diagnostics);
    if (failure != null && diagnostics.stream().anyMatch(Diagnostic::isIoFailure)) {
      throw new MojoExecutionException(failure);
    }
    if (failure != null) {
      throw new MojoFailureException(failure);
    }
  }
}

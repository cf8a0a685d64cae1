package dev.cfc.codegen.internal;

import dev.cfc.codegen.CompileInputs;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.ConfigChanges;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.PlannedFile;
import dev.cfc.codegen.ProjectState;
import dev.cfc.codegen.internal.java.JavaEmitter;
import dev.cfc.codegen.internal.model.BuildPaths;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.codegen.internal.typescript.TypeScriptEmitter;
import dev.cfc.codegen.internal.typescript.TypeScriptPlan;
import dev.cfc.codegen.internal.validate.Validator;
import dev.cfc.codegen.internal.wrangler.ConfigSource;
import dev.cfc.codegen.internal.wrangler.DesiredState;
import dev.cfc.codegen.internal.wrangler.ParsedConfig;
import dev.cfc.codegen.internal.wrangler.ReconcileOutcome;
import dev.cfc.codegen.internal.wrangler.WranglerEntries;
import dev.cfc.codegen.internal.wrangler.WranglerReconciler;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The steps of one compile, in order: find the config, validate, reconcile, emit. */
public final class Pipeline {

  /** wrangler's own order of preference when a project has several configs. */
  static final List<String> CONFIG_NAMES =
      List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml");

  private static final String BYTE_ORDER_MARK = "\uFEFF";

  /** The generated Java files cfc plans, and deletes when stale. */
  private static final String JAVA_EXTENSION = ".java";

  private final CompileRequest request;
  private final SourceResolver resolver;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<PlannedFile> files = new ArrayList<>();
  private ConfigChanges configChanges = ConfigChanges.none("");

  public Pipeline(CompileRequest request) {
    this.request = request;
    this.resolver = new SourceResolver(request.projectDir(), request.sourceRoots());
  }

  public CompileResult run() {
    diagnostics.addAll(request.definitionFindings());
    for (Path journal : journals()) {
      // The files may be part old, part new: any finding about them would mislead.
      diagnostics.add(Diagnostic.error(
          "CFC221",
          Diagnostic.Location.of(resolver.display(journal)),
          "a cfc run was interrupted while writing (or is writing now), so the project's files"
              + " may be part old, part new",
          "run `cfc generate"
              + (journal.getParent().getFileName().toString().equals(".cfc")
                  ? ""
                  : " --config " + journal.getParent().getFileName() + ".toml")
              + "` (or the Maven plugin's generate goal): it rolls the interrupted write back,"
              + " then generates"));
    }
    if (hasErrors()) {
      return result();
    }
    Path configPath = locateConfig();
    String configText = configPath == null ? null : read(configPath);
    if (configText == null) {
      diagnostics.addAll(new Validator(
              request.projectDir(),
              resolver,
              request.effectiveEnvironments(),
              request.environments(),
              null,
              request.accountLimits())
          .validate(request.definitions()));
      return result();
    }
    String configName = resolver.display(configPath);
    // wrangler drops a UTF-8 byte order mark before parsing; cfc does too, and keeps it on write.
    String byteOrderMark = configText.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : "";
    ConfigSource source =
        new ConfigSource(Path.of(configName), configText.substring(byteOrderMark.length()));
    WranglerReconciler reconciler = new WranglerReconciler();
    ParsedConfig config = reconciler.parse(source);
    diagnostics.addAll(config.diagnostics());
    diagnostics.addAll(new Validator(
            request.projectDir(),
            resolver,
            request.effectiveEnvironments(),
            request.environments(),
            config.diagnostics().isEmpty() ? config.facts() : null,
            request.accountLimits())
        .validate(request.definitions()));
    if (hasErrors()) {
      return result();
    }
    Path lockPath = ManagedLock.pathFor(configPath);
    String lockText = Files.exists(lockPath) ? read(lockPath) : null;
    PlannedFile movedRecord = lockText == null ? movedRecord(configPath, lockPath) : null;
    ManagedLock.Recorded recorded = movedRecord != null
        ? ManagedLock.read(movedRecord.before(), movedRecord.displayName(), diagnostics)
        : ManagedLock.read(lockText, resolver.display(lockPath), diagnostics);
    if (hasErrors()) {
      return result();
    }
    DesiredState desired = new WranglerEntries(
            request.projectDir(), configPath.getParent(), config.facts().workerName(), resolver)
        .desiredState(
            request.definitions(),
            request.effectiveEnvironments(),
            request.allowDestroy(),
            request.adoptAll());
    ReconcileOutcome outcome =
        reconciler.run(config, desired, recorded.classes(), recorded.written());
    diagnostics.addAll(outcome.diagnostics());
    if (hasErrors()) {
      return result();
    }
    files.add(new PlannedFile(
        configPath,
        configName,
        configText,
        byteOrderMark + outcome.newText(),
        outcome.summary().render()));
    configChanges = outcome.summary().changes();
    String newLock = ManagedLock.render(
        configPath.getFileName().toString(), outcome.managedClasses(), outcome.writtenKeys());
    files.add(new PlannedFile(
        lockPath,
        resolver.display(lockPath),
        lockText,
        newLock,
        resolver.display(lockPath) + ": "
            + (lockText == null
                ? "created"
                : newLock.equals(lockText) ? "no changes" : "updated")));
    if (movedRecord != null) {
      files.add(movedRecord);
    }
    if (request.typescriptOut() != null) {
      List<PlannedFile> typescript = TypeScriptPlan.plan(
          request.typescriptOut(),
          new TypeScriptEmitter()
              .writingTo(request
                  .projectDir()
                  .toAbsolutePath()
                  .normalize()
                  .relativize(request.typescriptOut().toAbsolutePath().normalize()))
              .emit(
                  request.definitions(),
                  config.facts().workerName(),
                  request.environments(),
                  outcome.bindings()),
          resolver::display,
          path -> Files.exists(path) ? read(path) : null);
      diagnostics.addAll(GeneratedFiles.foreign(typescript, "typescript-out", "src/_generated"));
      files.addAll(typescript);
    }
    if (request.javaOut() != null) {
      if (!JavaEmitter.isPackageName(request.javaPackage())) {
        diagnostics.add(Diagnostic.error(
            "CFC205",
            Diagnostic.Location.of("cfc.toml"),
            "java-package \"" + request.javaPackage() + "\" is not a Java package name",
            "use dotted lower-case identifiers that are not keywords: java-package ="
                + " \"app.generated\""));
        return result();
      }
      List<PlannedFile> java = GeneratedFiles.plan(
          request.javaOut(),
          new JavaEmitter().emit(request.definitions(), request.javaPackage()),
          JAVA_EXTENSION,
          resolver::display,
          path -> Files.exists(path) ? read(path) : null);
      diagnostics.addAll(GeneratedFiles.foreign(java, "java-out", "containers/java-generated"));
      files.addAll(java);
    }
    return result();
  }

  /**
   * The paths {@link #run} reads, generously: every config wrangler could choose, the lock
   * beside them, the image build paths with both Dockerfile locations, the build contexts, and
   * the trees of sources and generated files.
   */
  public static CompileInputs inputs(CompileRequest request) {
    Path dir = request.projectDir();
    Path configDir = request.wranglerConfig() == null
        ? dir
        : dir.resolve(request.wranglerConfig()).normalize().getParent();
    Set<Path> paths = new LinkedHashSet<>();
    if (request.wranglerConfig() != null) {
      paths.add(dir.resolve(request.wranglerConfig()).normalize());
    }
    for (String name : CONFIG_NAMES) {
      paths.add(configDir.resolve(name));
    }
    paths.add(configDir.resolve(ManagedLock.FILE_NAME));
    if (request.wranglerConfig() != null) {
      paths.add(ManagedLock.pathFor(dir.resolve(request.wranglerConfig()).normalize()));
    }
    for (ContainerDefinition definition : request.definitions()) {
      List<Settings> variants = new ArrayList<>();
      variants.add(definition.effectiveSettings());
      for (String environment : definition.environments().keySet()) {
        variants.add(definition.settingsFor(environment));
      }
      for (Settings settings : variants) {
        if (settings.image() instanceof Image.Build build) {
          addBuildPaths(dir, build, paths);
        }
      }
    }
    List<CompileInputs.Tree> trees = new ArrayList<>();
    for (Path root : request.sourceRoots()) {
      trees.add(new CompileInputs.Tree(root, ".java"));
    }
    if (request.typescriptOut() != null) {
      trees.add(new CompileInputs.Tree(request.typescriptOut(), TypeScriptPlan.EXTENSION));
    }
    if (request.javaOut() != null) {
      trees.add(new CompileInputs.Tree(request.javaOut(), JAVA_EXTENSION));
    }
    return new CompileInputs(List.copyOf(paths), trees);
  }

  private static void addBuildPaths(Path dir, Image.Build build, Set<Path> paths) {
    try {
      paths.addAll(BuildPaths.of(dir, build).inputs());
    } catch (InvalidPathException e) {
      // The validator reports it; a compile with errors is never taken as settled.
    }
  }

  private List<Path> journals() {
    try {
      return ProjectState.journals(request.projectDir());
    } catch (IOException e) {
      return List.of();
    }
  }

  private boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  private CompileResult result() {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.removeIf(d -> !d.isError() && request.suppressedWarnings().contains(d.code()));
    sorted.sort(Diagnostic.ORDER);
    boolean errors = sorted.stream().anyMatch(Diagnostic::isError);
    return errors
        ? new CompileResult(sorted, List.of())
        : new CompileResult(sorted, files, configChanges);
  }

  private Path locateConfig() {
    if (request.wranglerConfig() != null) {
      Path path = request.projectDir().resolve(request.wranglerConfig()).normalize();
      if (InputFiles.absent(path)) {
        diagnostics.add(Diagnostic.error(
            "CFC206",
            Diagnostic.Location.of("cfc.toml"),
            "wrangler config " + resolver.display(path) + " does not exist",
            "create it, or fix wrangler = \"…\" in cfc.toml"));
        return null;
      }
      warnIfWranglerPicksAnother(path);
      return path;
    }
    for (String name : CONFIG_NAMES) {
      Path candidate = request.projectDir().resolve(name);
      // As wrangler, whatever has the name is the config; reading says when it is no file.
      if (!InputFiles.absent(candidate)) {
        warnIfWranglerPicksAnother(candidate);
        return candidate;
      }
    }
    diagnostics.add(Diagnostic.error(
        "CFC206",
        Diagnostic.Location.of("cfc.toml"),
        "no wrangler.json, wrangler.jsonc or wrangler.toml in the project directory",
        "create one (`npm create cloudflare`), or name it with wrangler = \"…\" in cfc.toml"));
    return null;
  }

  /**
   * The shared {@code cfc.lock} that described this config before each config had a record of
   * its own, planned for deletion (its classes move to {@code lockPath}); null when there is
   * none or it describes another config.
   */
  private PlannedFile movedRecord(Path configPath, Path lockPath) {
    Path legacy = configPath.resolveSibling(ManagedLock.FILE_NAME);
    if (legacy.equals(lockPath) || !Files.isRegularFile(legacy)) {
      return null;
    }
    String text = read(legacy);
    if (!configPath.getFileName().toString().equals(ManagedLock.recordedConfig(text))) {
      return null;
    }
    String shown = resolver.display(legacy);
    return new PlannedFile(
        legacy,
        shown,
        text,
        null,
        shown + ": deleted (moved to " + resolver.display(lockPath) + ")");
  }

  /**
   * wrangler reads the first of wrangler.json, wrangler.jsonc and wrangler.toml in a directory;
   * when cfc edits one of those and another of them sits beside it, the two tools would
   * disagree. A config of any other name ({@code wrangler.api.toml}) is read by wrangler only
   * with {@code -c}, so the names it finds by itself beside it are no concern.
   */
  private void warnIfWranglerPicksAnother(Path edited) {
    if (!CONFIG_NAMES.contains(edited.getFileName().toString())) {
      // wrangler reads any other name only when told to (-c), so nothing beside it competes.
      return;
    }
    Path dir = edited.getParent();
    for (String name : CONFIG_NAMES) {
      Path other = dir.resolve(name);
      if (other.equals(edited) || !Files.isRegularFile(other)) {
        continue;
      }
      boolean wranglerPrefersOther =
          CONFIG_NAMES.indexOf(name) < CONFIG_NAMES.indexOf(edited.getFileName().toString());
      diagnostics.add(Diagnostic.warning(
          "CFC209",
          Diagnostic.Location.of(resolver.display(other)),
          "both " + resolver.display(edited) + " and " + resolver.display(other) + " exist; cfc"
              + " edits " + resolver.display(edited)
              + (wranglerPrefersOther
                  ? ", but wrangler reads " + resolver.display(other) + " first"
                  : ", and wrangler reads it first, so " + resolver.display(other) + " is ignored"),
          "delete the config you do not use, or name the one wrangler reads with wrangler = \""
              + name + "\" in cfc.toml"));
    }
  }

  private String read(Path path) {
    InputFiles.Read read = InputFiles.read(path, resolver.display(path));
    if (read.problem() != null) {
      diagnostics.add(read.problem());
    }
    return read.text();
  }
}

package dev.cfc.codegen;

import dev.cfc.codegen.internal.imports.ContainerSetImport;
import dev.cfc.codegen.internal.wrangler.ConfigSource;
import dev.cfc.codegen.internal.wrangler.DeclaredContainers;
import dev.cfc.codegen.internal.wrangler.DeclaredContainers.Declared;
import dev.cfc.codegen.internal.wrangler.WranglerReconciler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code cfc import}: reads the containers a wrangler config declares and renders the Java
 * source of a {@code ContainerSet} that declares each of them as it is (class and binding names,
 * image or Dockerfile and build context, instance type, {@code max_instances}, rollout,
 * placement, SSH, the keys the DSL has no call for through {@code wranglerKey}, environment
 * overrides), every definition with {@code adopt()}. The first {@code cfc generate} after it
 * changes no byte of the config. Pure: the caller writes the source.
 */
public final class Importer {

  /** The config declares no container, or none the request selects. */
  public static final String NOTHING_TO_IMPORT = "CFC240";

  /** {@code --only} names a class the config does not declare. */
  public static final String UNKNOWN_CLASS = "CFC243";

  /** The file the import would write exists already. */
  public static final String TARGET_EXISTS = "CFC244";

  /** {@code cfc.toml} exists and does not list an environment the import defines. */
  public static final String ENVIRONMENTS_NOT_LISTED = "CFC246";

  private Importer() {}

  /**
   * What {@link #write} did.
   *
   * @param created the files it created, relative to the project, in order
   * @param diagnostics why it wrote nothing, when it did not
   */
  public record Written(List<String> created, List<Diagnostic> diagnostics) {
    public Written {
      created = List.copyOf(created);
      diagnostics = List.copyOf(diagnostics);
    }

    /** Whether an error stopped the write. */
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * Writes an import: the {@code ContainerSet} source (at {@code target}, or below the
   * project's definition sources as {@link ImportResult#relativePath()}), and {@code cfc.toml}
   * when the project has none, listing the environments the import defines. Never replaces a
   * file: an existing target is an error ({@code CFC244}), as is an existing {@code cfc.toml}
   * that does not list those environments ({@code CFC246}); either way nothing is written.
   *
   * @param projectFile the project file ({@code cfc.toml} or {@code --config})
   * @param target where to write the source, relative to the project, or null for the default
   */
  public static Written write(ImportResult result, Path projectDir, Path projectFile, Path target)
      throws IOException {
    if (result.hasErrors()) {
      throw new IllegalArgumentException("an import with errors has nothing to write");
    }
    Path dir = projectDir.toAbsolutePath().normalize();
    Path file = projectFile.toAbsolutePath().normalize();
    String shownProject = display(dir, file);
    ProjectConfig config = ProjectConfig.defaults(dir);
    boolean newProjectFile = !Files.exists(file);
    if (!newProjectFile) {
      ProjectConfig.Loaded loaded = ProjectConfig.load(file);
      if (loaded.config() == null) {
        return new Written(List.of(), loaded.diagnostics());
      }
      config = loaded.config();
      List<String> missing = result.environments().stream()
          .filter(e -> !loaded.config().environments().contains(e))
          .toList();
      if (!missing.isEmpty()) {
        return new Written(
            List.of(),
            List.of(Diagnostic.error(
                ENVIRONMENTS_NOT_LISTED,
                Diagnostic.Location.of(shownProject),
                shownProject + " does not list environment" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + ", whose container entries the import defines",
                "add them to environments = [...] in " + shownProject + ", then import again")));
      }
    }
    Path source = target != null
        ? dir.resolve(target).normalize()
        : config.sourcesDir().resolve(result.relativePath()).normalize();
    String shownSource = display(dir, source);
    if (Files.exists(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return new Written(
          List.of(),
          List.of(Diagnostic.error(
              TARGET_EXISTS,
              Diagnostic.Location.of(shownSource),
              shownSource + " exists already; cfc import never replaces a file",
              "move it away, or write the import elsewhere with --file or --package")));
    }
    List<String> created = new ArrayList<>();
    if (newProjectFile) {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          projectFileText(result, dir),
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE_NEW);
      created.add(shownProject);
    }
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        result.source(),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE_NEW);
    created.add(shownSource);
    return new Written(created, List.of());
  }

  /** A {@code cfc.toml} as {@code cfc init} writes it, with what the import needs set. */
  private static String projectFileText(ImportResult result, Path projectDir) {
    String defaultConfig = null;
    for (String name : List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml")) {
      if (defaultConfig == null && Files.isRegularFile(projectDir.resolve(name))) {
        defaultConfig = name;
      }
    }
    String environments = result.environments().isEmpty()
        ? "# environments = [\"staging\", \"production\"]\n"
        : "environments = ["
            + String.join(
                ", ",
                result.environments().stream()
                    .map(e -> org.tomlj.Toml.tomlEscape(e).toString())
                    .map(e -> "\"" + e + "\"")
                    .toList())
            + "] # env.* blocks cfc maintains\n";
    return "# cfc project file: where the container definitions live and what cfc writes.\n"
        + "sources = \"cfc\"                  # directory of ContainerSet .java files\n"
        + "typescript-out = \"src/_generated\" # generated Container classes and Worker handles\n"
        + (result.configFile().equals(defaultConfig)
            ? "# wrangler = \"wrangler.toml\"     # default: wrangler.json, wrangler.jsonc, wrangler.toml\n"
            : "wrangler = \"" + org.tomlj.Toml.tomlEscape(result.configFile()) + "\"\n")
        + "# java-out = \"containers/java-generated\"\n"
        + "# java-package = \"app.generated\"\n"
        + environments;
  }

  /** Reads the request's config and renders the definitions of its containers. */
  public static ImportResult run(ImportRequest request) {
    Path projectDir = request.projectDir();
    Path config = locateConfig(request);
    if (config == null) {
      return ImportResult.failed(List.of(Diagnostic.error(
          NOTHING_TO_IMPORT,
          Diagnostic.Location.of(
              request.wranglerConfig() == null
                  ? "wrangler.toml"
                  : request.wranglerConfig().toString()),
          request.wranglerConfig() == null
              ? "no wrangler.json, wrangler.jsonc or wrangler.toml in the project directory"
              : "wrangler config " + request.wranglerConfig() + " does not exist",
          "run cfc import in the directory of the Worker whose containers it should define")));
    }
    String display = display(projectDir, config);
    DeclaredContainers.Result declared;
    try {
      declared = read(config, display);
    } catch (IOException e) {
      return ImportResult.failed(List.of(Diagnostic.error(
          NOTHING_TO_IMPORT,
          Diagnostic.Location.of(display),
          "cannot read " + display + ": " + e.getMessage(),
          "check that the file is readable")));
    }
    if (!declared.problems().isEmpty()) {
      return ImportResult.failed(declared.problems());
    }
    if (declared.containers().isEmpty()) {
      return ImportResult.failed(List.of(Diagnostic.error(
          NOTHING_TO_IMPORT,
          Diagnostic.Location.of(display),
          display + " declares no containers, so there is nothing to import",
          "start with `cfc init`, or add a [[containers]] entry first")));
    }
    List<Declared> selected = new ArrayList<>();
    List<Diagnostic> unknown = new ArrayList<>();
    if (request.only().isEmpty()) {
      selected.addAll(declared.containers());
    } else {
      for (String wanted : request.only()) {
        Declared match = declared.containers().stream()
            .filter(d -> d.className().equals(wanted))
            .findFirst()
            .orElse(null);
        if (match == null) {
          unknown.add(Diagnostic.error(
              UNKNOWN_CLASS,
              Diagnostic.Location.of(display),
              "--only " + wanted + ": " + display + " declares no container of that class",
              "the classes it declares: " + candidates(declared.containers())));
        } else if (!selected.contains(match)) {
          selected.add(match);
        }
      }
    }
    if (!unknown.isEmpty()) {
      return ImportResult.failed(unknown);
    }
    ContainerSetImport.Rendered rendered = new ContainerSetImport(
            projectDir, config.getParent(), display)
        .render(selected, request.packageName(), request.typeName());
    return new ImportResult(
        rendered.source(),
        request.packageName(),
        request.typeName(),
        display,
        rendered.classNames(),
        rendered.environments(),
        rendered.diagnostics());
  }

  /** Whether the project's wrangler config declares any container (for {@code cfc init}). */
  public static boolean declaresContainers(Path projectDir, Path wranglerConfig) {
    ImportRequest request =
        ImportRequest.builder(projectDir).wranglerConfig(wranglerConfig).build();
    Path config = locateConfig(request);
    if (config == null) {
      return false;
    }
    try {
      return !read(config, display(request.projectDir(), config)).containers().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** The containers a config declares; a UTF-8 byte order mark is dropped, as wrangler does. */
  private static DeclaredContainers.Result read(Path config, String display) throws IOException {
    String text = Files.readString(config, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return DeclaredContainers.read(
        new WranglerReconciler().parse(new ConfigSource(Path.of(display), text)),
        ContainerSetImport.ENTRY_REFUSED);
  }

  private static String display(Path projectDir, Path file) {
    return projectDir.relativize(file).toString().replace('\\', '/');
  }

  private static String candidates(List<Declared> containers) {
    List<String> out = new ArrayList<>();
    for (Declared d : containers) {
      Object image = d.entries().values().iterator().next().values().get("image");
      out.add(d.className() + " (binding " + Objects.requireNonNullElse(d.binding(), "none")
          + ", image " + Objects.requireNonNullElse(image, "none") + ")");
    }
    return String.join(", ", out);
  }

  private static Path locateConfig(ImportRequest request) {
    Path projectDir = request.projectDir();
    if (request.wranglerConfig() != null) {
      Path path = projectDir.resolve(request.wranglerConfig()).normalize();
      return Files.isRegularFile(path) ? path : null;
    }
    for (String name : List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml")) {
      Path candidate = projectDir.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}

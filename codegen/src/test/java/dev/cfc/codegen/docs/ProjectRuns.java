package dev.cfc.codegen.docs;

import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.Diffs;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs {@code cfc generate} the way the CLI does it (read {@code cfc.toml}, compile the
 * definitions with javac, {@link Compiler#compile}, {@link OutputWriter#write}) on a temporary
 * copy of a project, and keeps what it printed, the diff it planned and the files it left.
 *
 * <p>A project with a {@code before/} directory is a two-step scenario: its sources directory is
 * first replaced by {@code before/<sources>} and generated, as the state at the last run; then
 * the project's own sources come back and the requested run happens on top of that state.
 */
final class ProjectRuns {

  /** Directories of a project that are never copied. */
  private static final List<String> SKIPPED =
      List.of(".cfc", "node_modules", "build", "src/_generated", "before");

  /**
   * What one run produced.
   *
   * @param project the project directory, relative to the repository
   * @param options the command-line options of the run
   * @param copy where the copy was generated
   * @param result the compile result
   * @param output what {@code cfc generate} prints: diagnostics, then the failure line or the
   *     summary lines
   */
  record Run(String project, List<String> options, Path copy, CompileResult result, String output) {

    boolean failed() {
      return result.hasErrors();
    }

    /** The unified diff of every changed file, or of one. */
    String diff(String file) {
      if (file == null) {
        return Diffs.unified(result, false);
      }
      return result.files().stream()
          .filter(f -> f.displayName().equals(file))
          .findFirst()
          .map(f -> Diffs.unified(f, false))
          .orElseThrow(() -> new IllegalArgumentException(project + ": no planned file " + file));
    }

    /** A file of the project after the run. */
    String file(String relative) throws IOException {
      if (failed()) {
        throw new IllegalStateException(
            project + " " + options + " failed, nothing was written:\n" + output);
      }
      return Files.readString(copy.resolve(relative), StandardCharsets.UTF_8);
    }
  }

  private final Path root;
  private final Path work;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  /**
   * @param root the repository root
   * @param work where copies are made; it must lie below a directory whose {@code node_modules}
   *     holds the TypeScript toolchain, so that generated code resolves its imports
   */
  ProjectRuns(Path root, Path work) {
    this.root = root;
    this.work = work;
  }

  /** The run of {@code cfc generate <options>} on a project, made once per project and options. */
  synchronized Run generate(String project, List<String> options) throws IOException {
    String key = project + " " + String.join(" ", options);
    Run cached = runs.get(key);
    if (cached != null) {
      return cached;
    }
    Run run = execute(project, options);
    runs.put(key, run);
    return run;
  }

  private Run execute(String project, List<String> options) throws IOException {
    boolean allowDestroy = false;
    boolean adopt = false;
    String env = null;
    for (String option : options) {
      if (option.equals("--allow-destroy")) {
        allowDestroy = true;
      } else if (option.equals("--adopt")) {
        adopt = true;
      } else if (option.startsWith("--env=")) {
        env = option.substring("--env=".length());
      } else {
        throw new IllegalArgumentException("unsupported option " + option + " (known:"
            + " --allow-destroy, --adopt, --env=<name>)");
      }
    }
    Path source = root.resolve(project);
    if (!Files.isRegularFile(source.resolve("cfc.toml"))) {
      throw new IllegalArgumentException(project + " is not a cfc project (no cfc.toml)");
    }
    Files.createDirectories(work);
    Path copy = Files.createTempDirectory(work, source.getFileName().toString() + "-");
    copyTree(source, copy);
    Path before = source.resolve("before");
    if (Files.isDirectory(before)) {
      String sources = config(copy).sources();
      deleteTree(copy.resolve(sources));
      copyTree(before, copy);
      CompileResult earlier = compile(copy, false, false, null);
      if (earlier.hasErrors()) {
        throw new IllegalStateException(project + "/before does not generate:\n" + render(earlier));
      }
      OutputWriter.write(copy, earlier);
      deleteTree(copy.resolve(sources));
      copyTree(source.resolve(sources), copy.resolve(sources));
    }
    CompileResult result = compile(copy, allowDestroy, adopt, env);
    if (!result.hasErrors()) {
      OutputWriter.write(copy, result);
    }
    return new Run(project, List.copyOf(options), copy, result, render(result));
  }

  private static ProjectConfig config(Path dir) {
    ProjectConfig.Loaded loaded = ProjectConfig.load(dir.resolve(ProjectConfig.FILE_NAME));
    if (loaded.config() == null) {
      throw new IllegalStateException(dir + ": " + loaded.diagnostics());
    }
    return loaded.config();
  }

  private static CompileResult compile(Path dir, boolean allowDestroy, boolean adopt, String env)
      throws IOException {
    ProjectConfig config = config(dir);
    DefinitionLoader.Loaded definitions = new DefinitionLoader(dir, null).load(config.sourcesDir());
    if (!definitions.diagnostics().isEmpty()) {
      return new CompileResult(definitions.diagnostics(), List.of());
    }
    return Compiler.compile(CompileRequest.from(config)
        .definitions(definitions.definitions())
        .onlyEnvironment(env)
        .allowDestroy(allowDestroy)
        .adoptAll(adopt)
        .build());
  }

  /** The text {@code cfc generate} prints for a result (diagnostics first, as on a terminal). */
  static String render(CompileResult result) {
    List<String> out = new ArrayList<>();
    for (Diagnostic diagnostic : result.diagnostics()) {
      out.add(diagnostic.render());
    }
    String failure = Diagnostic.failureSummary(result.diagnostics());
    if (failure != null) {
      out.add(failure);
    } else {
      out.addAll(result.summaryLines());
    }
    return String.join("\n", out);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path path : all.toList()) {
        String relative = from.relativize(path).toString().replace('\\', '/');
        if (SKIPPED.stream().anyMatch(s -> relative.equals(s) || relative.startsWith(s + "/"))) {
          continue;
        }
        Path target = to.resolve(relative);
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Deletes every copy. */
  void clean() throws IOException {
    deleteTree(work);
  }
}

package dev.cfc.codegen.golden;

import dev.cfc.codegen.CfcVersion;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.codegen.internal.typescript.TypeScriptEmitter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One case under {@code src/test/resources/golden/<name>/}: a whole project in {@code input/},
 * the options of the run in {@code case.properties}, and what {@code cfc generate} must print
 * ({@code expected-output.txt}), write ({@code expected/}) and delete
 * ({@code expected-deleted.txt}). See {@code golden/README.md}.
 */
final class GoldenCase {

  /** The token that stands for the running cfc version in committed inputs and expectations. */
  static final String VERSION_TOKEN = "@CFC_VERSION@";

  /** Where the cases live: {@code src/test/resources/golden} of the codegen module. */
  static final Path ROOT = moduleDirectory().resolve("src/test/resources/golden");

  final String name;
  final Path dir;
  final boolean allowDestroy;
  final boolean adopt;
  final String onlyEnvironment;
  /** Why the case's golden shows behaviour cfc does not have yet, or null. */
  final String knownBug;

  private GoldenCase(String name, Path dir, Properties properties) {
    this.name = name;
    this.dir = dir;
    this.allowDestroy = Boolean.parseBoolean(properties.getProperty("allowDestroy", "false"));
    this.adopt = Boolean.parseBoolean(properties.getProperty("adopt", "false"));
    this.onlyEnvironment = properties.getProperty("env");
    this.knownBug = properties.getProperty("knownBug");
    for (String key : properties.stringPropertyNames()) {
      if (!List.of("allowDestroy", "adopt", "env", "knownBug").contains(key)) {
        throw new IllegalArgumentException(dir.resolve("case.properties") + ": unknown key " + key);
      }
    }
  }

  /** Every case, by directory name. */
  static List<GoldenCase> all() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve("input")))
          .sorted()
          .map(d -> load(d.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GoldenCase load(String name) {
    Path dir = ROOT.resolve(name);
    Properties properties = new Properties();
    Path file = dir.resolve("case.properties");
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new GoldenCase(name, dir, properties);
  }

  Path input() {
    return dir.resolve("input");
  }

  Path expectedDir() {
    return dir.resolve("expected");
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * Copies {@code input/} to {@code project}, putting the running version in place of
   * {@link #VERSION_TOKEN}. An input that was generated before (its {@code typescript-out}
   * holds an {@code index.ts}) gets the runtime copies ({@code cfc-*.ts}) this cfc writes, so
   * that the committed inputs need not repeat them.
   */
  void copyInputTo(Path project) throws IOException {
    for (Map.Entry<String, byte[]> file : tree(input()).entrySet()) {
      Path to = project.resolve(file.getKey());
      Files.createDirectories(to.getParent());
      Files.write(to, withVersion(file.getValue()));
    }
    ProjectConfig.Loaded loaded = ProjectConfig.load(project.resolve(ProjectConfig.FILE_NAME));
    if (loaded.config() == null || loaded.config().typescriptOut() == null) {
      return;
    }
    Path out = project.resolve(loaded.config().typescriptOut());
    if (Files.isRegularFile(out.resolve(TypeScriptEmitter.INDEX))) {
      for (Map.Entry<String, String> runtime :
          new TypeScriptEmitter().emit(List.of(), null).entrySet()) {
        if (isRuntimeCopy(runtime.getKey())) {
          Files.writeString(
              out.resolve(runtime.getKey()), runtime.getValue(), StandardCharsets.UTF_8);
        }
      }
    }
  }

  /** Whether a generated TypeScript file is a copy of the cfc runtime ({@code cfc-*.ts}). */
  static boolean isRuntimeCopy(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.startsWith("cfc-") && file.endsWith(".ts");
  }

  /** What one {@code cfc generate} run on the copied project printed and planned. */
  record Run(String output, CompileResult result, ProjectConfig config) {
    boolean failed() {
      return result == null || result.hasErrors();
    }
  }

  /**
   * Loads and compiles the project as {@code cfc generate} does, and renders what the CLI
   * would print: the diagnostics, then either the failure line or one summary line per file.
   */
  Run compile(Path project) throws IOException {
    ProjectConfig.Loaded loaded = ProjectConfig.load(project.resolve(ProjectConfig.FILE_NAME));
    if (loaded.config() == null) {
      return new Run(render(loaded.diagnostics(), null, project), null, null);
    }
    ProjectConfig config = loaded.config();
    DefinitionLoader.Loaded definitions =
        new DefinitionLoader(project, null).load(config.sourcesDir());
    if (!definitions.diagnostics().isEmpty()) {
      return new Run(render(definitions.diagnostics(), null, project), null, config);
    }
    if (onlyEnvironment != null && !config.environments().contains(onlyEnvironment)) {
      throw new IllegalArgumentException(
          name + ": env=" + onlyEnvironment + " is not one of the environments in cfc.toml");
    }
    CompileResult result = Compiler.compile(CompileRequest.from(config)
        .definitions(definitions.definitions())
        .onlyEnvironment(onlyEnvironment)
        .allowDestroy(allowDestroy)
        .adoptAll(adopt)
        .build());
    return new Run(render(result.diagnostics(), result, project), result, config);
  }

  /** The environments a successful run wrote: those of cfc.toml, or the one of {@code env}. */
  List<String> environments(ProjectConfig config) {
    if (onlyEnvironment == null) {
      return config.environments();
    }
    return List.of(onlyEnvironment);
  }

  private static String render(List<Diagnostic> diagnostics, CompileResult result, Path project) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic diagnostic : diagnostics) {
      out.append(diagnostic.render()).append('\n');
    }
    String failure = Diagnostic.failureSummary(diagnostics);
    if (failure != null) {
      out.append(failure).append('\n');
    } else if (result != null) {
      for (String line : result.summaryLines()) {
        out.append(line).append('\n');
      }
    }
    String text = out.toString();
    String absolute = project.toAbsolutePath().normalize().toString();
    return text.replace(absolute + "/", "").replace(absolute, "<project>");
  }

  /** Every regular file under {@code root} but {@code .cfc/}, by {@code /}-separated path. */
  static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        if (!relative.startsWith(".cfc/")) {
          files.put(relative, Files.readAllBytes(path));
        }
      }
    }
    return files;
  }

  static byte[] withVersion(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (!text.contains(VERSION_TOKEN)) {
      return content;
    }
    return text.replace(VERSION_TOKEN, CfcVersion.get()).getBytes(StandardCharsets.UTF_8);
  }

  static String withVersionToken(String text) {
    return text.replace(
        "Generated by cfc " + CfcVersion.get() + ".", "Generated by cfc " + VERSION_TOKEN + ".");
  }

  private static Path moduleDirectory() {
    String basedir = System.getProperty("basedir");
    return (basedir != null && !basedir.isBlank() ? Path.of(basedir) : Path.of(""))
        .toAbsolutePath();
  }
}

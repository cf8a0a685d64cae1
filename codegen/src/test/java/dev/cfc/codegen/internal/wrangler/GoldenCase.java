package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * One case under {@code src/test/resources/reconcile/<case>/} (TOML) or
 * {@code src/test/resources/reconcile-jsonc/<case>/} (JSONC): {@code input.toml} (or {@code
 * input.jsonc}, {@code input.json}; the extension decides the backend, as the config's file name
 * does in a project), {@code desired.toml} (the desired state, see below), and the expectations
 * {@code expected.<extension>} (the config after reconcile) and {@code expected.out} (summary
 * line, then each diagnostic rendered).
 *
 * <pre>
 * environments = ["staging"]        # optional
 * allow_destroy = false             # optional
 * adopt_all = false                 # optional
 * previously_managed = ["AContainer"]
 * [[containers]]
 * definition = "transcoder"         # class TranscoderContainer, binding CONTAINER_TRANSCODER
 * renamed_from = "OldContainer"     # optional
 * adopt = true                      # optional
 * [containers.fields]               # top-level entry (class_name is added)
 * image = "./Dockerfile"
 * [containers.env.staging]          # per environment; defaults to the top-level fields
 * </pre>
 */
record GoldenCase(
    String name,
    Path dir,
    String extension,
    String input,
    DesiredState desired,
    Set<String> previouslyManaged) {

  static final Path ROOT = Path.of("src/test/resources/reconcile");
  static final Path JSONC_ROOT = Path.of("src/test/resources/reconcile-jsonc");

  /** Every case of both backends, TOML first. */
  static List<GoldenCase> all() {
    List<GoldenCase> all = new ArrayList<>();
    for (Path root : List.of(ROOT, JSONC_ROOT)) {
      try (var dirs = Files.list(root)) {
        dirs.filter(d -> Files.isRegularFile(d.resolve("desired.toml")))
            .sorted()
            .map(GoldenCase::load)
            .forEach(all::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  /** A TOML case by name. */
  static GoldenCase load(String name) {
    return load(ROOT.resolve(name));
  }

  static GoldenCase load(Path dir) {
    String extension = Files.exists(dir.resolve("input.toml"))
        ? "toml"
        : Files.exists(dir.resolve("input.json")) ? "json" : "jsonc";
    Desired desired = readDesired(dir);
    return new GoldenCase(
        dir.getFileName() + (extension.equals("toml") ? "" : " (" + extension + ")"),
        dir,
        extension,
        read(dir.resolve("input." + extension)),
        desired.state(),
        desired.previouslyManaged());
  }

  /** The config's file name, which decides the backend. */
  String fileName() {
    return "wrangler." + extension;
  }

  /** The config as reconcile must leave it. */
  Path expected() {
    return dir.resolve("expected." + extension);
  }

  /**
   * A case's {@code desired.toml}, in the format above; the JSONC cases use it too.
   *
   * @param state the desired state
   * @param previouslyManaged the classes managed before the run
   */
  record Desired(DesiredState state, Set<String> previouslyManaged) {}

  static Desired readDesired(Path dir) {
    TomlParseResult spec = Toml.parse(read(dir.resolve("desired.toml")));
    if (spec.hasErrors()) {
      throw new IllegalArgumentException(dir + "/desired.toml: " + spec.errors());
    }
    List<String> envs = strings(spec.getArray("environments"));
    List<DesiredContainer> containers = new ArrayList<>();
    TomlArray defs = spec.getArray("containers");
    for (int i = 0; defs != null && i < defs.size(); i++) {
      TomlTable t = defs.getTable(i);
      String def = t.getString("definition");
      Map<String, ContainerEntry> scopes = new LinkedHashMap<>();
      LinkedHashMap<String, Object> top = fields(t.getTable("fields"));
      scopes.put("", new ContainerEntry(top));
      for (String env : envs) {
        TomlTable e = t.getTable(List.of("env", env));
        scopes.put(env, new ContainerEntry(e == null ? top : fields(e)));
      }
      containers.add(new DesiredContainer(
          def,
          className(def),
          bindingName(def),
          t.getString("renamed_from"),
          null,
          Boolean.TRUE.equals(t.getBoolean("adopt")),
          Boolean.TRUE.equals(t.getBoolean("explicit_name")),
          new Diagnostic.Location("cfc/App.java", 10 + i, 5),
          scopes));
    }
    DesiredState desired = new DesiredState(
        containers,
        envs,
        Boolean.TRUE.equals(spec.getBoolean("allow_destroy")),
        Boolean.TRUE.equals(spec.getBoolean("adopt_all")));
    return new Desired(desired, new LinkedHashSet<>(strings(spec.getArray("previously_managed"))));
  }

  ConfigSource source(String text) {
    return new ConfigSource(Path.of(fileName()), text);
  }

  ReconcileOutcome run() {
    return WranglerReconciler.reconcile(source(input), desired, previouslyManaged);
  }

  /** Summary line then each diagnostic, as compared with {@code expected.out}. */
  static String report(ReconcileOutcome outcome) {
    StringBuilder out = new StringBuilder(outcome.summary().render()).append('\n');
    for (Diagnostic d : outcome.diagnostics()) {
      out.append(d.render()).append('\n');
    }
    return out.toString();
  }

  static String className(String definition) {
    return Character.toUpperCase(definition.charAt(0)) + definition.substring(1) + "Container";
  }

  static String bindingName(String definition) {
    return "CONTAINER_" + definition.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path p, String text) {
    try {
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LinkedHashMap<String, Object> fields(TomlTable t) {
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    if (t != null) {
      for (String k : t.keySet()) {
        Object v = t.get(List.of(k));
        out.put(k, plain(v));
      }
    }
    return out;
  }

  /** A tomlj value as plain maps and lists, whatever nests in it. */
  static Object plain(Object v) {
    if (v instanceof TomlTable sub) {
      return fields(sub);
    }
    if (v instanceof TomlArray a) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(plain(a.get(i)));
      }
      return out;
    }
    return v;
  }

  private static List<String> strings(TomlArray a) {
    List<String> out = new ArrayList<>();
    for (int i = 0; a != null && i < a.size(); i++) {
      out.add(a.getString(i));
    }
    return out;
  }
}

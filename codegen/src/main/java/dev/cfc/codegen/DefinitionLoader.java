package dev.cfc.codegen;

import dev.cfc.codegen.internal.ExternalReads;
import dev.cfc.codegen.internal.IterationOrder;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Loads container definitions from a directory of DSL sources: compiles them in memory with
 * {@code javax.tools} against the DSL, caches the classes in the project's
 * {@link ProjectState#cacheDir} ({@code .cfc/cache/<hash>} for {@code cfc.toml}; the
 * hash covers every source and the cfc version), and instantiates every public
 * {@link ContainerSet} with a public no-arg constructor. An unchanged project skips javac.
 *
 * <p>A read-only loader uses the cache when it holds the sources' classes and otherwise
 * compiles without writing it, so that commands documented to write nothing work in a
 * read-only checkout; a writing loader that cannot write the cache carries on without it.
 */
public final class DefinitionLoader {

  /** How many cache entries to keep besides the current one. */
  private static final int KEEP_OLD_ENTRIES = 2;

  private final Path projectDir;
  private final Path cacheRoot;
  private final PrintWriter verbose;
  private final Duration timeLimit;
  private final boolean readOnly;

  /**
   * A loader for the project whose project file is {@code cfc.toml} in {@code projectDir}.
   *
   * @param projectDir the project directory; diagnostics print paths relative to it
   * @param verbose where to report cache hits and compile times, or null
   */
  public DefinitionLoader(Path projectDir, PrintWriter verbose) {
    this(ProjectState.ofDefault(projectDir.toAbsolutePath().normalize()), verbose);
  }

  /**
   * A loader that caches compiled definitions in the project's own state directory and gives
   * each {@code ContainerSet} the default time limit.
   *
   * @param state the project; diagnostics print paths relative to its directory
   * @param verbose where to report cache hits and compile times, or null
   */
  public DefinitionLoader(ProjectState state, PrintWriter verbose) {
    this(state, verbose, ProjectConfig.DEFAULT_DEFINITION_TIMEOUT, false);
  }

  /**
   * @param state the project; diagnostics print paths relative to its directory, and its
   *     {@link ProjectState#cacheDir} holds the compile cache
   * @param verbose where to report cache hits and compile times, or null
   * @param timeLimit how long one {@code ContainerSet} may take to load
   * @param readOnly whether to leave the project untouched: the cache is read, never written
   */
  public DefinitionLoader(ProjectState state, PrintWriter verbose, Duration timeLimit,
      boolean readOnly) {
    this.projectDir = state.projectDir();
    this.cacheRoot = state.cacheDir();
    this.verbose = verbose;
    this.timeLimit = timeLimit;
    this.readOnly = readOnly;
  }

  /**
   * The loaded definitions, or the diagnostics that prevented loading them.
   *
   * @param definitions the definitions of all sets, sets ordered by class name
   * @param diagnostics what loading found: errors, which leave {@code definitions} empty, and
   *     warnings about the definitions' code ({@code CFC095}), reported with the compile's
   *     own findings
   * @param cacheHit whether compiled classes came from the cache
   * @param externalReads classes the definitions use that could make them depend on more than
   *     their sources (the environment, files, the clock, randomness), such as
   *     {@code java.lang.System}; empty when the same sources always give the same definitions.
   *     Only {@link DefinitionLoader#load} looks; {@link ContainerSets} leaves it empty
   */
  public record Loaded(List<ContainerDefinition> definitions, List<Diagnostic> diagnostics,
      boolean cacheHit, List<String> externalReads) {
    public Loaded {
      definitions = List.copyOf(definitions);
      diagnostics = List.copyOf(diagnostics);
      externalReads = List.copyOf(externalReads);
    }
  }

  /**
   * Loads every definition under a sources directory.
   *
   * @param sourcesDir the directory of DSL sources, relative to the project or absolute
   * @throws IOException when a source or the cache cannot be read (a cache that cannot be
   *     written is skipped)
   */
  public Loaded load(Path sourcesDir) throws IOException {
    Path dir = projectDir.resolve(sourcesDir).normalize();
    String shown = display(dir);
    if (!Files.isDirectory(dir)) {
      return failed(Diagnostic.error("CFC201", Diagnostic.Location.of("cfc.toml"),
          "sources directory " + shown + " does not exist",
          "create it with your ContainerSet classes, or set sources = \"<dir>\" in cfc.toml"));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .sorted().toList();
    }
    if (files.isEmpty()) {
      return failed(ContainerSets.noContainerSet(shown));
    }
    String hash = hash(dir, files);
    Path entry = cacheRoot.resolve(hash);
    boolean hit = Files.isRegularFile(entry.resolve("complete"));
    Map<String, byte[]> classes;
    if (hit) {
      say("sources unchanged: using cached classes " + display(entry) + " (javac not run)");
      classes = cachedClasses(entry.resolve("classes"));
    } else {
      long start = System.nanoTime();
      classes = new TreeMap<>();
      List<Diagnostic> errors = compile(dir, files, classes);
      if (!errors.isEmpty()) {
        return new Loaded(List.of(), errors, false, List.of());
      }
      say("compiled " + files.size() + " source file" + (files.size() == 1 ? "" : "s")
          + " with javac in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      if (readOnly) {
        say("read-only command: the compiled classes are not cached");
      } else {
        cache(classes, cacheRoot, entry);
      }
    }
    return instantiate(classes, dir, shown, hit);
  }

  private static Loaded failed(Diagnostic diagnostic) {
    return new Loaded(List.of(), List.of(diagnostic), false, List.of());
  }


  private void say(String message) {
    if (verbose != null) {
      verbose.println("cfc: " + message);
      verbose.flush();
    }
  }

  private String display(Path path) {
    return SourceResolver.display(projectDir, path);
  }

  private static String hash(Path dir, List<Path> files) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("cfc " + CfcVersion.get() + "\0" + Runtime.version().feature() + "\0"
          + IterationOrder.VERSION + "\0").getBytes(StandardCharsets.UTF_8));
      for (Path file : files) {
        digest.update(dir.relativize(file).toString().replace('\\', '/')
            .getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private List<Diagnostic> compile(Path dir, List<Path> files, Map<String, byte[]> classes)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return List.of(Diagnostic.error("CFC203", Diagnostic.Location.of(display(dir)),
          "no Java compiler available: cfc runs on a JRE",
          "run cfc with a JDK (17 or later); JAVA_HOME must point at a JDK"));
    }
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard =
             javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8);
         JavaFileManager inMemory = new InMemoryOutput(standard, classes)) {
      List<String> options = List.of("-classpath", dslClasspath(), "-proc:none", "-g",
          "-encoding", "UTF-8", "-nowarn", "-Xlint:none");
      Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(files);
      StringWriter javacOutput = new StringWriter();
      boolean ok = javac.getTask(javacOutput, inMemory, collector, options, null, units).call();
      if (!ok) {
        return javacErrors(collector);
      }
    }
    // Every run loads the same bytes, cached or not: Set.of and Map.of made to keep their order.
    for (Map.Entry<String, byte[]> compiled : classes.entrySet()) {
      compiled.setValue(IterationOrder.stabilise(compiled.getValue()));
    }
    return List.of();
  }

  /** Saves compiled classes for the next run; a cache that cannot be written is skipped. */
  private void cache(Map<String, byte[]> classes, Path cacheRoot, Path entry) {
    Path staging = null;
    try {
      staging = Files.createDirectories(cacheRoot).resolve(entry.getFileName() + ".tmp"
          + ProcessHandle.current().pid());
      for (Map.Entry<String, byte[]> entryClass : classes.entrySet()) {
        Path file = staging.resolve("classes").resolve(entryClass.getKey().replace('.', '/')
            + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, entryClass.getValue());
      }
      Files.writeString(staging.resolve("complete"), CfcVersion.get() + "\n");
      try {
        Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        // A concurrent run cached the same sources first; its entry is identical.
        deleteTree(staging);
      }
      prune(cacheRoot, entry.getFileName().toString());
    } catch (IOException e) {
      say("compiled classes not cached (" + e + "); the next run compiles again");
      if (staging != null) {
        try {
          deleteTree(staging);
        } catch (IOException ignored) {
          // the half-written entry has no "complete" marker, so it is never used
        }
      }
    }
  }

  private static Map<String, byte[]> cachedClasses(Path classesDir) throws IOException {
    Map<String, byte[]> classes = new TreeMap<>();
    for (String name : ContainerSets.classNamesIn(classesDir)) {
      classes.put(name, Files.readAllBytes(classesDir.resolve(name.replace('.', '/')
          + ".class")));
    }
    return classes;
  }

  private List<Diagnostic> javacErrors(DiagnosticCollector<JavaFileObject> collector) {
    List<Diagnostic> errors = new ArrayList<>();
    for (javax.tools.Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
      if (d.getKind() != javax.tools.Diagnostic.Kind.ERROR) {
        continue;
      }
      String file = d.getSource() == null ? "<javac>" : display(Path.of(d.getSource().toUri()));
      int line = (int) Math.max(0, d.getLineNumber());
      int column = (int) Math.max(0, d.getColumnNumber());
      String[] message = d.getMessage(Locale.ROOT).split("\n", 2);
      StringBuilder hint = new StringBuilder();
      String sourceLine = sourceLine(d);
      if (sourceLine != null) {
        hint.append(sourceLine).append('\n').append(" ".repeat(Math.max(0, column - 1)))
            .append('^');
      }
      if (message.length > 1) {
        hint.append(hint.length() > 0 ? "\n" : "").append(message[1].strip());
      }
      errors.add(Diagnostic.error("CFC203", new Diagnostic.Location(file, line, column),
          message[0], hint.toString()));
    }
    return errors;
  }

  private static String sourceLine(javax.tools.Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null || d.getLineNumber() <= 0) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(Path.of(d.getSource().toUri()));
      int index = (int) d.getLineNumber() - 1;
      return index < lines.size() ? lines.get(index).replace('\t', ' ') : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String dslClasspath() {
    try {
      URL location = ContainerSet.class.getProtectionDomain().getCodeSource().getLocation();
      return Path.of(location.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the cfc DSL classes", e);
    }
  }

  private Loaded instantiate(Map<String, byte[]> classes, Path sourcesDir, String shown,
      boolean hit) throws IOException {
    // The loader stays reachable as long as the definitions: they may hold lambdas of its classes.
    ClassLoader loader = new InMemoryClassLoader(classes, ContainerSet.class.getClassLoader());
    Loaded loaded = new ContainerSets(projectDir, List.of(sourcesDir), timeLimit)
        .instantiate(loader, List.copyOf(classes.keySet()), shown);
    List<Diagnostic> unordered = IterationOrder.warnings(classes, sourcesDir, projectDir);
    List<Diagnostic> findings = new ArrayList<>(loaded.diagnostics());
    findings.addAll(unordered);
    List<String> reads = new ArrayList<>(ExternalReads.of(classes));
    if (!unordered.isEmpty()) {
      // Never fingerprinted, even with CFC095 suppressed: the order may differ in the next JVM.
      reads.add("collections with no fixed iteration order (CFC095)");
    }
    return new Loaded(loaded.definitions(), findings, hit, reads);
  }

  private void prune(Path cacheRoot, String keep) throws IOException {
    List<Path> old;
    try (Stream<Path> list = Files.list(cacheRoot)) {
      old = list.filter(p -> !p.getFileName().toString().equals(keep))
          .sorted(Comparator.comparing(DefinitionLoader::modified).reversed()).toList();
    }
    for (int i = KEEP_OLD_ENTRIES; i < old.size(); i++) {
      deleteTree(old.get(i));
    }
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Defines classes from their bytes, by binary name. */
  private static final class InMemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    InMemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super("cfc-definitions", parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /** Keeps javac's class output in memory, by binary class name. */
  private static final class InMemoryOutput
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, byte[]> classes;

    InMemoryOutput(StandardJavaFileManager delegate, Map<String, byte[]> classes) {
      super(delegate);
      this.classes = classes;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className,
        JavaFileObject.Kind kind, FileObject sibling) {
      URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
      return new SimpleJavaFileObject(uri, kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() {
              classes.put(className, toByteArray());
            }
          };
        }
      };
    }
  }
}

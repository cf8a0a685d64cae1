package dev.cfc.codegen;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * {@code javax.tools} against the DSL, caches the classes under {@code .cfc/cache/<hash>} (the
 * hash covers every source and the cfc version), and instantiates every public
 * {@link ContainerSet} with a public no-arg constructor. An unchanged project skips javac.
 */
public final class DefinitionLoader {

  /** How many cache entries to keep besides the current one. */
  private static final int KEEP_OLD_ENTRIES = 2;

  private final Path projectDir;
  private final PrintWriter verbose;

  /**
   * @param projectDir the project directory; diagnostics print paths relative to it
   * @param verbose where to report cache hits and compile times, or null
   */
  public DefinitionLoader(Path projectDir, PrintWriter verbose) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.verbose = verbose;
  }

  /**
   * The loaded definitions, or the diagnostics that prevented loading them.
   *
   * @param definitions the definitions of all sets, sets ordered by class name
   * @param diagnostics errors found while loading
   * @param cacheHit whether compiled classes came from the cache
   */
  public record Loaded(List<ContainerDefinition> definitions, List<Diagnostic> diagnostics,
      boolean cacheHit) {
    public Loaded {
      definitions = List.copyOf(definitions);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Loads every definition under a sources directory.
   *
   * @param sourcesDir the directory of DSL sources, relative to the project or absolute
   * @throws IOException when the cache cannot be read or written
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
      return failed(noContainerSet(shown));
    }
    String hash = hash(dir, files);
    Path cacheRoot = projectDir.resolve(".cfc").resolve("cache");
    Path entry = cacheRoot.resolve(hash);
    boolean hit = Files.isRegularFile(entry.resolve("complete"));
    if (hit) {
      say("sources unchanged: using cached classes " + display(entry) + " (javac not run)");
    } else {
      long start = System.nanoTime();
      List<Diagnostic> errors = compile(dir, files, cacheRoot, entry);
      if (!errors.isEmpty()) {
        return new Loaded(List.of(), errors, false);
      }
      say("compiled " + files.size() + " source file" + (files.size() == 1 ? "" : "s")
          + " with javac in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      prune(cacheRoot, hash);
    }
    return instantiate(entry.resolve("classes"), dir, shown, hit);
  }

  private static Loaded failed(Diagnostic diagnostic) {
    return new Loaded(List.of(), List.of(diagnostic), false);
  }

  private Diagnostic noContainerSet(String shown) {
    return Diagnostic.error("CFC202", Diagnostic.Location.of(shown),
        "no public ContainerSet class with a public no-arg constructor in " + shown,
        "add a class such as:\npublic final class AppContainers implements ContainerSet {\n"
            + "  @Override public List<ContainerDefinition> containers() { … }\n}");
  }

  private void say(String message) {
    if (verbose != null) {
      verbose.println("cfc: " + message);
      verbose.flush();
    }
  }

  private String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(projectDir) ? projectDir.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  private static String hash(Path dir, List<Path> files) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("cfc " + CfcVersion.get() + "\0" + Runtime.version().feature() + "\0")
          .getBytes(StandardCharsets.UTF_8));
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

  private List<Diagnostic> compile(Path dir, List<Path> files, Path cacheRoot, Path entry)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return List.of(Diagnostic.error("CFC203", Diagnostic.Location.of(display(dir)),
          "no Java compiler available: cfc runs on a JRE",
          "run cfc with a JDK (17 or later); JAVA_HOME must point at a JDK"));
    }
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    Map<String, byte[]> classes = new TreeMap<>();
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
    Path staging = Files.createDirectories(cacheRoot).resolve(entry.getFileName() + ".tmp"
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
    return List.of();
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

  private Loaded instantiate(Path classesDir, Path sourcesDir, String shown, boolean hit)
      throws IOException {
    List<String> names;
    try (Stream<Path> walk = Files.walk(classesDir)) {
      names = walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .sorted().toList();
    }
    List<ContainerDefinition> definitions = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    int sets = 0;
    // The loader stays open: definitions may hold lambdas of user classes until the run ends.
    URLClassLoader loader = new URLClassLoader(new URL[] {classesDir.toUri().toURL()},
        ContainerSet.class.getClassLoader());
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      if (!ContainerSet.class.isAssignableFrom(type) || !Modifier.isPublic(type.getModifiers())
          || type.isInterface() || Modifier.isAbstract(type.getModifiers())
          || type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
        continue;
      }
      Constructor<?> constructor;
      try {
        constructor = type.getConstructor();
      } catch (NoSuchMethodException e) {
        errors.add(Diagnostic.error("CFC204", locate(type, sourcesDir, 0),
            "ContainerSet " + name + " has no public no-arg constructor",
            "add `public " + type.getSimpleName() + "() {}`"));
        continue;
      }
      sets++;
      try {
        ContainerSet set = (ContainerSet) constructor.newInstance();
        List<ContainerDefinition> declared = set.containers();
        if (declared == null) {
          errors.add(Diagnostic.error("CFC204", locate(type, sourcesDir, 0),
              "containers() of " + name + " returned null", "return List.of(...)"));
          continue;
        }
        for (ContainerDefinition definition : declared) {
          if (definition == null) {
            errors.add(Diagnostic.error("CFC204", locate(type, sourcesDir, 0),
                "containers() of " + name + " returned a null definition",
                "end every definition with .build()"));
          } else {
            definitions.add(definition);
          }
        }
      } catch (ReflectiveOperationException | RuntimeException
          | LinkageError e) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null
            ? ite.getCause() : e;
        errors.add(userCodeFailure(type, sourcesDir, cause, names));
      }
    }
    if (sets == 0 && errors.isEmpty()) {
      errors.add(noContainerSet(shown));
    }
    return new Loaded(errors.isEmpty() ? definitions : List.of(), errors, hit);
  }

  private Diagnostic userCodeFailure(Class<?> type, Path sourcesDir, Throwable cause,
      List<String> userClasses) {
    int line = 0;
    Class<?> where = type;
    for (StackTraceElement frame : cause.getStackTrace()) {
      if (frame.getLineNumber() > 0 && userClasses.contains(frame.getClassName())) {
        line = frame.getLineNumber();
        try {
          where = Class.forName(frame.getClassName(), false, type.getClassLoader());
        } catch (ClassNotFoundException e) {
          where = type;
        }
        break;
      }
    }
    String what = cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return Diagnostic.error("CFC204", locate(where, sourcesDir, line),
        "loading " + type.getName() + " failed with " + what,
        "fix the definition code at this line; a builder that was already built cannot be"
            + " reused, and DSL arguments must not be null");
  }

  private Diagnostic.Location locate(Class<?> type, Path sourcesDir, int line) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String relative = top.getName().replace('.', '/') + ".java";
    Path file = sourcesDir.resolve(relative);
    String shown = Files.exists(file) ? display(file) : relative;
    return new Diagnostic.Location(shown, line, line > 0 ? 1 : 0);
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

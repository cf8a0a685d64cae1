package dev.cfc.codegen.internal;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * Compiles DSL sources in memory with {@code javax.tools} against the DSL, and reports javac's
 * errors as located {@code CFC203} diagnostics with the offending line.
 */
public final class DefinitionCompiler {

  private final Path projectDir;
  private final Warm warm;

  /**
   * A compiler that starts javac afresh for each compile.
   *
   * @param projectDir diagnostics print paths relative to it
   */
  public DefinitionCompiler(Path projectDir) {
    this(projectDir, null);
  }

  /**
   * @param projectDir diagnostics print paths relative to it
   * @param warm the javac and file manager to reuse, or null to start them for this compile
   */
  public DefinitionCompiler(Path projectDir, Warm warm) {
    this.projectDir = projectDir;
    this.warm = warm;
  }

  /**
   * One javac and its file manager, kept across compiles: the file manager indexes the JDK's
   * modules and the DSL jar once, and javac's own classes stay loaded and compiled by the JIT.
   * Every source is passed by path and read afresh (the file manager's content cache is flushed
   * before each compile), so an edited, renamed or deleted source is never seen stale.
   */
  public static final class Warm implements AutoCloseable {
    private StandardJavaFileManager files;

    private synchronized StandardJavaFileManager files(JavaCompiler javac) {
      if (files == null) {
        files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
      }
      return files;
    }

    @Override
    public synchronized void close() throws IOException {
      if (files != null) {
        files.close();
        files = null;
      }
    }
  }

  /**
   * What a compile gave.
   *
   * @param classes class file bytes by binary name, in name order; empty when there are errors
   * @param errors javac's errors, or a missing compiler
   */
  public record Compiled(Map<String, byte[]> classes, List<Diagnostic> errors) {
    public Compiled {
      classes = Collections.unmodifiableMap(new TreeMap<>(classes));
      errors = List.copyOf(errors);
    }
  }

  /** Compiles the sources, each class rewritten by {@link IterationOrder#stabilise}. */
  public Compiled compile(DefinitionSources sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return failed(List.of(Diagnostic.error(
          "CFC203",
          Diagnostic.Location.of(display(sources.dir())),
          "no Java compiler available: cfc runs on a JRE",
          "run cfc with a JDK (17 or later); JAVA_HOME must point at a JDK")));
    }
    Map<String, byte[]> classes = new TreeMap<>();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    StandardJavaFileManager standard = warm == null
        ? javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)
        : warm.files(javac);
    // Sources are read again even where their modification time looks unchanged.
    standard.flush();
    try (JavaFileManager inMemory = new InMemoryOutput(standard, classes, warm == null)) {
      List<String> options = List.of(
          "-classpath",
          dslClasspath(),
          "-proc:none",
          "-g",
          "-encoding",
          "UTF-8",
          "-nowarn",
          "-Xlint:none");
      Iterable<? extends JavaFileObject> units =
          standard.getJavaFileObjectsFromPaths(sources.files());
      StringWriter javacOutput = new StringWriter();
      boolean ok =
          javac.getTask(javacOutput, inMemory, collector, options, null, units).call();
      if (!ok) {
        return failed(javacErrors(collector));
      }
    }
    // Every run loads the same bytes, cached or not: Set.of and Map.of made to keep their order.
    for (Map.Entry<String, byte[]> compiled : classes.entrySet()) {
      compiled.setValue(IterationOrder.stabilise(compiled.getValue()));
    }
    return new Compiled(classes, List.of());
  }

  private static Compiled failed(List<Diagnostic> errors) {
    return new Compiled(Map.of(), errors);
  }

  private String display(Path path) {
    return SourceResolver.display(projectDir, path);
  }

  private List<Diagnostic> javacErrors(DiagnosticCollector<JavaFileObject> collector) {
    List<Diagnostic> errors = new ArrayList<>();
    for (javax.tools.Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
      if (d.getKind() != javax.tools.Diagnostic.Kind.ERROR) {
        continue;
      }
      String file =
          d.getSource() == null ? "<javac>" : display(Path.of(d.getSource().toUri()));
      int line = (int) Math.max(0, d.getLineNumber());
      int column = (int) Math.max(0, d.getColumnNumber());
      String[] message = d.getMessage(Locale.ROOT).split("\n", 2);
      StringBuilder hint = new StringBuilder();
      String sourceLine = sourceLine(d);
      if (sourceLine != null) {
        hint.append(sourceLine)
            .append('\n')
            .append(" ".repeat(Math.max(0, column - 1)))
            .append('^');
      }
      if (message.length > 1) {
        hint.append(hint.length() > 0 ? "\n" : "").append(message[1].strip());
      }
      errors.add(Diagnostic.error(
          "CFC203", new Diagnostic.Location(file, line, column), message[0], hint.toString()));
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

  /** Keeps javac's class output in memory, by binary class name. */
  private static final class InMemoryOutput
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, byte[]> classes;
    private final boolean closesDelegate;

    InMemoryOutput(
        StandardJavaFileManager delegate, Map<String, byte[]> classes, boolean closesDelegate) {
      super(delegate);
      this.classes = classes;
      this.closesDelegate = closesDelegate;
    }

    @Override
    public void close() throws IOException {
      if (closesDelegate) {
        super.close();
      }
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
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

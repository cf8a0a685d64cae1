package dev.cfc.codegen.internal.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.container.BridgeClient;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated Java with the JDK's compiler ({@code javax.tools}) under
 * {@link #OPTIONS}, and calls the compiled classes reflectively.
 */
final class GeneratedJava {

  /**
   * Every lint, warnings as errors, Java 17; also every doclint check but {@code missing}, whose
   * JDK 17 version asks for a comment on each record component's implicit members.
   */
  static final List<String> OPTIONS = List.of(
      "--release", "17", "-encoding", "UTF-8", "-Xlint:all", "-Xdoclint:all,-missing", "-Werror");

  private GeneratedJava() {}

  /** The outcome of one javac run: its diagnostics as text, and the class output directory. */
  record Compiled(boolean success, String diagnostics, Path classes) {

    /** A class loader over the compiled classes. */
    URLClassLoader loader() {
      try {
        return new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, GeneratedJava.class.getClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Writes {@code files} (path relative to a source root → content) under {@code dir/src} and
   * compiles them into {@code dir/classes}.
   */
  static Compiled compile(Path dir, Map<String, String> files) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Path> sources = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      sources.add(file);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(OPTIONS);
    options.addAll(
        List.of("-d", classes.toString(), "-classpath", containerLibrary().toString()));
    boolean ok;
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
      StringWriter out = new StringWriter();
      ok = javac
          .getTask(out, fm, collector, options, null, fm.getJavaFileObjectsFromPaths(sources))
          .call();
      StringBuilder text = new StringBuilder(out.toString());
      for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
        text.append(d.getKind())
            .append(' ')
            .append(d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName())
            .append(':')
            .append(d.getLineNumber())
            .append(": ")
            .append(d.getMessage(Locale.ROOT))
            .append('\n');
      }
      return new Compiled(ok && collector.getDiagnostics().isEmpty(), text.toString(), classes);
    }
  }

  /**
   * Where the {@code dev.cfc:cfc-container} classes are, the one library generated code uses:
   * surefire may start the tests from a manifest-only jar, so javac is given it explicitly.
   */
  static Path containerLibrary() {
    try {
      return Path.of(
          BridgeClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles and asserts javac printed nothing at all. */
  static Compiled compileCleanly(Path dir, Map<String, String> files) throws IOException {
    Compiled compiled = compile(dir, files);
    assertThat(compiled.success())
        .as("javac %s:\n%s", OPTIONS, compiled.diagnostics())
        .isTrue();
    return compiled;
  }

  /** Calls a static method; an exception it throws is rethrown as it is. */
  static Object callStatic(
      Class<?> type, String name, Class<?>[] parameterTypes, Object... arguments) throws Throwable {
    Method method = type.getMethod(name, parameterTypes);
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A record's components, name → value, in declaration order. */
  static Map<String, Object> components(Object record) throws ReflectiveOperationException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      values.put(c.getName(), c.getAccessor().invoke(record));
    }
    return values;
  }
}

package dev.cfc.maven;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads container definitions from a project's compiled classes: every public, concrete
 * {@link ContainerSet} with a public no-arg constructor found in the output directory is
 * instantiated, in class-name order. The classes load in their own class loader over the
 * project's compile classpath; only {@code dev.cfc.dsl} comes from the plugin, so
 * {@code ContainerSet} is the class the compiler knows and nothing else of the plugin's
 * dependencies leaks into the project's code.
 */
final class ContainerSetLoader {

  private static final String DSL_PACKAGE = ContainerSet.class.getPackageName() + ".";

  private final Path projectDir;
  private final List<Path> sourceRoots;

  /**
   * @param projectDir the project directory; diagnostics print paths relative to it
   * @param sourceRoots the compile source roots, to point diagnostics at a class's source
   */
  ContainerSetLoader(Path projectDir, List<Path> sourceRoots) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.sourceRoots = List.copyOf(sourceRoots);
  }

  /**
   * The definitions, or the errors that prevented loading them. Closing it closes the class
   * loader; definitions may call the project's code until then.
   *
   * @param definitions the definitions of all sets, sets ordered by class name
   * @param diagnostics errors found while loading
   */
  record Loaded(List<ContainerDefinition> definitions, List<Diagnostic> diagnostics,
      URLClassLoader classLoader) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (classLoader != null) {
        classLoader.close();
      }
    }
  }

  /**
   * @param classesDir the project's output directory
   * @param classpath the compile classpath (the output directory and the dependencies)
   */
  Loaded load(Path classesDir, List<Path> classpath) throws IOException {
    String shown = display(classesDir);
    if (!Files.isDirectory(classesDir)) {
      return failed(Diagnostic.error("CFC202", Diagnostic.Location.of(shown),
          "no compiled classes in " + shown,
          "compile the project first: `mvn cfc:generate` does, and a bound cfc:check runs after"
              + " compile; on its own run `mvn compile cfc:check`"));
    }
    List<String> names;
    try (Stream<Path> walk = Files.walk(classesDir)) {
      names = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
          .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
          .sorted().toList();
    }
    List<URL> urls = new ArrayList<>();
    urls.add(classesDir.toUri().toURL());
    for (Path element : classpath) {
      if (!element.toAbsolutePath().normalize().equals(classesDir.toAbsolutePath().normalize())) {
        urls.add(element.toUri().toURL());
      }
    }
    URLClassLoader loader = new DslSharingClassLoader(urls.toArray(URL[]::new));
    List<ContainerDefinition> definitions = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    int sets = 0;
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      if (!isContainerSet(type)) {
        continue;
      }
      Constructor<?> constructor;
      try {
        constructor = type.getConstructor();
      } catch (NoSuchMethodException e) {
        errors.add(Diagnostic.error("CFC204", locate(type, 0),
            "ContainerSet " + name + " has no public no-arg constructor",
            "add `public " + type.getSimpleName() + "() {}`"));
        continue;
      }
      sets++;
      try {
        List<ContainerDefinition> declared = ((ContainerSet) constructor.newInstance())
            .containers();
        if (declared == null) {
          errors.add(Diagnostic.error("CFC204", locate(type, 0),
              "containers() of " + name + " returned null", "return List.of(...)"));
          continue;
        }
        for (ContainerDefinition definition : declared) {
          if (definition == null) {
            errors.add(Diagnostic.error("CFC204", locate(type, 0),
                "containers() of " + name + " returned a null definition",
                "end every definition with .build()"));
          } else {
            definitions.add(definition);
          }
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null
            ? ite.getCause() : e;
        errors.add(userCodeFailure(type, cause, names));
      }
    }
    if (sets == 0 && errors.isEmpty()) {
      errors.add(Diagnostic.error("CFC202", Diagnostic.Location.of(shown),
          "no public ContainerSet class with a public no-arg constructor in " + shown,
          "add a class such as:\npublic final class AppContainers implements ContainerSet {\n"
              + "  @Override public List<ContainerDefinition> containers() { … }\n}"));
    }
    return new Loaded(errors.isEmpty() ? definitions : List.of(), errors, loader);
  }

  private static Loaded failed(Diagnostic diagnostic) {
    return new Loaded(List.of(), List.of(diagnostic), null);
  }

  private static boolean isContainerSet(Class<?> type) {
    int modifiers = type.getModifiers();
    return ContainerSet.class.isAssignableFrom(type) && Modifier.isPublic(modifiers)
        && !type.isInterface() && !Modifier.isAbstract(modifiers)
        && (type.getEnclosingClass() == null || Modifier.isStatic(modifiers));
  }

  private Diagnostic userCodeFailure(Class<?> type, Throwable cause, List<String> userClasses) {
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
    return Diagnostic.error("CFC204", locate(where, line),
        "loading " + type.getName() + " failed with " + what,
        "fix the definition code at this line; a builder that was already built cannot be"
            + " reused, and DSL arguments must not be null");
  }

  private Diagnostic.Location locate(Class<?> type, int line) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String relative = top.getName().replace('.', '/') + ".java";
    String shown = relative;
    for (Path root : sourceRoots) {
      Path file = projectDir.resolve(root).resolve(relative);
      if (Files.isRegularFile(file)) {
        shown = display(file);
        break;
      }
    }
    return new Diagnostic.Location(shown, line, line > 0 ? 1 : 0);
  }

  private String display(Path path) {
    Path absolute = projectDir.resolve(path).toAbsolutePath().normalize();
    Path shown = absolute.startsWith(projectDir) ? projectDir.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  /**
   * The project's classes over the platform class loader, except the cfc DSL, which comes from
   * the plugin so that the definitions are instances of the classes the compiler reads.
   */
  private static final class DslSharingClassLoader extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    DslSharingClassLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(DSL_PACKAGE)) {
        return ContainerSet.class.getClassLoader().loadClass(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}

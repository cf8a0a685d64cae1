package dev.cfc.maven;

import dev.cfc.codegen.ContainerSets;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.ProjectState;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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
  private final Duration timeLimit;

  /**
   * @param projectDir the project directory; diagnostics print paths relative to it
   * @param sourceRoots the compile source roots, to point diagnostics at a class's source
   * @param timeLimit how long one {@code ContainerSet} may take to load
   */
  ContainerSetLoader(Path projectDir, List<Path> sourceRoots, Duration timeLimit) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.sourceRoots = List.copyOf(sourceRoots);
    this.timeLimit = timeLimit;
  }

  /**
   * The definitions, or the errors that prevented loading them. Closing it closes the class
   * loader; definitions may call the project's code until then.
   *
   * @param definitions the definitions of all sets, sets ordered by class name
   * @param diagnostics errors found while loading
   */
  record Loaded(
      List<ContainerDefinition> definitions,
      List<Diagnostic> diagnostics,
      URLClassLoader classLoader)
      implements AutoCloseable {
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
    return load(classesDir, classpath, className -> true);
  }

  /**
   * @param classesDir the project's output directory
   * @param classpath the compile classpath (the output directory and the dependencies)
   * @param selected which {@code ContainerSet} classes (by binary name) belong to this project
   */
  Loaded load(Path classesDir, List<Path> classpath, Predicate<String> selected)
      throws IOException {
    String shown = ProjectState.display(projectDir, classesDir);
    if (!Files.isDirectory(classesDir)) {
      return failed(Diagnostic.error(
          "CFC202",
          Diagnostic.Location.of(shown),
          "no compiled classes in " + shown,
          "compile the project first: `mvn cfc:generate` does, and a bound cfc:check runs after"
              + " compile; on its own run `mvn compile cfc:check`"));
    }
    List<URL> urls = new ArrayList<>();
    urls.add(classesDir.toUri().toURL());
    for (Path element : classpath) {
      if (!element
          .toAbsolutePath()
          .normalize()
          .equals(classesDir.toAbsolutePath().normalize())) {
        urls.add(element.toUri().toURL());
      }
    }
    URLClassLoader loader = new DslSharingClassLoader(urls.toArray(URL[]::new), classesDir);
    ContainerSets sets = new ContainerSets(projectDir, sourceRoots, timeLimit);
    List<String> classNames =
        ContainerSets.classNamesIn(classesDir).stream().filter(selected).toList();
    DefinitionLoader.Loaded loaded = sets.instantiate(loader, classNames, shown);
    List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
    if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
      diagnostics.addAll(sets.unorderedCollections(classesDir, loader, classNames));
    }
    return new Loaded(loaded.definitions(), diagnostics, loader);
  }

  private static Loaded failed(Diagnostic diagnostic) {
    return new Loaded(List.of(), List.of(diagnostic), null);
  }

  /**
   * The project's classes over the platform class loader, except the cfc DSL, which comes from
   * the plugin so that the definitions are instances of the classes the compiler reads. The
   * classes of the output directory are defined {@linkplain ContainerSets#withStableCollections
   * with stable collections}, as the CLI defines the definitions it compiles.
   */
  private static final class DslSharingClassLoader extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final Path classesDir;

    DslSharingClassLoader(URL[] urls, Path classesDir) {
      super(urls, ClassLoader.getPlatformClassLoader());
      this.classesDir = classesDir;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Path file = classesDir.resolve(name.replace('.', '/') + ".class");
      if (!Files.isRegularFile(file)) {
        return super.findClass(name);
      }
      byte[] bytes;
      try {
        bytes = ContainerSets.withStableCollections(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
      return defineClass(name, bytes, 0, bytes.length);
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

package dev.cfc.codegen;

import dev.cfc.codegen.internal.IterationOrder;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds and instantiates the {@link ContainerSet}s among compiled classes: every public,
 * concrete implementation with a public no-arg constructor, in class-name order. Shared by the
 * CLI (classes it compiled from sources) and the Maven plugin (the project's output directory),
 * so both report the same located errors for the same mistakes.
 *
 * <p>The user's code runs isolated from cfc (see {@link DefinitionThread}): with a time limit,
 * and with an endless recursion, running out of memory or a {@code System.exit} each reported
 * as a located error instead of ending or hanging cfc.
 */
public final class ContainerSets {

  private final Path projectDir;
  private final List<Path> sourceRoots;
  private final Duration timeLimit;

  /**
   * @param projectDir the project directory; diagnostics print paths relative to it
   * @param sourceRoots where the classes' sources are, to point diagnostics at them
   */
  public ContainerSets(Path projectDir, List<Path> sourceRoots) {
    this(projectDir, sourceRoots, ProjectConfig.DEFAULT_DEFINITION_TIMEOUT);
  }

  /**
   * @param projectDir the project directory; diagnostics print paths relative to it
   * @param sourceRoots where the classes' sources are, to point diagnostics at them
   * @param timeLimit how long one set's constructor and {@code containers()} may run
   */
  public ContainerSets(Path projectDir, List<Path> sourceRoots, Duration timeLimit) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.sourceRoots = List.copyOf(sourceRoots);
    this.timeLimit = java.util.Objects.requireNonNull(timeLimit, "timeLimit");
  }

  /** The binary names of the classes under a class-output directory, sorted. */
  public static List<String> classNamesIn(Path classesDir) throws IOException {
    try (Stream<Path> walk = Files.walk(classesDir)) {
      return walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
          .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
          .sorted()
          .toList();
    }
  }

  /**
   * A class file of the project's, ready to be defined: its {@code Set.of} / {@code Map.of}
   * family calls (whose iteration order Java leaves to the JVM) iterate in the order they were
   * written, as in the definitions the CLI compiles, so that the CLI and the Maven plugin
   * generate the same files from the same definitions.
   */
  public static byte[] withStableCollections(byte[] classFile) throws IOException {
    return IterationOrder.stabilise(classFile);
  }

  /**
   * The {@code CFC095} warnings of the container sets among {@code classNames} (a set and the
   * classes nested in it, read from {@code classesDir}), located in their sources. Only the sets
   * themselves: the rest of a project's classes may build hash-ordered collections for reasons
   * of their own.
   *
   * @param loader the class loader the sets are loaded with
   */
  public List<Diagnostic> unorderedCollections(
      Path classesDir, ClassLoader loader, List<String> classNames) throws IOException {
    List<String> sets = new ArrayList<>();
    for (String name : classNames) {
      try {
        if (isContainerSet(Class.forName(name, false, loader))) {
          sets.add(name);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // Not loadable, so not a set cfc runs.
      }
    }
    Map<Path, Map<String, byte[]>> byRoot = new LinkedHashMap<>();
    for (String name : ContainerSets.classNamesIn(classesDir)) {
      String top = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
      if (sets.contains(top)) {
        byte[] bytes = Files.readAllBytes(classesDir.resolve(name.replace('.', '/') + ".class"));
        byRoot.computeIfAbsent(sourceRootOf(top), root -> new TreeMap<>()).put(name, bytes);
      }
    }
    List<Diagnostic> warnings = new ArrayList<>();
    for (Map.Entry<Path, Map<String, byte[]>> root : byRoot.entrySet()) {
      warnings.addAll(IterationOrder.warnings(root.getValue(), root.getKey(), projectDir));
    }
    return warnings;
  }

  /** The source root holding a top-level class's source, else the project directory. */
  private Path sourceRootOf(String topLevelClass) {
    String relative = topLevelClass.replace('.', '/') + ".java";
    for (Path root : sourceRoots) {
      Path resolved = projectDir.resolve(root);
      if (Files.isRegularFile(resolved.resolve(relative))) {
        return resolved;
      }
    }
    return projectDir;
  }

  /**
   * Instantiates every container set among {@code classNames} and collects their definitions.
   *
   * @param loader the class loader that sees the classes and shares {@code dev.cfc.dsl} with cfc
   * @param classNames candidate classes, in the order their definitions are collected
   * @param shownWhere where the classes came from, for the message when there are none
   * @return the definitions, or the errors (then no definitions)
   */
  public DefinitionLoader.Loaded instantiate(
      ClassLoader loader, List<String> classNames, String shownWhere) {
    List<ContainerDefinition> definitions = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    int sets = 0;
    for (String name : classNames) {
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
        errors.add(Diagnostic.error(
            "CFC204",
            locate(type, 0),
            "ContainerSet " + name + " has no public no-arg constructor",
            "add `public " + type.getSimpleName() + "() {}`"));
        continue;
      }
      sets++;
      DefinitionThread.Outcome<List<ContainerDefinition>> outcome = DefinitionThread.call(
          name,
          loader,
          timeLimit,
          () -> ((ContainerSet) constructor.newInstance()).containers(),
          stack -> exitCalled(type, stack, classNames));
      if (outcome.stuckAt() != null) {
        errors.add(timedOut(type, outcome.stuckAt(), classNames));
        continue;
      }
      if (outcome.thrown() != null) {
        Throwable cause =
            outcome.thrown() instanceof InvocationTargetException ite && ite.getCause() != null
                ? ite.getCause()
                : outcome.thrown();
        errors.add(userCodeFailure(type, cause, classNames));
        continue;
      }
      List<ContainerDefinition> declared = outcome.value();
      if (declared == null) {
        errors.add(Diagnostic.error(
            "CFC204",
            locate(type, 0),
            "containers() of " + name + " returned null",
            "return List.of(...)"));
        continue;
      }
      for (ContainerDefinition definition : declared) {
        if (definition == null) {
          errors.add(Diagnostic.error(
              "CFC204",
              locate(type, 0),
              "containers() of " + name + " returned a null definition",
              "end every definition with .build()"));
        } else {
          definitions.add(definition);
        }
      }
    }
    if (sets == 0 && errors.isEmpty()) {
      errors.add(noContainerSet(shownWhere));
    }
    // Only DefinitionLoader, which has the class files, looks for external reads.
    return new DefinitionLoader.Loaded(
        errors.isEmpty() ? definitions : List.of(), errors, false, List.of());
  }

  /** The error for a place that holds no container set at all. */
  static Diagnostic noContainerSet(String shownWhere) {
    return Diagnostic.error(
        "CFC202",
        Diagnostic.Location.of(shownWhere),
        "no public ContainerSet class with a public no-arg constructor in " + shownWhere,
        "add a class such as:\npublic final class AppContainers implements ContainerSet {\n"
            + "  @Override public List<ContainerDefinition> containers() { … }\n}");
  }

  private static boolean isContainerSet(Class<?> type) {
    int modifiers = type.getModifiers();
    return ContainerSet.class.isAssignableFrom(type)
        && Modifier.isPublic(modifiers)
        && !type.isInterface()
        && !Modifier.isAbstract(modifiers)
        && (type.getEnclosingClass() == null || Modifier.isStatic(modifiers));
  }

  private Diagnostic userCodeFailure(Class<?> type, Throwable cause, List<String> userClasses) {
    Diagnostic.Location at = locate(type, cause.getStackTrace(), userClasses);
    if (cause instanceof StackOverflowError) {
      return Diagnostic.error(
          "CFC232",
          at,
          "loading " + type.getName()
              + " overflowed the stack: the code at this line calls itself without end",
          "give the recursion a base case, or build the list with a loop");
    }
    if (cause instanceof OutOfMemoryError) {
      return Diagnostic.error(
          "CFC233",
          at,
          "loading " + type.getName() + " ran out of memory (" + cause.getMessage()
              + ") at this line",
          "look for a loop that never ends while it adds to a collection or string");
    }
    String what = cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return Diagnostic.error(
        "CFC204",
        at,
        "loading " + type.getName() + " failed with " + what,
        "fix the definition code at this line; a builder that was already built cannot be"
            + " reused, and DSL arguments must not be null");
  }

  private Diagnostic timedOut(Class<?> type, StackTraceElement[] stack, List<String> userClasses) {
    return Diagnostic.error(
        "CFC230",
        locate(type, stack, userClasses),
        "loading " + type.getName() + " did not finish within " + seconds(timeLimit)
            + "; it was running this line",
        "look for an endless loop or a call that waits (network, input, a lock) here; if it"
            + " is only slow, raise definition-timeout in cfc.toml (Maven: <definitionTimeout>)");
  }

  private Diagnostic exitCalled(
      Class<?> type, StackTraceElement[] stack, List<String> userClasses) {
    return Diagnostic.error(
        "CFC231",
        locate(type, stack, userClasses),
        "loading " + type.getName() + " called System.exit, which would end cfc with the"
            + " project unchecked",
        "remove the exit call: containers() must only return the definitions; throw an"
            + " exception to report a problem");
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /** The line of the innermost frame of user code on a stack, else the class itself. */
  private Diagnostic.Location locate(
      Class<?> type, StackTraceElement[] stack, List<String> userClasses) {
    for (StackTraceElement frame : stack) {
      if (frame.getLineNumber() > 0 && userClasses.contains(frame.getClassName())) {
        try {
          return locate(
              Class.forName(frame.getClassName(), false, type.getClassLoader()),
              frame.getLineNumber());
        } catch (ClassNotFoundException | LinkageError e) {
          return locate(type, frame.getLineNumber());
        }
      }
    }
    return locate(type, 0);
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
    return SourceResolver.display(projectDir, path);
  }
}

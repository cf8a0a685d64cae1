package dev.cfc.codegen;

import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and instantiates the {@link ContainerSet}s among compiled classes: every public,
 * concrete implementation with a public no-arg constructor, in class-name order. Shared by the
 * CLI (classes it compiled from sources) and the Maven plugin (the project's output directory),
 * so both report the same located errors for the same mistakes.
 */
public final class ContainerSets {

  private final Path projectDir;
  private final List<Path> sourceRoots;

  /**
   * @param projectDir the project directory; diagnostics print paths relative to it
   * @param sourceRoots where the classes' sources are, to point diagnostics at them
   */
  public ContainerSets(Path projectDir, List<Path> sourceRoots) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.sourceRoots = List.copyOf(sourceRoots);
  }

  /** The binary names of the classes under a class-output directory, sorted. */
  public static List<String> classNamesIn(Path classesDir) throws IOException {
    try (Stream<Path> walk = Files.walk(classesDir)) {
      return walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
          .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
          .sorted().toList();
    }
  }

  /**
   * Instantiates every container set among {@code classNames} and collects their definitions.
   *
   * @param loader the class loader that sees the classes and shares {@code dev.cfc.dsl} with cfc
   * @param classNames candidate classes, in the order their definitions are collected
   * @param shownWhere where the classes came from, for the message when there are none
   * @return the definitions, or the errors (then no definitions)
   */
  public DefinitionLoader.Loaded instantiate(ClassLoader loader, List<String> classNames,
      String shownWhere) {
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
        errors.add(userCodeFailure(type, cause, classNames));
      }
    }
    if (sets == 0 && errors.isEmpty()) {
      errors.add(noContainerSet(shownWhere));
    }
    // Only DefinitionLoader, which has the class files, looks for external reads.
    return new DefinitionLoader.Loaded(errors.isEmpty() ? definitions : List.of(), errors,
        false, List.of());
  }

  /** The error for a place that holds no container set at all. */
  static Diagnostic noContainerSet(String shownWhere) {
    return Diagnostic.error("CFC202", Diagnostic.Location.of(shownWhere),
        "no public ContainerSet class with a public no-arg constructor in " + shownWhere,
        "add a class such as:\npublic final class AppContainers implements ContainerSet {\n"
            + "  @Override public List<ContainerDefinition> containers() { … }\n}");
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
    return SourceResolver.display(projectDir, path);
  }
}

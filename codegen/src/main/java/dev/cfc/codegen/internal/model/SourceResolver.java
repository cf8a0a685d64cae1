package dev.cfc.codegen.internal.model;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a DSL {@link SourceLocation} (class + file name + line) into a project-relative
 * {@link Diagnostic.Location} by finding the source file under one of the source roots.
 */
public final class SourceResolver {

  private final Path projectDir;
  private final List<Path> sourceRoots;

  public SourceResolver(Path projectDir, List<Path> sourceRoots) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.sourceRoots = List.copyOf(sourceRoots);
  }

  /** The location to print for a DSL value; the bare file name when no source root holds it. */
  public Diagnostic.Location resolve(SourceLocation where) {
    if (where == null || where.line() == 0 && where.className().isEmpty()) {
      return Diagnostic.Location.UNKNOWN;
    }
    String file = where.fileName();
    for (Path root : sourceRoots) {
      Path candidate = projectDir.resolve(root).resolve(where.relativePath()).normalize();
      if (Files.isRegularFile(candidate)) {
        file = display(candidate);
        break;
      }
    }
    return new Diagnostic.Location(file, where.line(), where.line() > 0 ? 1 : 0);
  }

  /** A path as printed in diagnostics: relative to the project when inside it, with {@code /}. */
  public String display(Path path) {
    return display(projectDir, path);
  }

  /** {@link #display(Path)} without a resolver: {@code .} for the project directory itself. */
  public static String display(Path projectDir, Path path) {
    Path dir = projectDir.toAbsolutePath().normalize();
    Path absolute = dir.resolve(path).toAbsolutePath().normalize();
    Path shown = absolute.startsWith(dir) ? dir.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}

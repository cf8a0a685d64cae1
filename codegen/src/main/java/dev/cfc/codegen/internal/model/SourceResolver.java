package dev.cfc.codegen.internal.model;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a DSL {@link SourceLocation} (class + file name + line) into a project-relative
 * {@link Diagnostic.Location} by finding the source file under one of the source roots.
 */
public final class SourceResolver {

  private final Path projectDir;
  private final List<Path> sourceRoots;
  private final Map<Path, List<String>> linesOfFile = new HashMap<>();

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
    int column = where.line() > 0 ? 1 : 0;
    for (Path root : sourceRoots) {
      Path candidate = projectDir.resolve(root).resolve(where.relativePath()).normalize();
      if (Files.isRegularFile(candidate)) {
        file = display(candidate);
        column = Math.max(column, column(candidate, where));
        break;
      }
    }
    return new Diagnostic.Location(file, where.line(), column);
  }

  /**
   * The 1-based column of the DSL method's name on the line the stack trace gave, the first
   * call of it there; 0 when the line or the name cannot be found.
   */
  private int column(Path source, SourceLocation where) {
    if (where.line() <= 0 || where.method().isEmpty()) {
      return 0;
    }
    List<String> lines = linesOfFile.computeIfAbsent(source, SourceResolver::readLines);
    if (where.line() > lines.size()) {
      return 0;
    }
    return columnOf(lines.get(where.line() - 1), where.method());
  }

  /** Where {@code method(} is called on {@code line}, 1-based; 0 when it is not. */
  static int columnOf(String line, String method) {
    Matcher call = Pattern.compile(
            "(?<![\\p{javaJavaIdentifierPart}])" + Pattern.quote(method) + "\\s*\\(")
        .matcher(line);
    return call.find() ? call.start() + 1 : 0;
  }

  private static List<String> readLines(Path source) {
    try {
      return Files.readAllLines(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // not UTF-8, or gone since it was seen: the diagnostic only loses its column
      return List.of();
    }
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

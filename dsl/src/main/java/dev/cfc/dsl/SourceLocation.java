package dev.cfc.dsl;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a DSL value was written: the user's class, its source file name and line. Every builder
 * call records one, so a diagnostic can point at the exact line of the bad value.
 *
 * @param className binary name of the class that made the call, e.g. {@code app.AppContainers}
 * @param fileName source file name as the class file records it, e.g. {@code AppContainers.java}
 * @param line 1-based line, or 0 when the class was compiled without line numbers
 */
public record SourceLocation(String className, String fileName, int line) {

  /** Used when no caller outside the DSL could be found. */
  public static final SourceLocation UNKNOWN = new SourceLocation("", "<unknown>", 0);

  private static final String DSL_PACKAGE = SourceLocation.class.getPackageName() + ".";

  public SourceLocation {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(fileName, "fileName");
  }

  /**
   * The first frame on the current stack outside this package: the user's line that called
   * into the DSL.
   */
  static SourceLocation ofCaller() {
    Optional<StackWalker.StackFrame> frame = StackWalker.getInstance()
        .walk(frames ->
            frames.filter(f -> !f.getClassName().startsWith(DSL_PACKAGE)).findFirst());
    return frame
        .map(f -> new SourceLocation(
            f.getClassName(),
            f.getFileName() == null ? "<unknown>" : f.getFileName(),
            Math.max(0, f.getLineNumber())))
        .orElse(UNKNOWN);
  }

  /**
   * The source path relative to a source root, derived from the package of {@link #className}
   * and {@link #fileName}: {@code app/AppContainers.java}.
   */
  public String relativePath() {
    int lastDot = className.lastIndexOf('.');
    String pkg = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
    return pkg + fileName;
  }

  @Override
  public String toString() {
    return fileName + ":" + line;
  }
}

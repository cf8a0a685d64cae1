package dev.cfc.dsl;

import java.util.Iterator;
import java.util.Objects;

/**
 * Where a DSL value was written: the user's class, its source file name and line, and the DSL
 * method called there. Every builder call records one, so a diagnostic can point at the exact
 * line, and, by finding the method's name in the source line, the column of the bad value.
 *
 * @param className binary name of the class that made the call, e.g. {@code app.AppContainers}
 * @param fileName source file name as the class file records it, e.g. {@code AppContainers.java}
 * @param line 1-based line, or 0 when the class was compiled without line numbers
 * @param method the DSL method the user's line called, e.g. {@code maxInstances}; empty when
 *     unknown
 */
public record SourceLocation(String className, String fileName, int line, String method) {

  /** Used when no caller outside the DSL could be found. */
  public static final SourceLocation UNKNOWN = new SourceLocation("", "<unknown>", 0);

  private static final String DSL_PACKAGE = SourceLocation.class.getPackageName() + ".";

  public SourceLocation {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(method, "method");
  }

  /** A location without the DSL method, whose column is then unknown. */
  public SourceLocation(String className, String fileName, int line) {
    this(className, fileName, line, "");
  }

  /**
   * The first frame on the current stack outside this package: the user's line that called
   * into the DSL, with the DSL method it called (the frame just above it).
   */
  static SourceLocation ofCaller() {
    return StackWalker.getInstance().walk(frames -> {
      String called = "";
      for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
        StackWalker.StackFrame f = it.next();
        if (!f.getClassName().startsWith(DSL_PACKAGE)) {
          return new SourceLocation(
              f.getClassName(),
              f.getFileName() == null ? "<unknown>" : f.getFileName(),
              Math.max(0, f.getLineNumber()),
              called);
        }
        String name = f.getMethodName();
        // a synthetic frame (a lambda, a constructor) is not a name the user wrote
        called = name.startsWith("lambda$") || name.startsWith("<") ? "" : name;
      }
      return UNKNOWN;
    });
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

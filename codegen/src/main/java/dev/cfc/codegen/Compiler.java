package dev.cfc.codegen;

import dev.cfc.codegen.internal.Pipeline;

/**
 * The one entry point the CLI and the Maven plugin share: validates the definitions against the
 * project, reconciles the wrangler config and plans every generated file. Compiling is pure: it
 * reads the project's files and returns planned contents; nothing is written until a caller
 * hands the result to {@link OutputWriter}.
 */
public final class Compiler {

  private Compiler() {}

  /** Compiles one request; user mistakes come back as diagnostics, never as exceptions. */
  public static CompileResult compile(CompileRequest request) {
    return new Pipeline(request).run();
  }

  /** What {@link #compile} reads from disk for this request, besides the definitions. */
  public static CompileInputs inputs(CompileRequest request) {
    return Pipeline.inputs(request);
  }
}

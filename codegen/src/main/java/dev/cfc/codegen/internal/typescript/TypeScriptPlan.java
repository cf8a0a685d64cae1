package dev.cfc.codegen.internal.typescript;

import dev.cfc.codegen.PlannedFile;
import dev.cfc.codegen.internal.GeneratedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plans {@code typescript-out}: the emitted files plus the deletion of generated {@code .ts}
 * files no longer emitted, with one summary line for the directory
 * ({@code src/_generated: 2 updated, 1 created}); see {@link GeneratedFiles}.
 */
public final class TypeScriptPlan {

  /** The files cfc plans in {@code typescript-out}, and deletes when stale. */
  public static final String EXTENSION = ".ts";

  private TypeScriptPlan() {}

  /**
   * Whether a planned file is one of the vendored runtime files cfc copies into
   * {@code typescript-out} (a reviewer reads them as one line, not as a diff).
   */
  public static boolean isRuntimeFile(Path path) {
    Path name = path.getFileName();
    return name != null && RuntimeSources.names().contains(name.toString());
  }

  /**
   * @param outDir absolute {@code typescript-out} directory
   * @param emitted relative path → content, from {@link TypeScriptEmitter#emit}
   * @param display how a path is printed (relative to the project)
   * @param current the current content of a file, or null when it does not exist
   */
  public static List<PlannedFile> plan(
      Path outDir,
      Map<String, String> emitted,
      Function<Path, String> display,
      Function<Path, String> current) {
    return GeneratedFiles.plan(outDir, emitted, EXTENSION, display, current);
  }
}

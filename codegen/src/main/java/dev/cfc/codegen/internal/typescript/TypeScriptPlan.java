package dev.cfc.codegen.internal.typescript;

import dev.cfc.codegen.PlannedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the emitted files into {@link PlannedFile}s under {@code typescript-out}, with one summary
 * line for the whole directory ({@code src/_generated: 2 updated, 1 created}) carried by the first
 * file that changes; every other file has an empty summary, which the CLI does not print.
 *
 * <p>Files that an earlier run generated and this one no longer emits (the class of a removed
 * definition) are left on disk: a {@link PlannedFile} cannot express a deletion.
 */
public final class TypeScriptPlan {

  private TypeScriptPlan() {}

  /**
   * @param outDir absolute {@code typescript-out} directory
   * @param emitted relative path → content, from {@link TypeScriptEmitter#emit}
   * @param display how a path is printed (relative to the project)
   * @param current the current content of a file, or null when it does not exist
   */
  public static List<PlannedFile> plan(Path outDir, Map<String, String> emitted,
      Function<Path, String> display, Function<Path, String> current) {
    List<PlannedFile> files = new ArrayList<>();
    int created = 0;
    int updated = 0;
    for (Map.Entry<String, String> entry : emitted.entrySet()) {
      Path path = outDir.resolve(entry.getKey()).normalize();
      String before = current.apply(path);
      PlannedFile file = new PlannedFile(path, display.apply(path), before, entry.getValue(), "");
      if (file.changed()) {
        if (before == null) {
          created++;
        } else {
          updated++;
        }
      }
      files.add(file);
    }
    String summary = summary(display.apply(outDir), created, updated);
    for (int i = 0; i < files.size(); i++) {
      PlannedFile f = files.get(i);
      if (f.changed()) {
        files.set(i, new PlannedFile(f.path(), f.displayName(), f.before(), f.after(), summary));
        break;
      }
    }
    return files;
  }

  /** {@code src/_generated: 2 updated, 1 created}; parts with a count of 0 are left out. */
  static String summary(String dir, int created, int updated) {
    List<String> parts = new ArrayList<>();
    if (updated > 0) {
      parts.add(updated + " updated");
    }
    if (created > 0) {
      parts.add(created + " created");
    }
    return dir + ": " + (parts.isEmpty() ? "unchanged" : String.join(", ", parts));
  }
}

package dev.cfc.codegen.internal.wrangler;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A wrangler config as read from disk.
 *
 * @param path the config's path relative to the project; its file name chooses the backend and it
 *     is the file named in diagnostics
 * @param text the whole file content
 */
public record ConfigSource(Path path, String text) {
  public ConfigSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  /** The name used in {@code Diagnostic.Location}: the path with {@code /} separators. */
  public String displayName() {
    return path.toString().replace('\\', '/');
  }

  /** Lower-case file name, for choosing a backend. */
  String fileName() {
    Path name = path.getFileName();
    return name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT);
  }
}

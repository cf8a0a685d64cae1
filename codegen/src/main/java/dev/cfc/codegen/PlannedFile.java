package dev.cfc.codegen;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One output file as a compile plans it, before anything touches the disk.
 *
 * @param path absolute path of the file
 * @param displayName path relative to the project, as printed
 * @param before the current content, or null when the file does not exist
 * @param after the planned content, or null when the file is to be deleted (a generated file
 *     that is no longer generated)
 * @param summary one-line summary of the change, such as
 *     {@code wrangler.toml: +1 container, ~2 fields, +1 migration v3}
 */
public record PlannedFile(
    Path path, String displayName, String before, String after, String summary) {

  public PlannedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(displayName, "displayName");
    if (before == null && after == null) {
      throw new IllegalArgumentException("a file that does not exist cannot be deleted");
    }
    Objects.requireNonNull(summary, "summary");
  }

  /** Whether writing this file would change the disk. */
  public boolean changed() {
    return !Objects.equals(before, after);
  }

  /**
   * {@code created}, {@code updated}, {@code deleted} or {@code unchanged}, as in {@code --json}
   * output.
   */
  public String status() {
    if (before == null) {
      return "created";
    }
    if (after == null) {
      return "deleted";
    }
    return changed() ? "updated" : "unchanged";
  }
}

package dev.cfc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File helpers the CLI tests share. */
final class ProjectFiles {

  private ProjectFiles() {}

  /**
   * Every file and directory last changed a minute ago, as after an ordinary pause: a no-change
   * run then trusts them and saves its fingerprint.
   */
  static void settle(Path project) throws IOException {
    FileTime aMinuteAgo = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path path : walk.toList()) {
        Files.setLastModifiedTime(path, aMinuteAgo);
      }
    }
  }

  /** Copies the tree {@code from} to {@code to}, less the relative paths {@code skip} takes. */
  static void copy(Path from, Path to, Predicate<Path> skip) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path relative = from.relativize(path);
        if (skip.test(relative)) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}

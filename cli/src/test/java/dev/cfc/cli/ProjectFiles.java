package dev.cfc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
}

package dev.cfc.codegen.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/** Copies of example projects for tests that must not write into {@code examples/}. */
final class ExampleCopies {

  private ExampleCopies() {}

  /** Copies the tree {@code from} to {@code to}, less every path with a part in {@code notCopied}. */
  static void copy(Path from, Path to, Set<String> notCopied) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path path : all.toList()) {
        Path relative = from.relativize(path);
        boolean skipped = false;
        for (Path part : relative) {
          skipped |= notCopied.contains(part.toString());
        }
        if (skipped) {
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

  /** Deletes a copy, if there is one. */
  static void delete(Path copy) throws IOException {
    if (copy == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(copy)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

package dev.cfc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File helpers the CLI tests share. */
final class ProjectFiles {

  /** The one container of {@link #shop}. */
  static final String API = "Container.define(\"api\")\n"
      + "        .image(Image.registry(\"registry.cloudflare.com/shop/api:1.0\")).build()";

  private ProjectFiles() {}

  /**
   * A small project: {@code cfc.toml} with {@code sources = "cfc"}, a {@code wrangler.toml} for
   * the Worker {@code shop}, and {@code cfc/app/AppContainers.java} whose {@code containers()}
   * runs {@code statement} (on line 8) and returns {@code definitions}.
   */
  static void shop(Path project, String statement, String definitions) throws IOException {
    Files.writeString(project.resolve("cfc.toml"), "sources = \"cfc\"\n");
    Files.writeString(
        project.resolve("wrangler.toml"),
        "name = \"shop\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2025-11-17\"\n");
    Path source = project.resolve("cfc/app/AppContainers.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package app;

        import dev.cfc.dsl.*;
        import java.util.List;

        public final class AppContainers implements ContainerSet {
          @Override public List<ContainerDefinition> containers() {
            %s
            return List.of(%s);
          }
        }
        """.formatted(statement, definitions));
  }

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

package dev.cfc.codegen.internal.model;

import dev.cfc.dsl.Image;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an {@link Image.Build} points, by the one rule validation, the wrangler entry and the
 * compile inputs all follow: {@code Image.build(dir)} means {@code dir/Dockerfile}, or
 * {@code dir/<name>} with {@code .dockerfile(name)}; {@code Image.build(file)} means that file,
 * and then {@code .dockerfile(name)} has nothing to name ({@link #dockerfileConflict}).
 *
 * @param path the build path, resolved against the project directory
 * @param dockerfile the Dockerfile wrangler builds (its {@code image}), or null when the build
 *     names a file and a Dockerfile too
 * @param context the build context ({@code image_build_context}), or null for wrangler's default
 *     (the Dockerfile's directory)
 */
public record BuildPaths(Path path, Path dockerfile, Path context) {

  private static final String DEFAULT_DOCKERFILE = "Dockerfile";

  /**
   * The paths of {@code build} in a project.
   *
   * @throws InvalidPathException when the build path, Dockerfile or context is no valid path
   */
  public static BuildPaths of(Path projectDir, Image.Build build) {
    Path path = projectDir.resolve(build.path()).normalize();
    Path named =
        build.dockerfile() == null ? null : path.resolve(build.dockerfile()).normalize();
    Path context =
        build.context() == null ? null : projectDir.resolve(build.context()).normalize();
    Path dockerfile;
    if (Files.isRegularFile(path)) {
      dockerfile = named == null ? path : null;
    } else {
      dockerfile = named != null ? named : path.resolve(DEFAULT_DOCKERFILE);
    }
    return new BuildPaths(path, dockerfile, context);
  }

  /** Whether the build names a file as its path and a Dockerfile besides, which contradict. */
  public boolean dockerfileConflict() {
    return dockerfile == null;
  }

  /**
   * Every path whose content can change what a compile makes of this build, generously: the
   * path, the Dockerfile it means as a directory, the one it names, and the context.
   */
  public List<Path> inputs() {
    List<Path> inputs = new ArrayList<>();
    inputs.add(path);
    inputs.add(path.resolve(DEFAULT_DOCKERFILE));
    if (dockerfile != null && !inputs.contains(dockerfile)) {
      inputs.add(dockerfile);
    }
    if (context != null) {
      inputs.add(context);
    }
    return inputs;
  }
}

package dev.cfc.dsl;

import java.util.Objects;

/**
 * Where a container's image comes from: built from a Dockerfile by {@code wrangler deploy}, or
 * pulled from a registry. Becomes wrangler's {@code image} (and {@code image_build_context}).
 */
public sealed interface Image permits Image.Build, Image.Registry {

  /** Where the image was declared. */
  SourceLocation where();

  /**
   * An image wrangler builds. {@code path} is a directory holding a {@code Dockerfile}, or the
   * Dockerfile itself, relative to the project directory; it becomes wrangler's {@code image}
   * as the path of the Dockerfile. Build args ({@code buildArg}) become {@code image_vars}.
   */
  static Build build(String path) {
    Objects.requireNonNull(path, "image path");
    return new Build(path, null, null, SourceLocation.ofCaller());
  }

  /**
   * A pre-built image reference ({@code registry.cloudflare.com/acme/app:1.4} or
   * {@code …@sha256:…}), written as wrangler's {@code image}. Build args are an error on it.
   */
  static Registry registry(String reference) {
    Objects.requireNonNull(reference, "image reference");
    return new Registry(reference, SourceLocation.ofCaller());
  }

  /**
   * A Dockerfile build.
   *
   * @param path directory with a Dockerfile, or the Dockerfile, relative to the project
   * @param dockerfile the Dockerfile's name inside {@code path}, or null for {@code Dockerfile}
   * @param context build context relative to the project ({@code image_build_context}), or null
   *     for the Dockerfile's directory
   * @param where where it was declared
   */
  record Build(String path, String dockerfile, String context, SourceLocation where)
      implements Image {

    /** Use another Dockerfile in the same directory, such as {@code Dockerfile.prod}. */
    public Build dockerfile(String name) {
      Objects.requireNonNull(name, "dockerfile");
      return new Build(path, name, context, where);
    }

    /** The build context, written as wrangler's {@code image_build_context}. */
    public Build context(String directory) {
      Objects.requireNonNull(directory, "context");
      return new Build(path, dockerfile, directory, where);
    }
  }

  /**
   * A registry image.
   *
   * @param reference the image reference as written
   * @param where where it was declared
   */
  record Registry(String reference, SourceLocation where) implements Image {}
}

package dev.cfc.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Importer#run} imports.
 *
 * @param projectDir the project directory; DSL image paths are written relative to it
 * @param wranglerConfig the wrangler config relative to the project, or null to find it as
 *     wrangler does ({@code wrangler.json}, {@code wrangler.jsonc}, {@code wrangler.toml})
 * @param packageName the package of the rendered {@code ContainerSet}
 * @param typeName its class name
 * @param only the {@code class_name}s to import, in this order; empty for every container
 */
public record ImportRequest(
    Path projectDir, Path wranglerConfig, String packageName, String typeName, List<String> only) {

  /** The package {@code cfc import} writes to unless told otherwise. */
  public static final String DEFAULT_PACKAGE = "app";

  /** The class {@code cfc import} writes unless told otherwise. */
  public static final String DEFAULT_TYPE = "AppContainers";

  public ImportRequest {
    projectDir =
        Objects.requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(typeName, "typeName");
    only = List.copyOf(only);
  }

  /** Starts a request for a project directory. */
  public static Builder builder(Path projectDir) {
    return new Builder(projectDir);
  }

  /** One-shot builder of an {@link ImportRequest}. */
  public static final class Builder {
    private final Path projectDir;
    private Path wranglerConfig;
    private String packageName = DEFAULT_PACKAGE;
    private String typeName = DEFAULT_TYPE;
    private final List<String> only = new ArrayList<>();

    private Builder(Path projectDir) {
      this.projectDir = projectDir;
    }

    /** The wrangler config relative to the project ({@code wrangler} in cfc.toml), or null. */
    public Builder wranglerConfig(Path config) {
      this.wranglerConfig = config;
      return this;
    }

    /** The package of the rendered class. */
    public Builder packageName(String name) {
      this.packageName = Objects.requireNonNull(name, "packageName");
      return this;
    }

    /** The rendered class's simple name. */
    public Builder typeName(String name) {
      this.typeName = Objects.requireNonNull(name, "typeName");
      return this;
    }

    /** Imports only these classes ({@code --only}); repeatable. */
    public Builder only(List<String> classNames) {
      only.addAll(classNames);
      return this;
    }

    public ImportRequest build() {
      return new ImportRequest(projectDir, wranglerConfig, packageName, typeName, only);
    }
  }
}

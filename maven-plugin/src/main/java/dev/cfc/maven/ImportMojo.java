package dev.cfc.maven;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.ImportRequest;
import dev.cfc.codegen.ImportResult;
import dev.cfc.codegen.Importer;
import dev.cfc.codegen.ProjectConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code cfc import} in Maven: writes a {@code ContainerSet} into the project's Java sources
 * that declares every container the wrangler config already has, each with {@code adopt()}, so
 * that the next {@code cfc:generate} changes no byte of the config; and {@code cfc.toml} when
 * there is none. Never replaces a file. The work is {@link Importer}'s, as for the CLI.
 */
@Mojo(name = "import", threadSafe = true)
public class ImportMojo extends AbstractMojo {

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The cfc project directory: {@code cfc.toml} and the wrangler config are found there. */
  @Parameter(property = "cfc.projectDirectory", defaultValue = "${project.basedir}")
  File projectDirectory;

  /** The project file, relative to the project directory; written when it does not exist. */
  @Parameter(property = "cfc.projectFile", defaultValue = ProjectConfig.FILE_NAME)
  String projectFile;

  /** The wrangler config, relative to the project directory; default as wrangler finds it. */
  @Parameter(property = "cfc.wrangler")
  String wrangler;

  /** Import only the containers of these {@code class_name}s ({@code -Dcfc.only=Sandbox}). */
  @Parameter(property = "cfc.only")
  List<String> only;

  /** The package of the written {@code ContainerSet}. */
  @Parameter(property = "cfc.package", defaultValue = ImportRequest.DEFAULT_PACKAGE)
  String packageName;

  /**
   * Where to write it, relative to the project directory; the file name is the class name.
   * Default: {@code <package>/AppContainers.java} below the project's Java source directory.
   */
  @Parameter(property = "cfc.file")
  String file;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path dir = projectDirectory.toPath().toAbsolutePath().normalize();
    Path projectPath = dir.resolve(projectFile);
    String configured = wrangler;
    if (configured == null && Files.exists(projectPath)) {
      ProjectConfig.Loaded loaded = ProjectConfig.load(projectPath);
      report(loaded.diagnostics());
      configured = loaded.config().wrangler();
    }
    String typeName = ImportRequest.DEFAULT_TYPE;
    if (file != null) {
      String name = Path.of(file).getFileName().toString();
      typeName = name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
    }
    ImportResult result = Importer.run(ImportRequest.builder(dir)
        .wranglerConfig(configured == null ? null : Path.of(configured))
        .packageName(packageName)
        .typeName(typeName)
        .only(only == null ? List.of() : only)
        .build());
    report(result.diagnostics());
    Path target = file != null
        ? Path.of(file)
        : dir.relativize(
            Path.of(project.getBuild().getSourceDirectory()).resolve(result.relativePath()));
    Importer.Written written;
    try {
      written = Importer.write(result, dir, projectPath, target);
    } catch (IOException e) {
      throw new MojoExecutionException("cfc: " + e.getMessage(), e);
    }
    report(written.diagnostics());
    for (String created : written.created()) {
      getLog().info("created " + created);
    }
    getLog()
        .info("imported " + String.join(", ", result.classNames()) + " from " + result.configFile()
            + "; next: mvn cfc:generate, which changes no byte of it");
  }

  private void report(List<Diagnostic> diagnostics) throws MojoFailureException {
    DiagnosticLog.log(getLog(), diagnostics);
    String failure = Diagnostic.failureSummary(diagnostics);
    if (failure != null) {
      throw new MojoFailureException("cfc: " + failure);
    }
  }
}

package dev.cfc.maven;

import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.codegen.ProjectScaffold;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code cfc init} in Maven: writes every missing file of a runnable Worker project
 * ({@code cfc.toml}, a sample {@code ContainerSet}, and where absent {@code wrangler.toml},
 * {@code src/index.ts}, {@code package.json}, {@code tsconfig.json} and {@code .gitignore}
 * lines), never replacing a file that exists, and logs what it skipped and the commands that run
 * the Worker. The sample goes into the project's Java source directory, which the written
 * {@code cfc.toml} names as {@code sources}; without a {@code pom.xml} it goes into {@code cfc/},
 * as the CLI's. Fails, writing nothing, when the project file exists.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {

  /** The project being built (Maven's stand-in project when there is no {@code pom.xml}). */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The directory to set up; default the project's. */
  @Parameter(property = "cfc.projectDirectory", defaultValue = "${project.basedir}")
  File projectDirectory;

  /** The project file to create, relative to the project directory. */
  @Parameter(property = "cfc.projectFile", defaultValue = ProjectConfig.FILE_NAME)
  String projectFile;

  @Override
  public void execute() throws MojoExecutionException {
    Path dir = projectDirectory.toPath().toAbsolutePath().normalize();
    Path file = dir.resolve(projectFile).normalize();
    if (Files.exists(file)) {
      throw new MojoExecutionException("cfc: " + dir.relativize(file)
          + " already exists; init changes nothing in an existing project");
    }
    String sources = sources(dir);
    ProjectScaffold.Result result;
    try {
      result = ProjectScaffold.write(dir, file, sources);
    } catch (IOException e) {
      throw new MojoExecutionException("cfc: " + OutputWriter.describe(e), e);
    }
    result.created().forEach(created -> getLog().info("created " + created));
    result.skipped().forEach(skipped -> getLog().info("skipped " + skipped));
    getLog().info("next: edit " + ProjectScaffold.sampleFile(sources) + ", then run:");
    for (String step : ProjectScaffold.nextSteps("mvn cfc:generate")) {
      getLog().info("  " + step);
    }
  }

  /** The project's Java source directory relative to {@code dir}, or cfc's own default. */
  private String sources(Path dir) {
    if (project.getFile() == null) {
      return ProjectScaffold.DEFAULT_SOURCES;
    }
    List<String> roots = project.getCompileSourceRoots();
    Path root =
        roots.isEmpty() ? Path.of(project.getBuild().getSourceDirectory()) : Path.of(roots.get(0));
    Path relative = dir.relativize(root.toAbsolutePath().normalize());
    return relative.toString().isEmpty() || relative.startsWith("..")
        ? ProjectScaffold.DEFAULT_SOURCES
        : relative.toString().replace(File.separatorChar, '/');
  }
}

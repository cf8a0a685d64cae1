package dev.cfc.codegen.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.dsl.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule for where a build's Dockerfile is, whichever part of cfc asks. */
class BuildPathsTest {

  @TempDir
  Path project;

  @BeforeEach
  void dockerfiles() throws IOException {
    Files.createDirectories(project.resolve("containers/app"));
    Files.writeString(project.resolve("containers/app/Dockerfile"), "FROM scratch\n");
    Files.writeString(project.resolve("containers/app/Dockerfile.prod"), "FROM scratch\n");
  }

  @Test
  void aDirectoryMeansItsDockerfileOrTheOneNamed() {
    assertThat(BuildPaths.of(project, Image.build("containers/app")).dockerfile())
        .isEqualTo(project.resolve("containers/app/Dockerfile"));
    assertThat(BuildPaths.of(project, Image.build("containers/app").dockerfile("Dockerfile.prod"))
            .dockerfile())
        .isEqualTo(project.resolve("containers/app/Dockerfile.prod"));
  }

  @Test
  void aFileMeansItselfAndCannotNameAnotherDockerfile() {
    BuildPaths file = BuildPaths.of(project, Image.build("containers/app/Dockerfile.prod"));
    assertThat(file.dockerfile()).isEqualTo(project.resolve("containers/app/Dockerfile.prod"));
    assertThat(file.dockerfileConflict()).isFalse();
    BuildPaths both = BuildPaths.of(
        project, Image.build("containers/app/Dockerfile").dockerfile("Dockerfile.prod"));
    assertThat(both.dockerfileConflict()).isTrue();
  }

  @Test
  void theInputsCoverBothDockerfileLocationsAndTheContext() {
    BuildPaths paths = BuildPaths.of(
        project, Image.build("containers/app").dockerfile("Dockerfile.prod").context("containers"));
    assertThat(paths.inputs())
        .containsExactly(
            project.resolve("containers/app"),
            project.resolve("containers/app/Dockerfile"),
            project.resolve("containers/app/Dockerfile.prod"),
            project.resolve("containers"));
  }
}

package dev.cfc.codegen.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cfc.codegen.OutputWriter;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfc generate} on the {@code fresh} golden case edits {@code wrangler.toml} in place: the
 * file keeps the permissions it had, and the files it creates get the usual ones (readable by
 * everyone, as an editor or {@code git checkout} would create them), not the owner-only mode of
 * a temporary file.
 */
class GoldenFilePermissionsTest {

  @TempDir
  Path temp;

  @Test
  void generateKeepsTheModeOfTheConfigItEditsAndCreatesReadableFiles() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    GoldenCase golden = GoldenCase.load("fresh");
    Path project = temp.resolve("project");
    golden.copyInputTo(project);
    Path config = project.resolve("wrangler.toml");
    Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
    Files.setPosixFilePermissions(config, shared);

    GoldenCase.Run run = golden.compile(project);
    assertThat(run.failed()).as(run.output()).isFalse();
    OutputWriter.write(project, run.result());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .as("mode of the edited wrangler.toml")
        .isEqualTo("rw-rw-r--");
    for (String created : new String[] {"cfc.lock", "src/_generated/index.ts"}) {
      assertThat(Files.getPosixFilePermissions(project.resolve(created)))
          .as("mode of the created " + created)
          .contains(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.GROUP_READ,
              PosixFilePermission.OTHERS_READ);
    }
  }
}

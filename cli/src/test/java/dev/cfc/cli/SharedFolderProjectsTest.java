package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.ProjectLock;
import dev.cfc.codegen.ProjectState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Workers' projects in one folder, each with its own project file and wrangler config
 * (passed with {@code --config}), are generated and checked independently: each has its own
 * ownership record, lock, fingerprint and compile cache.
 */
class SharedFolderProjectsTest {

  @TempDir
  Path folder;

  private String out;
  private String err;

  @BeforeEach
  void twoProjects() throws IOException {
    project("api", "api");
    project("jobs", "jobs");
  }

  private void project(String worker, String definition) throws IOException {
    Files.writeString(folder.resolve("cfc." + worker + ".toml"), """
        sources = "cfc/%1$s"
        wrangler = "wrangler.%1$s.toml"
        typescript-out = "src/%1$s/_generated"
        """.formatted(worker));
    Files.writeString(
        folder.resolve("wrangler." + worker + ".toml"), """
        name = "%s"
        main = "src/%s/index.ts"
        compatibility_date = "2025-11-17"
        """.formatted(worker, worker));
    Path source = folder.resolve("cfc/" + worker + "/app/" + worker + "/Sets.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package app.%1$s;

        import dev.cfc.dsl.*;
        import java.util.List;

        public final class Sets implements ContainerSet {
          @Override public List<ContainerDefinition> containers() {
            return List.of(Container.define("%2$s")
                .image(Image.registry("registry.cloudflare.com/acme/%2$s:1")).build());
          }
        }
        """.formatted(worker, definition));
  }

  private int run(String projectFile, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of("-C", folder.toString(), "--config", projectFile));
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void eachProjectIsGeneratedAndCheckedWithoutSeeingTheOthersClasses() throws IOException {
    assertThat(run("cfc.api.toml", "generate")).as(err).isZero();
    assertThat(out)
        .contains("wrangler.api.toml: +1 container")
        .contains("wrangler.api.cfc.lock: created");
    assertThat(run("cfc.jobs.toml", "generate")).as(err).isZero();
    assertThat(out)
        .contains("wrangler.jobs.toml: +1 container")
        .contains("wrangler.jobs.cfc.lock: created");

    assertThat(run("cfc.api.toml", "check")).as(out + err).isZero();
    assertThat(run("cfc.jobs.toml", "check")).as(out + err).isZero();
    assertThat(err).doesNotContain("CFC103").doesNotContain("deletes");
    assertThat(folder.resolve("cfc.lock")).doesNotExist();
    assertThat(Files.readString(folder.resolve("wrangler.api.cfc.lock")))
        .contains("config = \"wrangler.api.toml\"")
        .contains("managed = [\"ApiContainer\"]");
    assertThat(Files.readString(folder.resolve("wrangler.jobs.cfc.lock")))
        .contains("managed = [\"JobsContainer\"]");
    assertThat(Files.readString(folder.resolve("wrangler.jobs.toml")))
        .doesNotContain("ApiContainer");
  }

  @Test
  void eachProjectKeepsItsOwnCacheAndFingerprint() throws IOException {
    assertThat(run("cfc.api.toml", "generate")).isZero();
    assertThat(run("cfc.jobs.toml", "generate")).isZero();
    ProjectFiles.settle(folder);
    assertThat(run("cfc.api.toml", "generate")).isZero();
    assertThat(run("cfc.jobs.toml", "generate")).isZero();
    assertThat(folder.resolve(".cfc/projects/cfc.api/cache")).isDirectory();
    assertThat(folder.resolve(".cfc/projects/cfc.jobs/cache")).isDirectory();
    assertThat(folder.resolve(".cfc/projects/cfc.api/fingerprint")).isRegularFile();
    assertThat(folder.resolve(".cfc/projects/cfc.jobs/fingerprint")).isRegularFile();
    assertThat(folder.resolve(".cfc/cache")).doesNotExist();
  }

  @Test
  void oneProjectsLockDoesNotHoldUpTheOther() throws Exception {
    try (ProjectLock held = ProjectLock.acquire(ProjectState.of(folder.resolve("cfc.api.toml")))) {
      CompletableFuture<Integer> jobs =
          CompletableFuture.supplyAsync(() -> run("cfc.jobs.toml", "generate"));
      assertThat(jobs.get(60, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void aSharedRecordFromBeforeMovesToTheConfigItDescribes() throws IOException {
    assertThat(run("cfc.api.toml", "generate")).isZero();
    Files.move(folder.resolve("wrangler.api.cfc.lock"), folder.resolve("cfc.lock"));
    assertThat(run("cfc.api.toml", "generate")).as(err).isZero();
    assertThat(out)
        .contains("cfc.lock: deleted (moved to wrangler.api.cfc.lock)")
        .contains("wrangler.api.cfc.lock: created")
        .doesNotContain("wrangler.api.toml");
    assertThat(folder.resolve("cfc.lock")).doesNotExist();
    // The jobs project does not take the api project's record for its own.
    Files.copy(folder.resolve("wrangler.api.cfc.lock"), folder.resolve("cfc.lock"));
    assertThat(run("cfc.jobs.toml", "generate")).as(err).isZero();
    assertThat(folder.resolve("cfc.lock")).exists();
  }

  @Test
  void aStaleProjectNamesItsOwnProjectFileInTheFix() {
    assertThat(run("cfc.api.toml", "check")).isEqualTo(3);
    assertThat(out)
        .endsWith("stale: run `cfc generate --config cfc.api.toml` and commit the" + " result\n");
  }
}

package dev.cfc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfc.codegen.internal.AtomicWrite;
import dev.cfc.codegen.internal.WriteSteps;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow both front ends run: a writing run plans and writes under the project's lock,
 * after rolling back an interrupted write, and never overwrites a file changed since it was
 * planned; a checking run takes no lock and writes nothing.
 */
class GenerationTest {

  private static final String WRANGLER = """
      name = "shop"
      main = "src/index.ts"
      compatibility_date = "2025-11-17"
      """;

  @TempDir
  Path project;

  private ProjectState state;

  @BeforeEach
  void project() throws IOException {
    Files.writeString(project.resolve("wrangler.toml"), WRANGLER);
    state = ProjectState.ofDefault(project);
  }

  private static List<ContainerDefinition> definitions() {
    return List.of(Container.define("api")
        .image(Image.registry("registry.cloudflare.com/shop/api:1.0"))
        .build());
  }

  private CompileRequest request() {
    return CompileRequest.builder(project)
        .definitions(definitions())
        .typescriptOut(project.resolve("src/_generated"))
        .build();
  }

  /** Plans {@link #request()}; a test overrides the hook it disturbs the run at. */
  private class PlansTheRequest implements Generation.Planner {
    @Override
    public Generation.Planned plan() {
      return Generation.Planned.of(request());
    }
  }

  private Generation.Request write() {
    return Generation.Request.write(state, message -> {});
  }

  /** Whether another holder could take the project's lock right now. */
  private boolean lockIsFree() throws IOException {
    try (FileChannel channel =
        FileChannel.open(state.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException heldByThisProcess) {
      return false;
    }
  }

  @Test
  void aWriteRunPlansUnderTheLockWritesThePlanAndASecondRunFindsNothingToDo() throws IOException {
    List<Boolean> freeWhilePlanning = new ArrayList<>();
    Generation.Planner planner = () -> {
      freeWhilePlanning.add(lockIsFree());
      return Generation.Planned.of(request());
    };

    Generation.Outcome first = Generation.run(write(), planner);

    assertThat(first.status()).isEqualTo(Generation.Status.WRITTEN);
    assertThat(first.failure()).isNull();
    assertThat(first.result().summaryLines())
        .anyMatch(line -> line.startsWith("wrangler.toml: +1 container"));
    assertThat(Files.readString(project.resolve("wrangler.toml"))).contains("[[containers]]");
    assertThat(project.resolve("src/_generated/ApiContainer.ts")).exists();

    Generation.Outcome second = Generation.run(write(), planner);
    assertThat(second.status()).isEqualTo(Generation.Status.WRITTEN);
    assertThat(second.result().changedFiles()).isEmpty();
    assertThat(freeWhilePlanning).containsExactly(false, false);
    assertThat(lockIsFree()).as("released after the run").isTrue();
  }

  @Test
  void aFileChangedBetweenPlanAndWriteIsRefusedAndNothingIsWritten() throws IOException {
    String editorSaved = WRANGLER + "# saved by an editor while cfc ran\n";
    Generation.Planner planner = new PlansTheRequest() {
      @Override
      public void planned(CompileResult result) throws IOException {
        Files.writeString(project.resolve("wrangler.toml"), editorSaved);
      }
    };

    Generation.Outcome outcome = Generation.run(write(), planner);

    assertThat(outcome.status()).isEqualTo(Generation.Status.NOT_WRITTEN);
    assertThat(outcome.failureMessage())
        .isEqualTo(
            "nothing was written: wrangler.toml changed while cfc ran; run the command" + " again");
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(editorSaved);
    assertThat(project.resolve("src")).doesNotExist();
    assertThat(state.journalFile()).doesNotExist();
    assertThat(lockIsFree()).isTrue();
  }

  @Test
  void whatChangesBeforeTheCompileReadsItIsPlannedUponAndWritten() throws IOException {
    String edited = WRANGLER + "# kept\n";
    List<CompileInputs> seen = new ArrayList<>();
    Generation.Planner planner = new PlansTheRequest() {
      @Override
      public void beforeCompile(CompileInputs inputs) throws IOException {
        seen.add(inputs);
        Files.writeString(project.resolve("wrangler.toml"), edited);
      }
    };

    Generation.Outcome outcome = Generation.run(write(), planner);

    assertThat(outcome.status()).isEqualTo(Generation.Status.WRITTEN);
    assertThat(seen)
        .singleElement()
        .satisfies(inputs -> assertThat(inputs.paths()).contains(project.resolve("wrangler.toml")));
    assertThat(Files.readString(project.resolve("wrangler.toml")))
        .startsWith(edited)
        .contains("[[containers]]");
  }

  @Test
  void anInterruptedWriteIsRolledBackBeforeThePlannerReadsAnything() throws IOException {
    CompileResult result = Compiler.compile(request());
    class Crash extends Error {}
    WriteSteps crashAfterFirstMove = new WriteSteps() {
      @Override
      public void reached(String step, Path file) {
        if (step.equals("move")) {
          throw new Crash();
        }
      }
    };
    assertThatThrownBy(() ->
            AtomicWrite.write(state.journalFile(), result.changedFiles(), crashAfterFirstMove))
        .isInstanceOf(Crash.class);
    assertThat(state.journalFile()).exists();
    List<String> wranglerWhilePlanning = new ArrayList<>();

    Generation.Outcome outcome = Generation.run(write(), () -> {
      wranglerWhilePlanning.add(Files.readString(project.resolve("wrangler.toml")));
      return Generation.Planned.of(request());
    });

    assertThat(wranglerWhilePlanning).containsExactly(WRANGLER);
    assertThat(outcome.status()).isEqualTo(Generation.Status.WRITTEN);
    assertThat(outcome.result().summaryLines())
        .anyMatch(line -> line.startsWith("wrangler.toml: +1 container"));
    assertThat(state.journalFile()).doesNotExist();
  }

  @Test
  void aCheckRunTakesNoLockWritesNothingAndComparesThePlanWithTheDisk() throws IOException {
    List<Boolean> heldWhilePlanning = new ArrayList<>();
    Generation.Planner planner = () -> {
      heldWhilePlanning.add(Files.exists(state.lockFile()) && !lockIsFree());
      return Generation.Planned.of(request());
    };

    Generation.Outcome stale = Generation.run(Generation.Request.check(state), planner);

    assertThat(stale.status()).isEqualTo(Generation.Status.STALE);
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(WRANGLER);
    assertThat(project.resolve("src")).doesNotExist();
    assertThat(project.resolve(".cfc")).as("no lock file either").doesNotExist();

    Generation.run(write(), () -> Generation.Planned.of(request()));
    Generation.Outcome upToDate = Generation.run(Generation.Request.check(state), planner);
    assertThat(upToDate.status()).isEqualTo(Generation.Status.UP_TO_DATE);
    assertThat(heldWhilePlanning).containsExactly(false, false);
  }

  @Test
  void findingsThatPreventAPlanOrACompileAreInvalidAndNothingIsWritten() throws IOException {
    Diagnostic notLoaded =
        Diagnostic.error("CFC202", Diagnostic.Location.of("cfc"), "no definitions", "write some");

    Generation.Outcome notPlanned =
        Generation.run(write(), () -> Generation.Planned.failed(List.of(notLoaded)));

    assertThat(notPlanned.status()).isEqualTo(Generation.Status.INVALID);
    assertThat(notPlanned.diagnostics()).containsExactly(notLoaded);
    assertThat(notPlanned.result()).isNull();

    Generation.Outcome invalid = Generation.run(
        write(),
        () -> Generation.Planned.of(CompileRequest.builder(project)
            .typescriptOut(project.resolve("src/_generated"))
            .definitions(List.of(Container.define("api")
                .maxInstances(0)
                .image(Image.registry("registry.cloudflare.com/shop/api:1.0"))
                .build()))
            .build()));

    assertThat(invalid.status()).isEqualTo(Generation.Status.INVALID);
    assertThat(invalid.diagnostics())
        .isEqualTo(invalid.result().diagnostics())
        .anyMatch(d -> d.isError() && d.code().equals("CFC020"));
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(WRANGLER);
    assertThat(project.resolve("src")).doesNotExist();
    assertThat(lockIsFree()).isTrue();
  }

  @Test
  void aLockThatCannotBeTakenIsNotWrittenAndThePlannerNeverRuns() throws IOException {
    // A file where the state directory belongs: the lock file cannot be created.
    Files.writeString(project.resolve(".cfc"), "not a directory");
    List<String> planned = new ArrayList<>();

    Generation.Outcome outcome = Generation.run(write(), () -> {
      planned.add("planned");
      return Generation.Planned.of(request());
    });

    assertThat(outcome.status()).isEqualTo(Generation.Status.NOT_WRITTEN);
    assertThat(outcome.failureMessage()).startsWith("nothing was written: ");
    assertThat(outcome.result()).isNull();
    assertThat(planned).isEmpty();
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(WRANGLER);
  }

  @Test
  void aPlannerThatCannotReadItsInputsPassesTheFailureOnAndReleasesTheLock() throws IOException {
    IOException unreadable = new IOException("cfc.toml: permission denied");

    assertThatThrownBy(() -> Generation.run(write(), () -> {
          throw unreadable;
        }))
        .isSameAs(unreadable);
    assertThat(project.resolve("src")).doesNotExist();
    assertThat(lockIsFree()).isTrue();
  }
}

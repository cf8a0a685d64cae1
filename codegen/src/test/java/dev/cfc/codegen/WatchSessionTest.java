package dev.cfc.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch mode on a copy of {@code examples/quickstart}, driven by a scripted {@link ChangeSource}:
 * each time the session waits, the next step edits files and reports them as the file system
 * would, so no test waits on the clock. The session's runs are what it reports and what it
 * leaves on disk.
 */
class WatchSessionTest {

  private static final Path EXAMPLE =
      Path.of("..", "examples", "quickstart").toAbsolutePath().normalize();
  private static final String DEFINITION = "cfc/app/QuickstartContainers.java";

  @TempDir
  Path project;

  private ProjectState state;
  private final List<WatchSession.Run> runs = new CopyOnWriteArrayList<>();
  private final Scripted changes = new Scripted();

  @BeforeEach
  void copyTheExample() throws IOException {
    try (Stream<Path> all = Files.walk(EXAMPLE)) {
      for (Path from : all.toList()) {
        String relative = EXAMPLE.relativize(from).toString();
        if (relative.startsWith(".cfc")
            || relative.startsWith("target")
            || relative.startsWith("src/_generated")
            || relative.equals("cfc.lock")) {
          continue;
        }
        Path to = project.resolve(relative);
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    state = ProjectState.ofDefault(project);
  }

  /** A change source whose every wait runs the next step; extra changes arrive with a run. */
  private final class Scripted implements ChangeSource {
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<Path> arrived = new ArrayList<>();
    final List<Set<Path>> watched = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    void then(Step step) {
      steps.add(step);
    }

    /** A change that happened while a run was under way, reported at the next wait. */
    synchronized void arrive(Path path) {
      arrived.add(path);
    }

    @Override
    public void watch(Set<Path> directories) {
      watched.add(Set.copyOf(directories));
    }

    @Override
    public synchronized List<Path> poll(Duration timeout) {
      if (!arrived.isEmpty()) {
        List<Path> paths = List.copyOf(arrived);
        arrived.clear();
        return paths;
      }
      if (closed) {
        return null;
      }
      if (timeout != null) {
        return List.of();
      }
      Step step = steps.poll();
      if (step == null) {
        return null;
      }
      try {
        return step.edit().stream().map(p -> project.resolve(p)).toList();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @FunctionalInterface
  private interface Step {
    /** Edits files; returns the changed paths relative to the project. */
    List<String> edit() throws IOException;
  }

  /** Plans as the CLI does: cfc.toml, then the definitions compiled with the session's javac. */
  private class Planner implements Generation.Planner {
    private final JavacSession javac;

    Planner(JavacSession javac) {
      this.javac = javac;
    }

    @Override
    public Generation.Planned plan() throws IOException {
      ProjectConfig.Loaded config = ProjectConfig.load(project.resolve("cfc.toml"));
      if (config.config() == null) {
        return Generation.Planned.failed(config.diagnostics());
      }
      DefinitionLoader.Loaded loaded = new DefinitionLoader(
              state, null, ProjectConfig.DEFAULT_DEFINITION_TIMEOUT, false, javac)
          .load(config.config().sourcesDir());
      if (loaded.diagnostics().stream().anyMatch(Diagnostic::isError)) {
        return Generation.Planned.failed(loaded.diagnostics());
      }
      return Generation.Planned.of(
          CompileRequest.from(config.config()).definitions(loaded.definitions()).build());
    }
  }

  private WatchSession.Builder session() {
    return WatchSession.builder(state, project.resolve("cfc.toml"))
        .planner(Planner::new)
        .report(runs::add)
        .changes(changes);
  }

  private String read(String file) throws IOException {
    return Files.readString(project.resolve(file));
  }

  private void replace(String file, String from, String to) throws IOException {
    String content = read(file);
    assertThat(content).contains(from);
    Files.writeString(project.resolve(file), content.replace(from, to));
  }

  /** Saves as many editors do: a new file renamed over the old one. */
  private void renameOver(String file, String content) throws IOException {
    Path target = project.resolve(file);
    Path temp = target.resolveSibling(target.getFileName() + ".swp");
    Files.writeString(temp, content);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private List<String> summaries() {
    return runs.stream()
        .map(run -> run.summary().replaceAll(" in [0-9]+ ms$", ""))
        .toList();
  }

  @Test
  void everyWatchedInputRegeneratesAndTheUserEditToTheConfigIsKept() throws Exception {
    changes.then(() -> {
      assertThat(read("wrangler.toml")).contains("max_instances = 5");
      renameOver(DEFINITION, read(DEFINITION).replace(".maxInstances(5)", ".maxInstances(9)"));
      return List.of(DEFINITION, DEFINITION + ".swp");
    });
    changes.then(() -> {
      assertThat(read("wrangler.toml")).contains("max_instances = 9");
      Files.writeString(
          project.resolve("wrangler.toml"),
          read("wrangler.toml") + "\n# routes go live next week\n");
      return List.of("wrangler.toml");
    });
    changes.then(() -> {
      Files.writeString(
          project.resolve("containers/api/Dockerfile"),
          "# edited\n",
          java.nio.file.StandardOpenOption.APPEND);
      return List.of("containers/api/Dockerfile");
    });
    changes.then(() -> {
      replace("cfc.toml", "typescript-out = \"src/_generated\"", "typescript-out = \"src/gen\"");
      return List.of("cfc.toml");
    });
    session().build().run();

    assertThat(summaries())
        .containsExactly(
            "watch: run 1 at start: 16 files written",
            "watch: run 2 after cfc/app/QuickstartContainers.java changed: 2 files written",
            "watch: run 3 after wrangler.toml changed: no changes",
            "watch: run 4 after containers/api/Dockerfile changed: no changes",
            "watch: run 5 after cfc.toml changed: 14 files written");
    assertThat(read("wrangler.toml"))
        .contains("max_instances = 9")
        .contains("# routes go live next week");
    assertThat(project.resolve("src/gen/ApiContainer.ts")).exists();
  }

  @Test
  void cfcsOwnWritesStartNoRun() throws Exception {
    changes.then(() -> {
      renameOver(DEFINITION, read(DEFINITION).replace(".maxInstances(5)", ".maxInstances(9)"));
      return List.of(DEFINITION);
    });
    // What the file system reports of run 2's own write, and of the lock and journal under .cfc.
    changes.then(() -> List.of(
        "wrangler.toml", "src/_generated/ApiContainer.ts", ".wrangler.toml.cfc-tmp", ".cfc/lock"));
    session().build().run();

    assertThat(summaries()).hasSize(2);
    assertThat(read("wrangler.toml")).contains("max_instances = 9");
  }

  @Test
  void aCompileErrorIsReportedAndTheFixRecovers() throws Exception {
    String good = Files.readString(project.resolve(DEFINITION));
    changes.then(() -> {
      Files.writeString(
          project.resolve(DEFINITION), good.replace(".maxInstances(5)", ".maxInstances(9"));
      return List.of(DEFINITION);
    });
    changes.then(() -> {
      Files.writeString(
          project.resolve(DEFINITION), good.replace(".maxInstances(5)", ".maxInstances(9)"));
      return List.of(DEFINITION);
    });
    session().build().run();

    assertThat(summaries())
        .containsExactly(
            "watch: run 1 at start: 16 files written",
            "watch: run 2 after cfc/app/QuickstartContainers.java changed: nothing written, 1 error",
            "watch: run 3 after cfc/app/QuickstartContainers.java changed: 2 files written");
    Diagnostic error = runs.get(1).outcome().diagnostics().get(0);
    assertThat(error.render())
        .startsWith("cfc/app/QuickstartContainers.java:")
        .contains("error CFC203");
    assertThat(read("wrangler.toml")).contains("max_instances = 9");
  }

  @Test
  void aUserEditBetweenPlanAndWriteIsKeptAndTheRunRedone() throws Exception {
    changes.then(() -> {
      replace(DEFINITION, ".maxInstances(5)", ".maxInstances(9)");
      return List.of(DEFINITION);
    });
    String userLine = "\n# added by hand while cfc ran\n";
    session()
        .planner(javac -> new Planner(javac) {
          @Override
          public void planned(CompileResult result) throws IOException {
            if (runs.size() == 1) {
              Files.writeString(project.resolve("wrangler.toml"), read("wrangler.toml") + userLine);
              changes.arrive(project.resolve("wrangler.toml"));
            }
          }
        })
        .build()
        .run();

    assertThat(summaries())
        .containsExactly(
            "watch: run 1 at start: 16 files written",
            "watch: run 2 after cfc/app/QuickstartContainers.java changed: nothing was written:"
                + " wrangler.toml changed while cfc ran; its change starts the next run",
            "watch: run 3 after wrangler.toml changed: 2 files written");
    assertThat(read("wrangler.toml")).contains("max_instances = 9").contains(userLine.strip());
  }

  @Test
  void stopLetsTheRunUnderWayFinishItsWrite() throws Exception {
    changes.then(() -> {
      replace(DEFINITION, ".maxInstances(5)", ".maxInstances(9)");
      return List.of(DEFINITION);
    });
    changes.then(() -> {
      throw new AssertionError("the session went on after stop()");
    });
    WatchSession[] session = new WatchSession[1];
    Thread[] stopper = new Thread[1];
    session[0] = session()
        .planner(javac -> new Planner(javac) {
          @Override
          public void planned(CompileResult result) throws IOException {
            if (runs.size() == 1) {
              // Ctrl-C between plan and write: the shutdown hook calls stop() and waits.
              stopper[0] = new Thread(session[0]::stop);
              stopper[0].start();
              while (stopper[0].getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
              }
            }
          }
        })
        .build();
    session[0].run();
    stopper[0].join();

    assertThat(summaries()).hasSize(2).last().asString().endsWith("2 files written");
    assertThat(read("wrangler.toml")).contains("max_instances = 9");
    assertThat(state.journalFile()).doesNotExist();
    try (Stream<Path> all = Files.walk(project)) {
      assertThat(all.map(Path::toString)).noneMatch(name -> name.endsWith(".cfc-tmp"));
    }
  }

  @Test
  void theWarmCompilerSeesSourcesAddedRenamedAndDeleted() throws Exception {
    String extra = """
        package app.extra;

        import dev.cfc.dsl.*;
        import java.util.List;

        public final class %s implements ContainerSet {
          @Override public List<ContainerDefinition> containers() {
            return List.of(Container.define("extra")
                .image(Image.registry("registry.cloudflare.com/quickstart/extra:1.0"))
                .maxInstances(%d)
                .build());
          }
        }
        """;
    changes.then(() -> {
      Files.createDirectories(project.resolve("cfc/app/extra"));
      Files.writeString(
          project.resolve("cfc/app/extra/ExtraContainers.java"),
          extra.formatted("ExtraContainers", 3));
      return List.of("cfc/app/extra");
    });
    changes.then(() -> {
      assertThat(read("wrangler.toml")).contains("max_instances = 3");
      Files.move(
          project.resolve("cfc/app/extra/ExtraContainers.java"),
          project.resolve("cfc/app/extra/MoreContainers.java"));
      Files.writeString(
          project.resolve("cfc/app/extra/MoreContainers.java"),
          extra.formatted("MoreContainers", 4));
      return List.of("cfc/app/extra/ExtraContainers.java", "cfc/app/extra/MoreContainers.java");
    });
    changes.then(() -> {
      assertThat(read("wrangler.toml")).contains("max_instances = 4");
      Files.delete(project.resolve("cfc/app/extra/MoreContainers.java"));
      return List.of("cfc/app/extra/MoreContainers.java");
    });
    session().build().run();

    assertThat(summaries())
        .containsExactly(
            "watch: run 1 at start: 16 files written",
            "watch: run 2 after cfc/app/extra changed: 5 files written",
            "watch: run 3 after cfc/app/extra/ExtraContainers.java,"
                + " cfc/app/extra/MoreContainers.java changed: 2 files written",
            "watch: run 4 after cfc/app/extra/MoreContainers.java changed: nothing written,"
                + " 1 error");
    assertThat(runs.get(3).outcome().diagnostics().get(0).code()).isEqualTo("CFC103");
  }

  @Test
  void theWatchedDirectoriesFollowTheDefinitions() throws Exception {
    changes.then(() -> {
      replace(DEFINITION, "Image.build(\"containers/api\")", "Image.build(\"images/api\")");
      return List.of(DEFINITION);
    });
    session().build().run();

    Set<Path> first = changes.watched.get(0);
    Set<Path> last = changes.watched.get(changes.watched.size() - 1);
    assertThat(first).contains(project, project.resolve("cfc"), project.resolve("cfc/app"));
    assertThat(changes.watched)
        .anySatisfy(set -> assertThat(set).contains(project.resolve("containers")));
    // images/ does not exist: its nearest existing ancestor is watched, to see it created.
    assertThat(last).doesNotContain(project.resolve("containers")).contains(project);
    assertThat(runs.get(1).outcome().diagnostics()).isNotEmpty();
  }
}

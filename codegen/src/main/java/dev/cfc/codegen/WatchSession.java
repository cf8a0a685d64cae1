package dev.cfc.codegen;

import dev.cfc.codegen.internal.WatchedPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code cfc generate --watch}: one process that runs the {@link Generation} write workflow,
 * then again whenever something the run read changes, until {@link #stop} (Ctrl-C) or the
 * {@link ChangeSource} ends.
 *
 * <p>What it watches is recomputed after every run, since the definitions name the Dockerfiles
 * and build contexts: the project file, the DSL sources, the wrangler configs, {@code cfc.lock},
 * the image paths and the generated code (everything {@link Compiler#inputs} names). Changes are
 * debounced, so an editor's rename-and-replace or truncate-then-write is one change. The javac
 * that compiles the definitions is a {@link JavacSession} kept for the whole session.
 *
 * <p>cfc's own writes do not start another run: a changed file whose content is what cfc wrote
 * there is not a change. A user's edit while a run is under way is: if it lands between plan and
 * write, the write is refused as usual ({@link Generation.Status#NOT_WRITTEN}, the edit kept), and either
 * way the edit's notification starts the next run, which plans from the edit.
 */
public final class WatchSession {

  /** The default quiet period that ends a burst of changes. */
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(10);

  /** How long {@link #stop} lets a run under way finish before giving up on it. */
  private static final Duration STOP_WAIT = Duration.ofMinutes(1);

  private final ProjectState state;
  private final Path projectFile;
  private final Function<JavacSession, Generation.Planner> planners;
  private final Consumer<String> waiting;
  private final Consumer<Run> report;
  private final ChangeSource changes;
  private final Duration debounce;
  private final LongSupplier nanoClock;

  private final Map<Path, byte[]> written = new HashMap<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean started;
  private volatile boolean stopping;

  private WatchSession(Builder builder) {
    this.state = builder.state;
    this.projectFile = builder.projectFile;
    this.planners = Objects.requireNonNull(builder.planners, "planner");
    this.waiting = builder.waiting;
    this.report = Objects.requireNonNull(builder.report, "report");
    this.changes = Objects.requireNonNull(builder.changes, "changes");
    this.debounce = builder.debounce;
    this.nanoClock = builder.nanoClock;
  }

  /**
   * A session on the project whose project file is {@code projectFile}.
   *
   * @param state the project, whose lock every run takes
   */
  public static Builder builder(ProjectState state, Path projectFile) {
    return new Builder(state, projectFile.toAbsolutePath().normalize());
  }

  /** Configures one session; {@link #build} may be called once. */
  public static final class Builder {
    private final ProjectState state;
    private final Path projectFile;
    private Function<JavacSession, Generation.Planner> planners;
    private Consumer<String> waiting = message -> {};
    private Consumer<Run> report;
    private ChangeSource changes;
    private Duration debounce = DEFAULT_DEBOUNCE;
    private LongSupplier nanoClock = System::nanoTime;
    private boolean built;

    private Builder(ProjectState state, Path projectFile) {
      this.state = Objects.requireNonNull(state, "state");
      this.projectFile = projectFile;
    }

    /**
     * How each run loads its definitions: a fresh {@link Generation.Planner} per run, given the
     * session's warm javac (pass it to {@link DefinitionLoader}).
     */
    public Builder planner(Function<JavacSession, Generation.Planner> planners) {
      this.planners = planners;
      return this;
    }

    /** Told when a run waits for another process's lock on the project. */
    public Builder waiting(Consumer<String> waiting) {
      this.waiting = Objects.requireNonNull(waiting, "waiting");
      return this;
    }

    /** Given every run as it ends, to print its diagnostics and {@link Run#summary}. */
    public Builder report(Consumer<Run> report) {
      this.report = report;
      return this;
    }

    /** Where changes come from; {@link ChangeSource#fileSystem()} outside tests. */
    public Builder changes(ChangeSource changes) {
      this.changes = changes;
      return this;
    }

    /** How long no further change must arrive before a run starts. */
    public Builder debounce(Duration debounce) {
      this.debounce = Objects.requireNonNull(debounce, "debounce");
      return this;
    }

    /** The clock a run's duration is measured with ({@link System#nanoTime} by default). */
    public Builder clock(LongSupplier nanoClock) {
      this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    public WatchSession build() {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      built = true;
      return new WatchSession(this);
    }
  }

  /**
   * One run of the session.
   *
   * @param number 1 for the run at start, then counting up
   * @param changed what started the run, relative to the project; empty for the first run
   * @param outcome how the run ended; null when an input could not be read
   * @param readFailure why an input could not be read, else null
   * @param millis how long the run took, from the end of the debounce to the end of the write
   */
  public record Run(
      int number,
      List<String> changed,
      Generation.Outcome outcome,
      IOException readFailure,
      long millis) {

    public Run {
      changed = List.copyOf(changed);
    }

    /**
     * The one line printed after the run, such as {@code watch: run 2 after
     * cfc/app/Containers.java changed: 3 files written in 41 ms}.
     */
    public String summary() {
      String cause = changed.isEmpty()
          ? "at start"
          : "after " + String.join(", ", changed.size() <= 3 ? changed : changed.subList(0, 3))
              + (changed.size() > 3 ? " and " + (changed.size() - 3) + " more" : "")
              + " changed";
      return "watch: run " + number + " " + cause + ": " + what() + " in " + millis + " ms";
    }

    private String what() {
      if (outcome == null) {
        return "nothing written: cannot read " + readFailure.getMessage();
      }
      long errors = outcome.diagnostics().stream().filter(Diagnostic::isError).count();
      long warnings = outcome.diagnostics().size() - errors;
      String findings = (errors > 0 ? ", " + count(errors, "error") : "")
          + (warnings > 0 ? ", " + count(warnings, "warning") : "");
      return switch (outcome.status()) {
        case INVALID -> "nothing written" + findings;
        // The file that changed is watched, so its change starts the next run on its own.
        case NOT_WRITTEN ->
          outcome
              .failureMessage()
              .replace("; run the command again", "; its change starts the next run");
        default -> {
          int files = outcome.result().changedFiles().size();
          yield (files == 0 ? "no changes" : count(files, "file") + " written") + findings;
        }
      };
    }

    private static String count(long n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }
  }

  /**
   * Runs once, then again after every change, until {@link #stop} or the change source ends.
   * A run is never cut short: {@link #stop} waits for the run under way.
   *
   * @throws IOException when the change source cannot watch
   */
  public void run() throws IOException, InterruptedException {
    started = true;
    try (JavacSession javac = new JavacSession()) {
      WatchedPaths watched = generate(javac, 1, List.of(), initialPaths());
      int number = 1;
      while (!stopping) {
        Set<Path> directories = watched.directories();
        changes.watch(directories);
        List<Path> burst = nextBurst();
        if (burst == null) {
          return;
        }
        List<String> relevant = new ArrayList<>();
        for (Path path : burst) {
          if (watched.covers(path, directories) && !isOwnWrite(path)) {
            String shown = state.display(path);
            if (!relevant.contains(shown)) {
              relevant.add(shown);
            }
          }
        }
        if (!relevant.isEmpty() && !stopping) {
          watched = generate(javac, ++number, relevant, watched);
        }
      }
    } finally {
      finished.countDown();
    }
  }

  /**
   * Ends the session: a run under way finishes (its write is never cut short), then
   * {@link #run} returns. Safe from a shutdown hook; waits at most a minute for the run.
   */
  public void stop() {
    stopping = true;
    try {
      changes.close();
    } catch (IOException e) {
      // Closing only wakes the session up; the flag ends it either way.
    }
    if (!started) {
      return;
    }
    try {
      finished.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The changes of one burst: the first, then every one until a quiet {@link #debounce}. */
  private List<Path> nextBurst() throws InterruptedException {
    List<Path> first = changes.poll(null);
    if (first == null) {
      return null;
    }
    Set<Path> burst = new LinkedHashSet<>(first);
    while (!stopping) {
      List<Path> more = changes.poll(debounce);
      if (more == null || more.isEmpty()) {
        break;
      }
      burst.addAll(more);
    }
    return List.copyOf(burst);
  }

  private WatchedPaths initialPaths() {
    return new WatchedPaths(Set.of(projectFile), List.of(), state.dir()).plus(configInputs());
  }

  /** The sources tree and wrangler config {@code cfc.toml} names, when it can be read. */
  private CompileInputs configInputs() {
    ProjectConfig config = ProjectConfig.load(projectFile).config();
    if (config == null) {
      return new CompileInputs(List.of(), List.of());
    }
    List<Path> paths = config.wrangler() == null
        ? List.of()
        : List.of(config.projectDir().resolve(config.wrangler()));
    return new CompileInputs(paths, List.of(new CompileInputs.Tree(config.sourcesDir(), ".java")));
  }

  private WatchedPaths generate(
      JavacSession javac, int number, List<String> changed, WatchedPaths before)
      throws IOException {
    // Watched before the run reads anything, so that no edit made during the run is missed.
    changes.watch(before.directories());
    Observing planner = new Observing(planners.apply(javac));
    long start = nanoClock.getAsLong();
    Generation.Outcome outcome = null;
    IOException readFailure = null;
    try {
      outcome = Generation.run(Generation.Request.write(state, waiting), planner);
    } catch (IOException e) {
      readFailure = e;
    }
    if (outcome != null && outcome.status() == Generation.Status.WRITTEN) {
      for (PlannedFile file : outcome.result().changedFiles()) {
        written.put(
            file.path().toAbsolutePath().normalize(),
            file.after() == null ? null : file.after().getBytes(StandardCharsets.UTF_8));
      }
    }
    long millis = (nanoClock.getAsLong() - start) / 1_000_000;
    report.accept(new Run(number, changed, outcome, readFailure, millis));
    // What this run read; when it compiled nothing (cfc.toml or a definition has an error),
    // what was watched before as well, so that the Dockerfiles named last time stay watched.
    return planner.inputs == null
        ? initialPaths().plus(before)
        : initialPaths().plus(planner.inputs);
  }

  /** Whether {@code path} holds exactly what cfc last wrote there (or is absent as cfc left it). */
  private boolean isOwnWrite(Path path) {
    if (!written.containsKey(path)) {
      return false;
    }
    byte[] content = written.get(path);
    try {
      return content != null && Arrays.equals(Files.readAllBytes(path), content);
    } catch (NoSuchFileException gone) {
      return content == null;
    } catch (IOException unreadable) {
      return false;
    }
  }

  /** Passes every call on, remembering what the compile read. */
  private static final class Observing implements Generation.Planner {
    private final Generation.Planner delegate;
    private CompileInputs inputs;

    Observing(Generation.Planner delegate) {
      this.delegate = delegate;
    }

    @Override
    public Generation.Planned plan() throws IOException {
      return delegate.plan();
    }

    @Override
    public void beforeCompile(CompileInputs compileInputs) throws IOException {
      inputs = compileInputs;
      delegate.beforeCompile(compileInputs);
    }

    @Override
    public void planned(CompileResult result) throws IOException {
      delegate.planned(result);
    }
  }
}

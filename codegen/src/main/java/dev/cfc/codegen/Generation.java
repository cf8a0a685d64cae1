package dev.cfc.codegen;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The generate and check workflow, written once for the CLI and the Maven plugin. A
 * {@link Mode#WRITE} run takes the project's {@link ProjectLock} (which first rolls back a write
 * an earlier run left unfinished), plans under it and writes the plan all-or-nothing with
 * {@link OutputWriter}: a second run waiting for the lock plans against what this one wrote and
 * finds nothing left to do. A {@link Mode#CHECK} run plans without the lock, writes nothing and
 * compares the plan with the disk.
 *
 * <p>A front end supplies only how its definitions are loaded (a {@link Planner}: sources it
 * compiles itself, or a build's classes) and renders the {@link Outcome}.
 */
public final class Generation {

  private Generation() {}

  /** What a run does with its plan. */
  public enum Mode {
    /** Plan under the project's lock and write the plan. */
    WRITE,
    /** Plan without the lock and compare the plan with the disk; write nothing. */
    CHECK
  }

  /** How a run ended. */
  public enum Status {
    /** Planning or compiling found errors (or could not read an input); nothing was written. */
    INVALID,
    /** The lock could not be taken or the write failed: see {@link Outcome#failure}. */
    NOT_WRITTEN,
    /** {@link Mode#WRITE}: every changed file was written (there may have been none). */
    WRITTEN,
    /** {@link Mode#CHECK}: no planned file differs from the disk. */
    UP_TO_DATE,
    /** {@link Mode#CHECK}: at least one planned file differs from the disk. */
    STALE
  }

  /**
   * One run's settings.
   *
   * @param state the project, whose lock a {@link Mode#WRITE} run takes
   * @param mode whether to write or compare
   * @param waiting told which lock file and process a {@link Mode#WRITE} run waits for, when
   *     another run holds the lock
   */
  public record Request(ProjectState state, Mode mode, Consumer<String> waiting) {

    public Request {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(waiting, "waiting");
    }

    /** A run that writes, telling {@code waiting} when it waits for another run's lock. */
    public static Request write(ProjectState state, Consumer<String> waiting) {
      return new Request(state, Mode.WRITE, waiting);
    }

    /** A run that only compares. */
    public static Request check(ProjectState state) {
      return new Request(state, Mode.CHECK, message -> {});
    }
  }

  /**
   * How a front end loads its definitions into a {@link CompileRequest}. A {@link Mode#WRITE}
   * run calls it while holding the lock, so everything it reads is what the write builds upon.
   */
  @FunctionalInterface
  public interface Planner {

    /**
     * Loads the definitions and builds the request to compile, or says why there is none.
     *
     * @throws IOException when an input cannot be read; {@link Generation#run} passes it on and
     *     nothing is written
     */
    Planned plan() throws IOException;

    /**
     * Called with everything the compile of the planned request will read, just before it
     * reads it; a caller that remembers the state of its inputs observes them here.
     */
    default void beforeCompile(CompileInputs inputs) throws IOException {}

    /**
     * Called with a compile's result that has no errors, still under the lock, before it is
     * written or compared. A file changed from here on is not overwritten: the write checks
     * every file against the content it was planned from and refuses the whole write.
     */
    default void planned(CompileResult result) throws IOException {}
  }

  /**
   * What a {@link Planner} produced: a request to compile, or the findings that prevented one.
   *
   * @param request the request; null when planning failed
   * @param failures the errors (with any warnings found alongside) that prevented a request;
   *     empty when there is one
   */
  public record Planned(CompileRequest request, List<Diagnostic> failures) {

    public Planned {
      failures = List.copyOf(failures);
      if ((request == null) == failures.isEmpty()) {
        throw new IllegalArgumentException("either a request or the failures, not both");
      }
    }

    /** A request to compile. */
    public static Planned of(CompileRequest request) {
      return new Planned(Objects.requireNonNull(request, "request"), List.of());
    }

    /** No request, for these reasons. */
    public static Planned failed(List<Diagnostic> failures) {
      return new Planned(null, failures);
    }
  }

  /**
   * How a run ended.
   *
   * @param status what happened
   * @param request the request that was compiled; null when there was none
   * @param result the compile's result; null when nothing was compiled
   * @param diagnostics what to report: the planner's failures when it failed, else the
   *     compile's findings
   * @param failure why nothing was written ({@link Status#NOT_WRITTEN}), else null
   */
  public record Outcome(
      Status status,
      CompileRequest request,
      CompileResult result,
      List<Diagnostic> diagnostics,
      IOException failure) {

    public Outcome {
      Objects.requireNonNull(status, "status");
      diagnostics = List.copyOf(diagnostics);
    }

    /** The text a front end prints for {@link #failure} (see {@link OutputWriter#describe}). */
    public String failureMessage() {
      return failure == null ? null : OutputWriter.describe(failure);
    }
  }

  /**
   * Runs the workflow: for {@link Mode#WRITE}, takes the lock, plans, compiles and writes; for
   * {@link Mode#CHECK}, plans, compiles and compares. Failing to take the lock or to write is an
   * {@link Status#NOT_WRITTEN} outcome, and then nothing was changed.
   *
   * @throws IOException when {@code planner} throws it; nothing was written
   */
  public static Outcome run(Request request, Planner planner) throws IOException {
    if (request.mode() == Mode.CHECK) {
      return plan(planner, null);
    }
    ProjectLock taken;
    try {
      taken = ProjectLock.acquire(request.state(), request.waiting());
    } catch (IOException e) {
      // Taking the lock rolls back an interrupted run; that can fail, and is not a bug.
      return new Outcome(Status.NOT_WRITTEN, null, null, List.of(), e);
    }
    try (ProjectLock lock = taken) {
      return plan(planner, lock);
    }
  }

  /** Plans, then writes under {@code lock}, or compares when there is no lock. */
  private static Outcome plan(Planner planner, ProjectLock lock) throws IOException {
    Planned planned = planner.plan();
    if (planned.request() == null) {
      return new Outcome(Status.INVALID, null, null, planned.failures(), null);
    }
    CompileRequest compileRequest = planned.request();
    planner.beforeCompile(Compiler.inputs(compileRequest));
    CompileResult result = Compiler.compile(compileRequest);
    if (result.hasErrors()) {
      return new Outcome(Status.INVALID, compileRequest, result, result.diagnostics(), null);
    }
    planner.planned(result);
    if (lock == null) {
      return new Outcome(
          result.isStale() ? Status.STALE : Status.UP_TO_DATE,
          compileRequest,
          result,
          result.diagnostics(),
          null);
    }
    try {
      OutputWriter.write(lock, result);
    } catch (IOException e) {
      return new Outcome(Status.NOT_WRITTEN, compileRequest, result, result.diagnostics(), e);
    }
    return new Outcome(Status.WRITTEN, compileRequest, result, result.diagnostics(), null);
  }
}

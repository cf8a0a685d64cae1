package dev.cfc.codegen.internal;

import java.nio.file.Path;

/**
 * Where an {@link AtomicWrite} is between its steps, for tests that stop or disturb a write at
 * an exact point: kill the process after step N, or edit a file just before cfc moves its new
 * version into place. Production runs use {@link #NONE}.
 */
public interface WriteSteps {

  /** Observes nothing. */
  WriteSteps NONE = new WriteSteps() {};

  /**
   * A step has completed: {@code journal-draft}, {@code journal}, {@code directories},
   * {@code temp}, {@code moving}, {@code move} and {@code commit} while writing; {@code restore}
   * while rolling back.
   *
   * @param step the step's name
   * @param file the file the step was about, or null
   */
  default void reached(String step, Path file) {}

  /** cfc is about to check {@code target} one last time and move its new version into place. */
  default void beforeMove(Path target) {}

  /**
   * Ends the process abruptly, as {@code kill -9} would (no finally blocks, no shutdown hooks),
   * right after the {@code n}-th step; the crash tests use it to stop a real run everywhere.
   */
  static WriteSteps haltAfter(int n) {
    return new WriteSteps() {
      private int count;

      @Override
      public void reached(String step, Path file) {
        if (++count == n) {
          Runtime.getRuntime().halt(HALT_EXIT_CODE);
        }
      }
    };
  }

  /**
   * The system property that stops the process after that many steps of a write (or of the
   * rollback when the lock is taken, counted on its own); the crash tests set it on a real run.
   * Unset in every normal run.
   */
  String HALT_AFTER_STEP = "cfc.test.haltAfterStep";

  /** {@link #haltAfter} as {@link #HALT_AFTER_STEP} asks, else {@link #NONE}. */
  static WriteSteps configured() {
    Integer n = Integer.getInteger(HALT_AFTER_STEP);
    return n == null ? NONE : haltAfter(n);
  }

  /** The exit code of a process stopped by {@link #haltAfter}: that of a process killed by 9. */
  int HALT_EXIT_CODE = 137;
}

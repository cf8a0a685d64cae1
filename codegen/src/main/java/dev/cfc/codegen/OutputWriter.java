package dev.cfc.codegen;

import dev.cfc.codegen.internal.AtomicWrite;
import dev.cfc.codegen.internal.WriteSteps;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link CompileResult} all-or-nothing: every changed file goes to a temporary file
 * beside it first, and only when all of them are written are they moved into place (and files no
 * longer generated are deleted), each checked immediately before its move against the content it
 * was planned from. A failure, or a file someone else changed meanwhile, puts back the files
 * already moved; a process killed while moving leaves a journal that the next
 * {@link ProjectLock#acquire} rolls back. Symbolic links are written through to their targets.
 * Two runs on one project serialise on {@link ProjectLock}.
 */
public final class OutputWriter {

  private OutputWriter() {}

  /**
   * How the CLI and the Maven plugin report a failed write or lock: {@code nothing was written:
   * <reason>}, or, in the rare case that the files already moved could not be put back either,
   * the reason alone, which says so.
   */
  public static String describe(IOException failure) {
    return failure instanceof AtomicWrite.HalfWrittenException
        ? failure.getMessage()
        : "nothing was written: " + failure.getMessage();
  }

  /**
   * Writes the changed files of a result that has no errors, taking the project's
   * {@link ProjectLock} for the write. Callers that plan and write in one go should hold the
   * lock across both and use {@link #write(ProjectLock, CompileResult)}.
   *
   * @return the files written
   * @throws IllegalStateException when the result has errors
   * @throws IOException when a file cannot be written; then nothing was changed
   */
  public static List<PlannedFile> write(java.nio.file.Path projectDir, CompileResult result)
      throws IOException {
    return write(ProjectState.ofDefault(projectDir.toAbsolutePath().normalize()), result);
  }

  /**
   * Writes the changed files of a result that has no errors, taking the lock of the project
   * whose state is {@code state} for the write.
   *
   * @return the files written
   * @throws IllegalStateException when the result has errors
   * @throws IOException when a file cannot be written; then nothing was changed
   */
  public static List<PlannedFile> write(ProjectState state, CompileResult result)
      throws IOException {
    if (result.changedFiles().isEmpty() && !result.hasErrors()) {
      return List.of();
    }
    try (ProjectLock lock = ProjectLock.acquire(state)) {
      return write(lock, result);
    }
  }

  /**
   * Writes the changed files of a result that has no errors while the caller holds the
   * project's lock.
   *
   * @return the files written
   * @throws IllegalStateException when the result has errors
   * @throws IOException when a file cannot be written, or changed since it was planned; then
   *     nothing was changed
   */
  public static List<PlannedFile> write(ProjectLock lock, CompileResult result) throws IOException {
    if (result.hasErrors()) {
      throw new IllegalStateException("a result with errors must not be written");
    }
    List<PlannedFile> changed = result.changedFiles();
    if (changed.isEmpty()) {
      return List.of();
    }
    AtomicWrite.write(lock.journalFile(), changed, WriteSteps.configured());
    return changed;
  }
}

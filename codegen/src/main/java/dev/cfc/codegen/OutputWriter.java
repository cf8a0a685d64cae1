package dev.cfc.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link CompileResult} all-or-nothing: every changed file goes to a temporary file
 * beside it first, and only when all of them are written are they moved into place (and files no
 * longer generated are deleted). A failure
 * before the moves leaves every old file as it was; a failure during them puts back the files
 * already moved. Two runs on one project serialise on {@link ProjectLock}.
 */
public final class OutputWriter {

  private OutputWriter() {}

  /**
   * Writes the changed files of a result that has no errors, taking the project's
   * {@link ProjectLock} for the write. Callers that plan and write in one go should hold the
   * lock across both and use {@link #write(ProjectLock, CompileResult)}.
   *
   * @return the files written
   * @throws IllegalStateException when the result has errors
   * @throws IOException when a file cannot be written; then nothing was changed
   */
  public static List<PlannedFile> write(Path projectDir, CompileResult result)
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
  public static List<PlannedFile> write(ProjectLock lock, CompileResult result)
      throws IOException {
    if (result.hasErrors()) {
      throw new IllegalStateException("a result with errors must not be written");
    }
    List<PlannedFile> changed = result.changedFiles();
    if (changed.isEmpty()) {
      return List.of();
    }
    verifyUnchanged(changed);
    writeAll(changed);
    return changed;
  }

  /** Another run may have written while this one was planning: refuse to overwrite it. */
  private static void verifyUnchanged(List<PlannedFile> files) throws IOException {
    for (PlannedFile file : files) {
      String now = Files.exists(file.path())
          ? Files.readString(file.path(), StandardCharsets.UTF_8) : null;
      boolean same = now == null ? file.before() == null : now.equals(file.before());
      if (!same) {
        throw new IOException(file.displayName()
            + " changed while cfc was running; run the command again");
      }
    }
  }

  private static void writeAll(List<PlannedFile> files) throws IOException {
    Map<PlannedFile, Path> temps = new LinkedHashMap<>();
    try {
      for (PlannedFile file : files) {
        if (file.after() == null) {
          continue;
        }
        Path dir = file.path().toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only, and the move would give
        // the user's wrangler.toml (or a new generated file) those permissions.
        Path temp = dir.resolve("." + file.path().getFileName() + "." + ProcessHandle.current()
            .pid() + "." + System.nanoTime() + ".cfc-tmp");
        temps.put(file, temp);
        Files.writeString(temp, file.after(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        keepPermissions(file.path(), temp);
      }
      List<PlannedFile> moved = new ArrayList<>();
      try {
        for (Map.Entry<PlannedFile, Path> entry : temps.entrySet()) {
          move(entry.getValue(), entry.getKey().path());
          moved.add(entry.getKey());
        }
        for (PlannedFile file : files) {
          if (file.after() == null) {
            Files.deleteIfExists(file.path());
            moved.add(file);
          }
        }
      } catch (IOException e) {
        restore(moved, e);
        throw e;
      }
    } finally {
      for (Path temp : temps.values()) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** An updated file keeps its permissions (an executable bit, a group's write access). */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    } catch (UnsupportedOperationException notPosix) {
      // Non-POSIX file systems carry no permission bits to keep.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void restore(List<PlannedFile> moved, IOException cause) {
    for (PlannedFile file : moved) {
      try {
        if (file.before() == null) {
          Files.deleteIfExists(file.path());
        } else {
          Files.writeString(file.path(), file.before(), StandardCharsets.UTF_8);
        }
      } catch (IOException again) {
        cause.addSuppressed(again);
      }
    }
  }
}

package dev.cfc.codegen;

import dev.cfc.codegen.internal.WriteJournal;
import dev.cfc.codegen.internal.WriteSteps;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The lock two cfc runs on one project take turns on ({@link ProjectState#lockFile}, {@code
 * .cfc/lock} for {@code cfc.toml}), held from planning to
 * writing so that the second run plans against what the first one wrote and finds nothing left
 * to do, instead of both planning against the same old files. It is an operating-system file
 * lock: it serialises processes (the CLI, a Maven build), and is released when the holder exits
 * for whatever reason.
 *
 * <p>Beside it lies the journal of a write in progress ({@link ProjectState#journalFile}). A run
 * that was killed while writing leaves it behind, and taking the lock rolls that write back
 * first, so whoever holds the lock sees the files as they were before the interrupted run.
 */
public final class ProjectLock implements AutoCloseable {

  private final ProjectState state;
  private final FileChannel channel;
  private final FileLock lock;

  private ProjectLock(ProjectState state, FileChannel channel, FileLock lock) {
    this.state = state;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Waits until no other process holds the lock of the project whose project file is
   * {@code cfc.toml} in {@code projectDir}, then takes it (see {@link #acquire(ProjectState)}).
   */
  public static ProjectLock acquire(Path projectDir) throws IOException {
    return acquire(ProjectState.ofDefault(projectDir.toAbsolutePath().normalize()));
  }

  /**
   * Waits until no other process holds the project's lock, then takes it and rolls back a write
   * that an earlier run left unfinished.
   *
   * @throws IOException when the lock cannot be taken, or an unfinished write cannot be rolled
   *     back (a file it replaced was changed since); then the lock is not held
   */
  public static ProjectLock acquire(ProjectState state) throws IOException {
    return acquire(state, message -> {});
  }

  /**
   * {@link #acquire(ProjectState)}; when it has to wait, it first tells {@code waiting} which
   * lock file and which process it waits for. The holder's process id is written into the lock
   * file for that message.
   */
  public static ProjectLock acquire(ProjectState state, Consumer<String> waiting)
      throws IOException {
    Path lockFile = state.lockFile();
    Files.createDirectories(lockFile.getParent());
    FileChannel channel = FileChannel.open(
        lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        waiting.accept("waiting for " + lockFile + ": another cfc run (" + holder(channel)
            + ") is changing this project");
        lock = channel.lock();
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      ProjectLock taken = new ProjectLock(state, channel, lock);
      try {
        WriteJournal.recover(state.journalFile(), WriteSteps.configured());
      } catch (IOException | RuntimeException e) {
        taken.close();
        throw e;
      }
      return taken;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Who holds the lock, as far as the lock file says. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer bytes = ByteBuffer.allocate(64);
      channel.read(bytes, 0);
      String text =
          new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip();
      return text.matches("pid [0-9]+") ? "process " + text.substring(4) : "a process";
    } catch (IOException e) {
      return "a process";
    }
  }

  /** The project directory this lock guards. */
  public Path projectDir() {
    return state.projectDir();
  }

  /** The journal of writes under this lock. */
  Path journalFile() {
    return state.journalFile();
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}

package dev.cfc.codegen;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock two cfc runs on one project take turns on ({@link ProjectState#lockFile}, {@code
 * .cfc/lock} for {@code cfc.toml}), held from planning to
 * writing so that the second run plans against what the first one wrote and finds nothing left
 * to do, instead of both planning against the same old files. It is an operating-system file
 * lock: it serialises processes (the CLI, a Maven build), and is released when the holder exits
 * for whatever reason.
 */
public final class ProjectLock implements AutoCloseable {

  private final Path projectDir;
  private final FileChannel channel;
  private final FileLock lock;

  private ProjectLock(Path projectDir, FileChannel channel, FileLock lock) {
    this.projectDir = projectDir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Waits until no other process holds the lock of the project whose project file is
   * {@code cfc.toml} in {@code projectDir}, then takes it.
   */
  public static ProjectLock acquire(Path projectDir) throws IOException {
    return acquire(ProjectState.ofDefault(projectDir.toAbsolutePath().normalize()));
  }

  /** Waits until no other process holds the project's lock, then takes it. */
  public static ProjectLock acquire(ProjectState state) throws IOException {
    Path dir = state.projectDir();
    Path lockFile = state.lockFile();
    Files.createDirectories(lockFile.getParent());
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    try {
      return new ProjectLock(dir, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The project directory this lock guards. */
  public Path projectDir() {
    return projectDir;
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

package dev.cfc.codegen;

import dev.cfc.codegen.internal.FileSystemChanges;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Where a {@link WatchSession} learns that files changed. {@link #fileSystem()} is the real one
 * (the operating system's file notifications); tests pass a scripted one, so that watch mode is
 * driven without waiting on the clock.
 */
public interface ChangeSource extends AutoCloseable {

  /**
   * From now on, reports changes to the entries of exactly these directories (not of their
   * subdirectories). A directory that does not exist (any more) is skipped.
   */
  void watch(Set<Path> directories) throws IOException;

  /**
   * Waits for changes.
   *
   * @param timeout how long to wait; null to wait until a change arrives or the source is closed
   * @return the absolute paths that changed (a directory itself when the system lost track of
   *     what changed in it); empty when nothing changed within {@code timeout}; null when the
   *     source is closed and will report nothing more
   */
  List<Path> poll(Duration timeout) throws InterruptedException;

  /** Stops watching; a {@link #poll} under way returns null. */
  @Override
  void close() throws IOException;

  /**
   * The operating system's notifications ({@link java.nio.file.WatchService}: inotify on Linux,
   * which reports each change as it happens).
   */
  static ChangeSource fileSystem() throws IOException {
    return new FileSystemChanges();
  }
}

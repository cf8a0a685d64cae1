package dev.cfc.codegen.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.cfc.codegen.ChangeSource;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@link ChangeSource#fileSystem()}: a {@link WatchService} on each watched directory. Editors
 * save in several steps (write a temporary file and rename it over the original, or truncate and
 * write); each step is an event, and the caller's debounce gathers them into one change.
 */
public final class FileSystemChanges implements ChangeSource {

  private final WatchService service;
  private final Map<Path, WatchKey> keys = new HashMap<>();

  public FileSystemChanges() throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
  }

  @Override
  public synchronized void watch(Set<Path> directories) throws IOException {
    for (Iterator<Map.Entry<Path, WatchKey>> it = keys.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Path, WatchKey> entry = it.next();
      // A directory deleted and made again is a new directory: its old key is invalid.
      if (!directories.contains(entry.getKey()) || !entry.getValue().isValid()) {
        entry.getValue().cancel();
        it.remove();
      }
    }
    for (Path directory : directories) {
      if (keys.containsKey(directory)) {
        continue;
      }
      try {
        keys.put(directory, directory.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
      } catch (NoSuchFileException | NotDirectoryException gone) {
        // Deleted since it was listed; its parent's events say when it comes back.
      } catch (ClosedWatchServiceException closed) {
        return;
      }
    }
  }

  @Override
  public List<Path> poll(Duration timeout) throws InterruptedException {
    List<Path> changed = new ArrayList<>();
    try {
      WatchKey key =
          timeout == null ? service.take() : service.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      while (key != null) {
        Path directory = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
          changed.add(
              event.kind() == OVERFLOW ? directory : directory.resolve((Path) event.context()));
        }
        key.reset();
        key = service.poll();
      }
    } catch (ClosedWatchServiceException closed) {
      return null;
    }
    return changed;
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}

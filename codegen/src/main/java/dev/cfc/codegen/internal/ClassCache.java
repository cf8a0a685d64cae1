package dev.cfc.codegen.internal;

import dev.cfc.codegen.CfcVersion;
import dev.cfc.codegen.ContainerSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Compiled definition classes on disk, one entry per {@link DefinitionSources#hash}: a
 * directory holding {@code classes/} and a {@code complete} marker written last, so that an entry
 * cut short by a crash is never read. Only the current entry and a few older ones are kept.
 */
public final class ClassCache {

  /** How many cache entries to keep besides the current one. */
  private static final int KEEP_OLD_ENTRIES = 2;

  private final Path root;
  private final Consumer<String> say;

  /**
   * @param root the directory holding the entries, created on the first store
   * @param say where to report a cache that could not be written
   */
  public ClassCache(Path root, Consumer<String> say) {
    this.root = root;
    this.say = say;
  }

  /** The entry for a hash, whether or not it exists. */
  public Path entry(String hash) {
    return root.resolve(hash);
  }

  /** Whether a complete entry holds the classes for a hash. */
  public boolean holds(String hash) {
    return Files.isRegularFile(entry(hash).resolve("complete"));
  }

  /** The classes of a complete entry, by binary name. */
  public Map<String, byte[]> read(String hash) throws IOException {
    Path classesDir = entry(hash).resolve("classes");
    Map<String, byte[]> classes = new TreeMap<>();
    for (String name : ContainerSets.classNamesIn(classesDir)) {
      classes.put(name, Files.readAllBytes(classesDir.resolve(name.replace('.', '/') + ".class")));
    }
    return classes;
  }

  /** Saves compiled classes for the next run; a cache that cannot be written is skipped. */
  public void store(String hash, Map<String, byte[]> classes) {
    Path entry = entry(hash);
    Path staging = null;
    try {
      staging = Files.createDirectories(root)
          .resolve(entry.getFileName() + ".tmp" + ProcessHandle.current().pid());
      for (Map.Entry<String, byte[]> entryClass : classes.entrySet()) {
        Path file =
            staging.resolve("classes").resolve(entryClass.getKey().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, entryClass.getValue());
      }
      Files.writeString(staging.resolve("complete"), CfcVersion.get() + "\n");
      try {
        Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        // A concurrent run cached the same sources first; its entry is identical.
        deleteTree(staging);
      }
      prune(entry.getFileName().toString());
    } catch (IOException e) {
      say.accept("compiled classes not cached (" + e + "); the next run compiles again");
      if (staging != null) {
        try {
          deleteTree(staging);
        } catch (IOException ignored) {
          // the half-written entry has no "complete" marker, so it is never used
        }
      }
    }
  }

  private void prune(String keep) throws IOException {
    List<Path> old;
    try (Stream<Path> list = Files.list(root)) {
      old = list.filter(p -> !p.getFileName().toString().equals(keep))
          .sorted(Comparator.comparing(ClassCache::modified).reversed())
          .toList();
    }
    for (int i = KEEP_OLD_ENTRIES; i < old.size(); i++) {
      deleteTree(old.get(i));
    }
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

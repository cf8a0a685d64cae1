package dev.cfc.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The state of a list of paths, one line per path: {@code absent}, {@code dir}, {@code other},
 * or {@code file <size> <crc32c> <fnv-1a 64>} of its content. A tree root adds a line for every
 * file of its kind beneath it, in name order. Two equal lists mean equal content, not merely equal timestamps; the
 * two checksums are there to notice accidental change, which is all a project's own files need.
 *
 * <p>This class runs on {@code cfc generate}'s fast path, before anything else is loaded, so it
 * uses only classes every JVM has already loaded at start-up.
 */
final class InputStates {

  /**
   * One path to observe; a tree also observes what is beneath it: every file, or with an
   * {@code extension} only the files whose names end with it.
   */
  record Root(Path path, boolean tree, String extension) {}

  /**
   * The state lines, and among the paths that exist the one last modified, by when that
   * modification is settled (see {@link #settledAt}).
   */
  record Observed(List<String> lines, long lastSettledAtMillis, Path lastModified) {}

  private final Path excluded;
  private final List<String> lines = new ArrayList<>();
  private final Set<Path> linkedDirectories = new HashSet<>();
  private long lastSettledAt = Long.MIN_VALUE;
  private Path lastModified;

  /** @param excluded a directory left out of every tree (cfc's own {@code .cfc}) */
  private InputStates(Path excluded) {
    this.excluded = excluded;
  }

  static Observed observe(List<Root> roots, Path excluded) throws IOException {
    InputStates states = new InputStates(excluded);
    for (Root root : roots) {
      states.add(root.path(), root, true);
    }
    return new Observed(List.copyOf(states.lines), states.lastSettledAt, states.lastModified);
  }

  /**
   * Adds the line of one path: a root always, a path in a tree when it is a file of the tree's
   * kind (a tree of any kind also lists its directories). Every directory's time counts, so a
   * file deleted while the run was under way is noticed.
   */
  private void add(Path path, Root root, boolean isRoot) throws IOException {
    String extension = root.extension();
    boolean listed = isRoot || extension == null;
    StringBuilder line = new StringBuilder(path.toString()).append('\t');
    if (Files.isDirectory(path)) {
      if (listed) {
        lines.add(line.append("dir").toString());
      }
      noteModified(path);
      // Links are followed, as a compile reading a generated file through one would; each
      // linked directory is walked once, so a link to an ancestor cannot loop.
      boolean walk =
          root.tree() && (!Files.isSymbolicLink(path) || linkedDirectories.add(path.toRealPath()));
      if (walk) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
          for (Path child : stream) {
            children.add(child);
          }
        }
        Collections.sort(children);
        for (Path child : children) {
          if (!child.equals(excluded)) {
            add(child, root, false);
          }
        }
      }
      return;
    }
    if (!listed && !path.getFileName().toString().endsWith(extension)) {
      return;
    }
    if (Files.isRegularFile(path)) {
      byte[] content;
      try {
        content = Files.readAllBytes(path);
      } catch (NoSuchFileException vanished) {
        lines.add(line.append("absent").toString());
        return;
      }
      CRC32C crc = new CRC32C();
      crc.update(content);
      lines.add(line.append("file ")
          .append(content.length)
          .append(' ')
          .append(Long.toHexString(crc.getValue()))
          .append(' ')
          .append(Long.toHexString(fnv1a64(content)))
          .toString());
      noteModified(path);
    } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      lines.add(line.append("other").toString());
    } else {
      lines.add(line.append("absent").toString());
    }
  }

  private void noteModified(Path path) throws IOException {
    long settledAt = settledAt(Files.getLastModifiedTime(path).toMillis());
    if (settledAt > lastSettledAt) {
      lastSettledAt = settledAt;
      lastModified = path;
    }
  }

  /**
   * The time after which a file whose modification time reads {@code modifiedMillis} cannot
   * have been modified again with a time that reads earlier. Linux file systems stamp times from
   * a clock that can lag the system clock by a scheduler tick (at most 10 ms), hence 50 ms;
   * file systems that keep whole seconds (FAT keeps even seconds) truncate a time by up to two
   * seconds, and their times are whole seconds.
   */
  static long settledAt(long modifiedMillis) {
    return modifiedMillis + (modifiedMillis % 1000 == 0 ? 2_000 : 50);
  }

  static long fnv1a64(byte[] content) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : content) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}

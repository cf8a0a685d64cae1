package dev.cfc.codegen.internal;

import dev.cfc.codegen.PlannedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a set of planned files all-or-nothing, and so that a process killed at any instant can
 * be rolled back by the next run:
 *
 * <ol>
 *   <li>each file is checked against the content it was planned from;
 *   <li>the {@link WriteJournal} (old contents, temporary files) is put in place;
 *   <li>every new content is written to a temporary file beside its target and forced to disk;
 *   <li>a marker says the moves begin (until then a rollback has no file to restore);
 *   <li>file by file, the target is checked once more, immediately before its move, and its
 *       temporary file moved over it (or the file deleted);
 *   <li>the journal is deleted: from here on the new set stands.
 * </ol>
 *
 * <p>A target that changed since it was planned (an editor saved it while cfc ran) stops the
 * write, and the files already moved are put back, so nothing is written. Symbolic links are
 * written through: the file a link points to gets the new content and the link stays a link; a
 * generated link that is no longer generated is removed, not the file it points to.
 */
public final class AtomicWrite {

  private static final int MAX_LINKS = 40;

  private AtomicWrite() {}

  /**
   * Writes the changed {@code files} while the caller holds the project lock whose journal is
   * {@code journalFile}.
   *
   * @throws IOException when a file cannot be written or changed while cfc ran; then nothing
   *     was changed
   */
  public static void write(Path journalFile, List<PlannedFile> files, WriteSteps steps)
      throws IOException {
    List<WriteJournal.Entry> entries = new ArrayList<>();
    Set<Path> directories = new LinkedHashSet<>();
    for (PlannedFile file : files) {
      WriteJournal.Entry entry = entry(file);
      if (!entry.isOld()) {
        throw changed(entry);
      }
      if (file.after() != null) {
        missingDirectories(entry.target().getParent(), directories);
      }
      entries.add(entry);
    }
    WriteJournal journal = new WriteJournal(entries, List.copyOf(directories));
    try {
      journal.save(journalFile, steps);
      for (Path dir : journal.directories()) {
        try {
          Files.createDirectory(dir);
        } catch (FileAlreadyExistsException race) {
          // Made by someone else since it was planned; a rollback removes it only when empty.
        }
      }
      steps.reached("directories", null);
      for (int i = 0; i < files.size(); i++) {
        String after = files.get(i).after();
        WriteJournal.Entry entry = entries.get(i);
        if (after != null) {
          WriteJournal.writeDurably(
              entry.temp(), after.getBytes(StandardCharsets.UTF_8), entry.mode());
          steps.reached("temp", entry.target());
        }
      }
      WriteJournal.markMoving(journalFile, steps);
      for (WriteJournal.Entry entry : entries) {
        steps.beforeMove(entry.target());
        if (!entry.isOld()) {
          throw changed(entry);
        }
        if (entry.afterSha256() == null) {
          Files.delete(entry.target());
        } else {
          WriteJournal.moveIntoPlace(entry.temp(), entry.target());
        }
        steps.reached("move", entry.target());
      }
      // The moves reach the disk before the journal that could undo them disappears.
      entries.stream()
          .map(entry -> entry.target().getParent())
          .distinct()
          .forEach(WriteJournal::forceDirectory);
      Files.delete(journalFile);
      Files.deleteIfExists(WriteJournal.movingOf(journalFile));
      WriteJournal.forceDirectory(journalFile.getParent());
      steps.reached("commit", journalFile);
    } catch (IOException | RuntimeException e) {
      try {
        // The files not moved yet are as they were, or hold the edit that stopped the write.
        journal.rollBack(journalFile, steps);
      } catch (IOException again) {
        HalfWrittenException halfWritten =
            new HalfWrittenException(e.getMessage() + ", and " + again.getMessage(), again);
        halfWritten.addSuppressed(e);
        throw halfWritten;
      }
      throw e;
    }
  }

  /**
   * A write failed and could not be undone either: the journal stays, and the files may be part
   * old, part new until the next run rolls them back (or names the file that stops it).
   */
  public static final class HalfWrittenException extends IOException {
    HalfWrittenException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static IOException changed(WriteJournal.Entry entry) {
    return new IOException(entry.shownName() + " changed while cfc ran; run the command again");
  }

  private static WriteJournal.Entry entry(PlannedFile file) throws IOException {
    Path planned = file.path().toAbsolutePath().normalize();
    String afterSha = file.after() == null
        ? null
        : WriteJournal.sha256(file.after().getBytes(StandardCharsets.UTF_8));
    if (file.after() == null && Files.isSymbolicLink(planned)) {
      return new WriteJournal.Entry(
          planned,
          file.displayName(),
          null,
          file.before(),
          Files.readSymbolicLink(planned).toString(),
          null,
          null);
    }
    Path target = endOfLinks(planned);
    Path temp = target.resolveSibling("." + target.getFileName() + ".cfc-tmp");
    return new WriteJournal.Entry(
        target, file.displayName(), temp, file.before(), null, afterSha, mode(target));
  }

  /** The file a chain of symbolic links ends at (which may not exist yet). */
  static Path endOfLinks(Path path) throws IOException {
    Path current = path;
    for (int hops = 0; Files.isSymbolicLink(current); hops++) {
      if (hops == MAX_LINKS) {
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
      }
      current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
    }
    return current;
  }

  private static String mode(Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
    } catch (UnsupportedOperationException notPosix) {
      return null;
    }
  }

  private static void missingDirectories(Path dir, Set<Path> directories) {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    directories.addAll(missing);
  }
}

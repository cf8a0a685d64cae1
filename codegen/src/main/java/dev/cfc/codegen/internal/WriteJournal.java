package dev.cfc.codegen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The journal of one all-or-nothing write ({@code .cfc/journal}, beside the project lock): every
 * file the write changes with its old content, the temporary file its new content waits in, and
 * a hash of the new content. It is in place before the first temporary file is written and
 * removed once the last file has moved, so while it exists the project may hold a mix of old and
 * new files; {@link #recover} then rolls every file back to its old content. Each file is
 * recognised by its content (old, or new by hash), so rolling back twice, or after a crash during
 * a rollback, is harmless. A file that is neither was changed by someone else: kept when cfc
 * never replaced it; when cfc had, nothing is rolled back, because the journal no longer knows
 * which version to keep. Whether cfc had is told by the {@linkplain #movingOf moving marker},
 * made once every temporary file is written and before the first file moves: without it no file
 * was replaced, so an edit made after a crash in the first steps never stops the next run.
 *
 * @param entries the files, in the order they are moved
 * @param directories the directories the write creates, parents first
 */
public record WriteJournal(List<Entry> entries, List<Path> directories) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  public WriteJournal {
    entries = List.copyOf(entries);
    directories = List.copyOf(directories);
  }

  /**
   * One file of the write.
   *
   * @param target the file that is replaced, created or deleted: the end of the symbolic links
   *     of the planned path, or for a deleted link the link itself
   * @param shownName the planned path as printed, relative to the project
   * @param temp where the new content waits; null when the file is deleted
   * @param before the old content, or null when the file did not exist
   * @param link for a deleted symbolic link, what it pointed to; otherwise null
   * @param afterSha256 hash of the new content, or null when the file is deleted
   * @param mode the old file's POSIX permissions ({@code rw-r--r--}), or null
   */
  public record Entry(
      Path target,
      String shownName,
      Path temp,
      String before,
      String link,
      String afterSha256,
      String mode) {

    /** Whether the file is as it was before the write. */
    boolean isOld() throws IOException {
      if (link != null) {
        return Files.isSymbolicLink(target)
            && Files.readSymbolicLink(target).toString().equals(link);
      }
      byte[] now = read(target);
      return before == null
          ? now == null
          : now != null && Arrays.equals(now, before.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the file holds what the write put there. */
    boolean isNew() throws IOException {
      if (afterSha256 == null) {
        return !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
      }
      byte[] now = read(target);
      return now != null && sha256(now).equals(afterSha256);
    }
  }

  /** The draft a journal is written to before it is moved into place in one step. */
  public static Path draftOf(Path journalFile) {
    return journalFile.resolveSibling(journalFile.getFileName() + ".draft");
  }

  /**
   * The marker that the write has begun to move files into place; it exists only while the
   * journal does.
   */
  public static Path movingOf(Path journalFile) {
    return journalFile.resolveSibling(journalFile.getFileName() + ".moving");
  }

  /** Marks that every temporary file is written and the moves begin. */
  static void markMoving(Path journalFile, WriteSteps steps) throws IOException {
    Files.write(movingOf(journalFile), new byte[0]);
    forceDirectory(journalFile.getParent());
    steps.reached("moving", journalFile);
  }

  /**
   * Finishes an interrupted write, if {@code journalFile} records one: rolls every file back to
   * its old content, deletes the temporary files and directories the write created, then the
   * journal. Call it holding the project lock.
   *
   * @return whether there was an interrupted write
   * @throws IOException when a file cannot be restored, or was changed since the interruption;
   *     then nothing is changed and the journal stays
   */
  public static boolean recover(Path journalFile, WriteSteps steps) throws IOException {
    // A draft never got into place: no temporary file or directory was made after it.
    Files.deleteIfExists(draftOf(journalFile));
    if (!Files.exists(journalFile)) {
      Files.deleteIfExists(movingOf(journalFile));
      return false;
    }
    WriteJournal journal;
    try {
      journal = parse(Files.readString(journalFile, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "cannot read " + journalFile + ", the record of an interrupted cfc"
              + " run: " + e.getMessage() + "; check the generated files and the wrangler config"
              + " (git status), then delete it",
          e);
    }
    journal.rollBack(journalFile, steps);
    return true;
  }

  /**
   * Puts every file back to its old content, then removes the temporary files, the created
   * directories that are empty and the journal. A file that holds neither its old nor its new
   * content is someone else's: left alone when this write never replaced it (no file had moved
   * yet, its temporary file is still there, or it was to be deleted); otherwise cfc cannot tell
   * which version to keep.
   *
   * @throws IOException when a file the write replaced was changed since, or a file cannot be
   *     restored; the journal then stays for the next run
   */
  void rollBack(Path journalFile, WriteSteps steps) throws IOException {
    List<Entry> restore = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    // A file holding its new content has moved even if the marker was lost (a power loss can
    // keep a later rename and lose an earlier one in another directory).
    boolean moving = Files.exists(movingOf(journalFile));
    for (Entry entry : entries) {
      moving = moving || (entry.afterSha256() != null && !entry.isOld() && entry.isNew());
    }
    for (Entry entry : entries) {
      if (!moving || entry.isOld()) {
        continue;
      }
      if (entry.isNew()) {
        restore.add(entry);
      } else if (entry.afterSha256() != null && !Files.exists(entry.temp())) {
        changed.add(entry.shownName());
      }
    }
    if (!changed.isEmpty()) {
      throw new IOException("cfc cannot undo its interrupted write: " + String.join(", ", changed)
          + (changed.size() == 1 ? " was" : " were") + " changed after cfc replaced "
          + (changed.size() == 1 ? "it" : "them") + ", so cfc cannot tell which version to keep;"
          + " check " + (changed.size() == 1 ? "it" : "them") + ", then delete " + journalFile
          + " and run again (with --adopt if cfc then reports its own entries as hand-written)");
    }
    for (Entry entry : restore) {
      restore(entry);
      steps.reached("restore", entry.target());
    }
    for (Entry entry : entries) {
      if (entry.temp() != null) {
        Files.deleteIfExists(entry.temp());
      }
    }
    for (int i = directories.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(directories.get(i));
      } catch (DirectoryNotEmptyException keep) {
        // Someone put a file there since; the directory is theirs now.
      }
    }
    Files.deleteIfExists(journalFile);
    Files.deleteIfExists(draftOf(journalFile));
    Files.deleteIfExists(movingOf(journalFile));
  }

  private static void restore(Entry entry) throws IOException {
    if (entry.link() != null) {
      Files.createSymbolicLink(entry.target(), Path.of(entry.link()));
    } else if (entry.before() == null) {
      Files.deleteIfExists(entry.target());
    } else {
      // Through a temporary file, as a write: a crash here leaves the new or the old version.
      writeDurably(entry.temp(), entry.before().getBytes(StandardCharsets.UTF_8), entry.mode());
      moveIntoPlace(entry.temp(), entry.target());
    }
  }

  /** Writes {@code bytes} to {@code file}, replacing it, and forces them to the disk. */
  static void writeDurably(Path file, byte[] bytes, String mode) throws IOException {
    try (FileChannel channel = FileChannel.open(
        file,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    if (mode != null) {
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      } catch (UnsupportedOperationException notPosix) {
        // Non-POSIX file systems carry no permission bits to keep.
      }
    }
  }

  /**
   * Forces a directory's entries (the renames and deletions in it) to the disk, so that after a
   * power loss the journal and the files it names agree. File systems that cannot open a
   * directory (Windows) keep their entries durable by other means, so failing to is not an error.
   */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // Nothing more can be done for durability here; the write itself has succeeded.
    }
  }

  /** Replaces {@code to} by {@code from} in one step where the file system can. */
  static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A file's bytes, or null when it does not exist. */
  static byte[] read(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Writes the journal to its draft, forces it to the disk, then moves it into place. */
  void save(Path journalFile, WriteSteps steps) throws IOException {
    Files.createDirectories(journalFile.getParent());
    Path draft = draftOf(journalFile);
    writeDurably(draft, render().getBytes(StandardCharsets.UTF_8), null);
    steps.reached("journal-draft", journalFile);
    moveIntoPlace(draft, journalFile);
    forceDirectory(journalFile.getParent());
    steps.reached("journal", journalFile);
  }

  String render() {
    ObjectNode root = JSON.createObjectNode();
    root.put("cfc-write-journal", VERSION);
    ArrayNode files = root.putArray("files");
    for (Entry entry : entries) {
      ObjectNode node = files.addObject();
      node.put("target", entry.target().toString());
      node.put("shown", entry.shownName());
      node.put("temp", entry.temp() == null ? null : entry.temp().toString());
      node.put("before", entry.before());
      node.put("link", entry.link());
      node.put("after-sha256", entry.afterSha256());
      node.put("mode", entry.mode());
    }
    ArrayNode dirs = root.putArray("directories");
    for (Path dir : directories) {
      dirs.add(dir.toString());
    }
    return root.toString();
  }

  static WriteJournal parse(String text) throws IOException {
    JsonNode root = JSON.readTree(text);
    if (root == null || root.path("cfc-write-journal").asInt() != VERSION) {
      throw new IOException("not a cfc write journal of version " + VERSION);
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : root.path("files")) {
      entries.add(new Entry(
          Path.of(node.get("target").asText()),
          node.get("shown").asText(),
          path(node.get("temp")),
          text(node.get("before")),
          text(node.get("link")),
          text(node.get("after-sha256")),
          text(node.get("mode"))));
    }
    List<Path> directories = new ArrayList<>();
    for (JsonNode node : root.path("directories")) {
      directories.add(Path.of(node.asText()));
    }
    return new WriteJournal(entries, directories);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static Path path(JsonNode node) {
    String text = text(node);
    return text == null ? null : Path.of(text);
  }
}

package dev.cfc.codegen.internal;

import dev.cfc.codegen.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the text files a user hands cfc ({@code cfc.toml}, the wrangler config) within limits,
 * and tells the two kinds of failure apart: a problem with the input itself (not a regular file,
 * too large, too deeply nested, not UTF-8), which the user fixes and which exits 1, and the
 * operating system failing to read a file that is fine (permission denied, an I/O error), which
 * exits 4 with the system's reason ({@link #IO_FAILURE}).
 */
public final class InputFiles {

  /** The largest config cfc reads: real ones are a few KiB; this answers a mistake at once. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  /**
   * How deeply arrays and tables may nest in a config. Real configs nest a few levels; the
   * limit keeps the parsers' recursion far from the end of the stack, for TOML as for JSON.
   */
  public static final int MAX_NESTING = 100;

  /** Not a regular file: a directory, a FIFO or device, a dangling or looping symbolic link. */
  public static final String NOT_A_FILE = "CFC120";
  /** Larger than {@link #MAX_BYTES}. */
  public static final String TOO_LARGE = "CFC121";
  /** Nested deeper than {@link #MAX_NESTING}. */
  public static final String TOO_DEEP = "CFC122";
  /** Not UTF-8 text. */
  public static final String NOT_UTF8 = "CFC123";
  /** The operating system could not read the file; its reason is in the message. */
  public static final String IO_FAILURE = "CFC124";

  /** The longest chain of symbolic links followed before calling it a loop, as Linux does. */
  private static final int MAX_LINKS = 40;

  private InputFiles() {}

  /**
   * A file's text, or why there is none.
   *
   * @param text the decoded text, or null
   * @param problem the error when {@code text} is null
   */
  public record Read(String text, Diagnostic problem) {}

  /**
   * Whether nothing at all is at {@code path}, not even a dangling symbolic link: the case the
   * callers report with their own "missing file" error.
   */
  public static boolean absent(Path path) {
    return !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Reads a UTF-8 text file of at most {@link #MAX_BYTES}.
   *
   * @param path the file
   * @param shown its name as printed in diagnostics
   */
  public static Read read(Path path, String shown) {
    String notAFile = notAFile(path);
    if (notAFile != null) {
      return problem(
          NOT_A_FILE,
          Diagnostic.Location.of(shown),
          shown + " " + notAFile,
          "point cfc at the regular file it should read");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    } catch (IOException e) {
      return problem(
          IO_FAILURE,
          Diagnostic.Location.of(shown),
          "cannot read " + shown + ": " + reason(e),
          "the file is fine; the system could not read it: check its permissions and the disk");
    }
    if (bytes.length > MAX_BYTES) {
      return problem(
          TOO_LARGE,
          Diagnostic.Location.of(shown),
          shown + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, the most cfc reads",
          "a wrangler config or cfc.toml is a few KiB; check that " + shown
              + " is the file you meant");
    }
    return decode(bytes, shown);
  }

  /** What the operating system said, without the path Java repeats in front of it. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * The error for nesting deeper than {@link #MAX_NESTING}, located at the bracket or brace
   * that went one level too deep.
   */
  public static Diagnostic tooDeep(String shown, int line, int column) {
    return Diagnostic.error(
        TOO_DEEP,
        new Diagnostic.Location(shown, line, column),
        "arrays and tables nest more than " + MAX_NESTING + " levels deep here",
        "flatten the value; cfc reads configs nested at most " + MAX_NESTING + " levels");
  }

  /**
   * Where a TOML text first nests arrays and inline tables deeper than {@link #MAX_NESTING},
   * as the error to report, or null. tomlj parses nesting by recursion, and a deep enough value
   * overflows the stack before it can report anything, so this runs first.
   */
  public static Diagnostic tomlTooDeep(String text, String shown) {
    int depth = 0;
    int line = 1;
    int lineStart = 0;
    boolean startOfLine = true;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        startOfLine = true;
        i++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      boolean header = startOfLine && depth == 0 && c == '[';
      startOfLine = false;
      if (c == '#' || header) {
        // A comment, or a [table] header, whose brackets are not nesting: skip to the line end
        // (a header's quoted keys cannot hold a newline).
        while (i < text.length() && text.charAt(i) != '\n') {
          i = c == '#' ? i + 1 : skipTomlString(text, i);
        }
      } else if (c == '"' || c == '\'') {
        int end = skipTomlString(text, i);
        for (int k = i; k < end; k++) {
          if (text.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        i = end;
      } else {
        if (c == '[' || c == '{') {
          depth++;
          if (depth > MAX_NESTING) {
            return tooDeep(shown, line, i - lineStart + 1);
          }
        } else if ((c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        i++;
      }
    }
    return null;
  }

  /**
   * Where a JSONC text first nests arrays and objects deeper than {@link #MAX_NESTING}, as the
   * error to report, or null. Jackson stops there too, but without saying where.
   */
  public static Diagnostic jsonTooDeep(String text, String shown) {
    int depth = 0;
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int next = i + 1;
      if (c == '"') {
        next = i + 1;
        while (next < text.length() && text.charAt(next) != '"' && text.charAt(next) != '\n') {
          next += text.charAt(next) == '\\' ? 2 : 1;
        }
        next = Math.min(text.length(), next + 1);
      } else if (text.startsWith("//", i)) {
        next = text.indexOf('\n', i);
        next = next < 0 ? text.length() : next;
      } else if (text.startsWith("/*", i)) {
        next = text.indexOf("*/", i + 2);
        next = next < 0 ? text.length() : next + 2;
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_NESTING) {
          return tooDeep(shown, line, i - lineStart + 1);
        }
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      }
      for (int k = i; k < next && k < text.length(); k++) {
        if (text.charAt(k) == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      i = next;
    }
    return null;
  }

  /** Just past the TOML string starting at {@code from}, or one character on for other text. */
  private static int skipTomlString(String text, int from) {
    char quote = text.charAt(from);
    if (quote != '"' && quote != '\'') {
      return from + 1;
    }
    String triple = String.valueOf(quote).repeat(3);
    boolean multiLine = text.startsWith(triple, from);
    int i = from + (multiLine ? 3 : 1);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && quote == '"') {
        i += 2;
      } else if (multiLine && text.startsWith(triple, i)) {
        return i + 3;
      } else if (!multiLine && (c == quote || c == '\n')) {
        return c == quote ? i + 1 : i;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static Read problem(String code, Diagnostic.Location at, String message, String hint) {
    return new Read(null, Diagnostic.error(code, at, message, hint));
  }

  /** Why {@code path} is not a regular file to read, or null when it is one. */
  private static String notAFile(Path path) {
    Path at = path;
    Set<Path> seen = new HashSet<>();
    try {
      while (Files.isSymbolicLink(at)) {
        if (!seen.add(at) || seen.size() > MAX_LINKS) {
          return "is a symbolic link that loops back to itself (it points to "
              + Files.readSymbolicLink(path) + ")";
        }
        Path target = Files.readSymbolicLink(at);
        at = at.resolveSibling(target).normalize();
        if (absent(at)) {
          return "is a symbolic link to " + target + ", which does not exist";
        }
      }
      BasicFileAttributes attributes =
          Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isRegularFile()) {
        return null;
      }
      return attributes.isDirectory()
          ? "is a directory, not a file"
          : "is " + special(at) + ", not a regular file";
    } catch (IOException e) {
      // Whatever stops cfc from looking is reported when it tries to read.
      return null;
    }
  }

  /** A FIFO, socket or device, as its mode bits say where the file system has them. */
  private static String special(Path path) {
    try {
      int type =
          ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0140000 -> "a socket";
        case 0020000, 0060000 -> "a device";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  /** Strict UTF-8, with the line and column of the first byte that is not. */
  private static Read decode(byte[] bytes, String shown) {
    CharsetDecoder decoder = StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (!result.isError()) {
      return new Read(out.toString(), null);
    }
    String before = out.toString();
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
    return problem(
        NOT_UTF8,
        new Diagnostic.Location(shown, line, column),
        String.format(
            Locale.ROOT,
            "%s is not UTF-8 text: byte 0x%02X here is not valid UTF-8",
            shown,
            bytes[in.position()] & 0xFF),
        "save the file as UTF-8");
  }
}

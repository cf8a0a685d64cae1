package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexical positions in a JSONC text that Jackson has already accepted: where tokens end, where the
 * whitespace and comments between them end, and line boundaries. Nothing here decides validity or
 * decodes values; it only finds spans so edits land at the right offsets.
 */
final class JsoncText {

  private final String text;
  private final int[] lineStarts;

  JsoncText(String text) {
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  /** 1-based line of an offset. */
  int lineOf(int offset) {
    int i = java.util.Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column of an offset. */
  int columnOf(int offset) {
    return offset - lineStart(offset) + 1;
  }

  /** Offset of the first character of the line containing {@code offset}. */
  int lineStart(int offset) {
    return lineStarts[lineOf(offset) - 1];
  }

  /** The spaces and tabs that start the line containing {@code offset}. */
  String indentOf(int offset) {
    int s = lineStart(offset);
    int i = s;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return text.substring(s, i);
  }

  /** Whether only spaces and tabs precede {@code offset} on its line. */
  boolean firstOnLine(int offset) {
    for (int i = lineStart(offset); i < offset; i++) {
      if (!isBlank(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether only spaces, tabs and block comments precede {@code offset} on its line. */
  boolean firstTokenOnLine(int offset) {
    int i = lineStart(offset);
    while (i < offset) {
      char c = text.charAt(i);
      if (isBlank(c)) {
        i++;
      } else if (text.startsWith("/*", i) && blockCommentEnd(i) <= offset) {
        i = blockCommentEnd(i);
      } else {
        return false;
      }
    }
    return true;
  }

  /** Whether two offsets are on the same line. */
  boolean sameLine(int a, int b) {
    return lineOf(a) == lineOf(b);
  }

  /** Offset just past the string literal whose opening quote is at {@code from}. */
  int stringEnd(int from) {
    int i = from + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '"') {
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  /** Offset just past a number, {@code true}, {@code false} or {@code null} starting at from. */
  int scalarEnd(int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /** The first offset at or after {@code from} that is not whitespace or a comment. */
  int skipTrivia(int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (text.startsWith("//", i)) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length() : nl + 1;
      } else if (text.startsWith("/*", i)) {
        i = blockCommentEnd(i);
      } else {
        return i;
      }
    }
    return i;
  }

  /** The offset of the comma that follows the value ending at {@code end}, or -1. */
  int commaAfter(int end) {
    int j = skipTrivia(end);
    return j < text.length() && text.charAt(j) == ',' ? j : -1;
  }

  /**
   * From {@code from}, skips spaces, tabs and comments on the same line; returns the offset just
   * past the line's newline (or the end of text), or -1 when another token follows on this line.
   */
  int restOfLine(int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isBlank(c)) {
        i++;
      } else if (text.startsWith("//", i)) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? text.length() : nl + 1;
      } else if (text.startsWith("/*", i)) {
        i = blockCommentEnd(i);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        return i + 2;
      } else if (c == '\n') {
        return i + 1;
      } else {
        return -1;
      }
    }
    return text.length();
  }

  /** Offset past the spaces and tabs at {@code from}. */
  int skipBlanks(int from) {
    int i = from;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Whether the line starting at {@code lineStart} holds only whitespace. */
  boolean blankLine(int lineStart) {
    int nl = text.indexOf('\n', lineStart);
    return text.substring(lineStart, nl < 0 ? text.length() : nl).isBlank();
  }

  /** Whether the line starting at {@code lineStart} holds only one comment (line or block). */
  boolean commentLine(int lineStart) {
    int nl = text.indexOf('\n', lineStart);
    String line = text.substring(lineStart, nl < 0 ? text.length() : nl).strip();
    if (line.startsWith("//")) {
      return true;
    }
    return line.startsWith("/*") && line.endsWith("*/") && line.indexOf("*/") == line.length() - 2;
  }

  /** Offset just past the block comment starting at {@code from}. */
  private int blockCommentEnd(int from) {
    int end = text.indexOf("*/", from + 2);
    return end < 0 ? text.length() : end + 2;
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}

package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;

/**
 * Where things are in a TOML text: table headers and key/value lines with their byte spans.
 *
 * <p>tomlj validates the file and gives the values; it does not give spans, so this scanner finds
 * them. It runs only on text tomlj accepted, and only needs to know where strings, arrays, inline
 * tables and comments start and end — key names are decoded by {@link Toml#parseDottedKey}, and
 * nothing here escapes or interprets values.
 */
final class TomlLayout {

  /**
   * A {@code [table]} or {@code [[array.of.tables]]} header line.
   *
   * @param arrayTable whether it is {@code [[...]]}
   * @param path the decoded key path
   * @param lineStart offset of the line's first character
   * @param lineEnd offset just past the line's newline (or the end of text)
   * @param line 1-based line number
   * @param column 1-based column of the opening bracket
   */
  record Header(
      boolean arrayTable, List<String> path, int lineStart, int lineEnd, int line, int column) {}

  /**
   * A {@code key = value} line (the value may span lines).
   *
   * @param header index of the header it follows, or -1 at the top
   * @param fullPath the table path plus the key path
   * @param key the key path as written (dotted keys give several segments)
   * @param lineStart offset of the line's first character
   * @param keyStart offset of the key
   * @param keyEnd offset just past the key
   * @param valueStart offset of the value
   * @param valueEnd offset just past the value
   * @param lineEnd offset just past the newline after the value and any comment
   * @param line 1-based line of the key
   * @param column 1-based column of the key
   */
  record KeyValue(
      int header,
      List<String> fullPath,
      List<String> key,
      int lineStart,
      int keyStart,
      int keyEnd,
      int valueStart,
      int valueEnd,
      int lineEnd,
      int line,
      int column) {

    String indent(String text) {
      return text.substring(lineStart, keyStart);
    }

    /** The text between the key and the value, e.g. {@code " = "}. */
    String separator(String text) {
      return text.substring(keyEnd, valueStart);
    }
  }

  /**
   * A {@code key = value} pair inside an inline table.
   *
   * @param key the key path as written
   * @param keyStart offset of the key
   * @param valueStart offset of the value
   * @param valueEnd offset just past the value
   */
  record InlinePair(List<String> key, int keyStart, int valueStart, int valueEnd) {}

  /** A value's span: {@code start} inclusive, {@code end} exclusive. */
  record Span(int start, int end) {}

  private static final java.util.regex.Pattern BARE_DOTTED =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(?:[ \t]*\\.[ \t]*[A-Za-z0-9_-]+)*");

  private final String text;
  private final List<Header> headers = new ArrayList<>();
  private final List<KeyValue> keyValues = new ArrayList<>();
  private final List<Integer> commentLineStarts = new ArrayList<>();
  private final List<Integer> lineStarts = new ArrayList<>();

  private TomlLayout(String text) {
    this.text = text;
  }

  /** Scans text that tomlj parsed without errors. */
  static TomlLayout scan(String text) {
    TomlLayout layout = new TomlLayout(text);
    layout.indexLines();
    layout.scanAll();
    return layout;
  }

  List<Header> headers() {
    return headers;
  }

  List<KeyValue> keyValues() {
    return keyValues;
  }

  /**
   * The key/value lines under headers {@code firstHeader..lastHeader}, in order. Key lines are
   * recorded in text order, so their header indexes never decrease and a binary search finds the
   * range; an element's lookup stays proportional to its own lines, not to the whole file.
   */
  List<KeyValue> keyValuesUnder(int firstHeader, int lastHeader) {
    return keyValues.subList(
        firstKeyValueAtOrAfter(firstHeader), firstKeyValueAtOrAfter(lastHeader + 1));
  }

  private int firstKeyValueAtOrAfter(int header) {
    int low = 0;
    int high = keyValues.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (keyValues.get(mid).header() < header) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  String text() {
    return text;
  }

  /** Whether a comment-only line starts at this offset. */
  boolean isCommentLine(int lineStart) {
    return java.util.Collections.binarySearch(commentLineStarts, lineStart) >= 0;
  }

  /** The offset where the line containing {@code offset} starts. */
  int lineStartOf(int offset) {
    int i = java.util.Collections.binarySearch(lineStarts, offset);
    return i >= 0 ? lineStarts.get(i) : lineStarts.get(-i - 2);
  }

  /** 1-based line number of an offset. */
  int lineOf(int offset) {
    int i = java.util.Collections.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  private void indexLines() {
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
  }

  private void scanAll() {
    int n = text.length();
    int i = 0;
    List<String> table = List.of();
    while (i < n) {
      int lineStart = i;
      int j = skipBlanks(i);
      if (j >= n) {
        break;
      }
      char c = text.charAt(j);
      if (c == '\n' || c == '\r') {
        i = endOfLine(j);
        continue;
      }
      if (c == '#') {
        commentLineStarts.add(lineStart);
        i = endOfLine(j);
        continue;
      }
      if (c == '[') {
        boolean array = j + 1 < n && text.charAt(j + 1) == '[';
        int keyStart = j + (array ? 2 : 1);
        int keyEnd = scanKey(keyStart, ']');
        List<String> path = key(text.substring(keyStart, keyEnd));
        int close = keyEnd + (array ? 2 : 1);
        int end = endOfLine(close);
        headers.add(
            new Header(array, List.copyOf(path), lineStart, end, lineOf(j), j - lineStart + 1));
        table = path;
        i = end;
        continue;
      }
      int keyEnd = scanKey(j, '=');
      List<String> key = key(text.substring(j, keyEnd));
      int eq = text.indexOf('=', keyEnd);
      int valueStart = skipBlanks(eq + 1);
      int valueEnd = scanValue(valueStart);
      int end = endOfLine(valueEnd);
      List<String> full = new ArrayList<>(table);
      full.addAll(key);
      int trimmedKeyEnd = keyEnd;
      while (trimmedKeyEnd > j && isBlank(text.charAt(trimmedKeyEnd - 1))) {
        trimmedKeyEnd--;
      }
      keyValues.add(new KeyValue(
          headers.size() - 1,
          List.copyOf(full),
          List.copyOf(key),
          lineStart,
          j,
          trimmedKeyEnd,
          valueStart,
          valueEnd,
          end,
          lineOf(j),
          j - lineStart + 1));
      i = end;
    }
  }

  /** The elements of the array value whose {@code [} is at {@code open}, in order. */
  List<Span> arrayElements(int open) {
    List<Span> elements = new ArrayList<>();
    int i = open + 1;
    while (true) {
      i = skipInsignificant(i);
      if (i >= text.length() || text.charAt(i) == ']') {
        return elements;
      }
      if (text.charAt(i) == ',') {
        i++;
        continue;
      }
      int end = scanValue(i);
      elements.add(new Span(i, end));
      i = end;
    }
  }

  /** The pairs of the inline table whose opening brace is at {@code open}, in order. */
  List<InlinePair> inlinePairs(int open) {
    List<InlinePair> pairs = new ArrayList<>();
    int i = open + 1;
    while (true) {
      i = skipBlanks(i);
      if (i >= text.length() || text.charAt(i) == '}') {
        return pairs;
      }
      if (text.charAt(i) == ',') {
        i++;
        continue;
      }
      int keyEnd = scanKey(i, '=');
      int valueStart = skipBlanks(keyEnd + 1);
      int valueEnd = scanValue(valueStart);
      pairs.add(
          new InlinePair(List.copyOf(key(text.substring(i, keyEnd))), i, valueStart, valueEnd));
      i = valueEnd;
    }
  }

  /** The first offset at or after {@code from} that is not blank, a line break or a comment. */
  int skipInsignificant(int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        i = endOfLine(i);
      } else if (isBlank(c) || c == '\r' || c == '\n') {
        i++;
      } else {
        return i;
      }
    }
    return i;
  }

  /** Offset just past the newline ending the line that contains {@code offset}. */
  int lineEndOf(int offset) {
    return endOfLine(offset);
  }

  /** Decodes a dotted key: bare segments directly, anything quoted by tomlj. */
  private static List<String> key(String raw) {
    String k = raw.strip();
    if (BARE_DOTTED.matcher(k).matches()) {
      List<String> out = new ArrayList<>();
      for (String segment : k.split("\\.")) {
        out.add(segment.strip());
      }
      return out;
    }
    return Toml.parseDottedKey(k);
  }

  /** Scans a (dotted, possibly quoted) key up to the terminator, returning its end offset. */
  private int scanKey(int from, char terminator) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = scanString(i);
        continue;
      }
      if (c == terminator) {
        return i;
      }
      i++;
    }
    return i;
  }

  /** Offset just past the value starting at {@code from}. */
  private int scanValue(int from) {
    int n = text.length();
    if (from >= n) {
      return from;
    }
    char c = text.charAt(from);
    if (c == '"' || c == '\'') {
      return scanString(from);
    }
    if (c == '[' || c == '{') {
      int depth = 0;
      int i = from;
      while (i < n) {
        char ch = text.charAt(i);
        if (ch == '"' || ch == '\'') {
          i = scanString(i);
          continue;
        }
        if (ch == '#') {
          i = endOfLine(i);
          continue;
        }
        if (ch == '[' || ch == '{') {
          depth++;
        } else if (ch == ']' || ch == '}') {
          depth--;
          if (depth == 0) {
            return i + 1;
          }
        }
        i++;
      }
      return n;
    }
    int i = from;
    while (i < n && !isDelimiter(text.charAt(i))) {
      i++;
    }
    // A date and a time may be separated by one space: 1979-05-27 07:32:00Z.
    if (i + 3 < n
        && text.charAt(i) == ' '
        && i - from == 10
        && text.charAt(from + 4) == '-'
        && Character.isDigit(text.charAt(i + 1))
        && Character.isDigit(text.charAt(i + 2))
        && text.charAt(i + 3) == ':') {
      i++;
      while (i < n && !isDelimiter(text.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '#' || c == ',' || c == ']'
        || c == '}';
  }

  /** Offset just past the string (any of the four kinds) starting at {@code from}. */
  private int scanString(int from) {
    int n = text.length();
    char q = text.charAt(from);
    boolean basic = q == '"';
    boolean multi = text.startsWith(basic ? "\"\"\"" : "'''", from);
    int i = from + (multi ? 3 : 1);
    while (i < n) {
      char c = text.charAt(i);
      if (basic && c == '\\') {
        i += 2;
        continue;
      }
      if (c == q) {
        if (!multi) {
          return i + 1;
        }
        if (text.startsWith(multi ? String.valueOf(q).repeat(3) : "", i)) {
          int end = i + 3;
          // Up to two quotes may end the content right before the closing delimiter.
          while (end < n && text.charAt(end) == q && end - i < 5) {
            end++;
          }
          return end;
        }
      }
      i++;
    }
    return n;
  }

  private int skipBlanks(int from) {
    int i = from;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** Offset just past the newline ending the line that contains {@code from}. */
  private int endOfLine(int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl + 1;
  }
}

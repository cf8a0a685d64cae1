package dev.cfc.codegen.internal.wrangler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tomlj.Toml;

/**
 * How a TOML file writes things — line ending, quote style, {@code key = value} spacing — and
 * how new values are written in that style. Strings are escaped by {@link Toml#tomlEscape} and
 * keys quoted by {@link Toml#joinKeyPath}; nothing here escapes by hand.
 */
final class TomlStyle {

  private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private final String eol;
  private final boolean singleQuotes;
  private final String separator;

  private TomlStyle(String eol, boolean singleQuotes, String separator) {
    this.eol = eol;
    this.singleQuotes = singleQuotes;
    this.separator = separator;
  }

  /** Reads the style of a scanned file. */
  static TomlStyle of(TomlLayout layout) {
    String text = layout.text();
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    int single = 0;
    int dbl = 0;
    Map<String, Integer> separators = new HashMap<>();
    for (TomlLayout.KeyValue kv : layout.keyValues()) {
      char c = kv.valueStart() < text.length() ? text.charAt(kv.valueStart()) : ' ';
      if (c == '\'' && !text.startsWith("'''", kv.valueStart())) {
        single++;
      } else if (c == '"' && !text.startsWith("\"\"\"", kv.valueStart())) {
        dbl++;
      }
      separators.merge(kv.separator(text), 1, Integer::sum);
    }
    String sep = separators.entrySet().stream()
        .filter(e -> e.getKey().strip().equals("="))
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(e -> e.getKey().equals(" = ") ? 1 : 0))
        .map(Map.Entry::getKey)
        .orElse(" = ");
    return new TomlStyle(eol, single > dbl, sep);
  }

  String eol() {
    return eol;
  }

  /** The text between a key and its value, such as {@code " = "}. */
  String separator() {
    return separator;
  }

  /** A {@code [[path]]} header and its key lines, each ending with the line ending. */
  String block(
      List<String> path, Map<String, Object> fields, String headerIndent, String keyIndent) {
    StringBuilder out = new StringBuilder();
    out.append(headerIndent).append("[[").append(keyPath(path)).append("]]").append(eol);
    fields.forEach((k, v) -> out.append(line(keyIndent, k, v)));
    return out.toString();
  }

  /** One {@code key = value} line, ending with the line ending. */
  String line(String indent, String key, Object value) {
    return indent + key(key) + separator + value(value) + eol;
  }

  /** A dotted key path, each segment as {@link #key}. */
  static String keyPath(List<String> path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(key(segment));
    }
    return out.toString();
  }

  /** A key, bare when it can be, else quoted. */
  static String key(String key) {
    if (BARE_KEY.matcher(key).matches()) {
      return key;
    }
    return key.indexOf('\'') < 0 ? Toml.joinKeyPath(List.of(key)) : "\"" + escape(key) + "\"";
  }

  /**
   * The content of a basic string. {@link Toml#tomlEscape} writes {@code '} as {@code \'}, which
   * TOML 1.0 does not allow (and strict parsers reject); {@code '} needs no escape in a basic
   * string, so the pieces between them are escaped and the quotes kept as they are.
   */
  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    String[] pieces = s.split("'", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        out.append('\'');
      }
      out.append(Toml.tomlEscape(pieces[i]));
    }
    return out.toString();
  }

  /** A value literal: strings in the file's quote style, maps as inline tables. */
  String value(Object v) {
    if (v instanceof String s) {
      return string(s);
    }
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return "nan";
      }
      if (d.isInfinite()) {
        return d > 0 ? "inf" : "-inf";
      }
      return Double.toString(d);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return "{}";
      }
      StringBuilder out = new StringBuilder("{ ");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        out.append(key(String.valueOf(e.getKey()))).append(separator).append(value(e.getValue()));
      }
      return out.append(" }").toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(value(l.get(i)));
      }
      return out.append("]").toString();
    }
    throw new IllegalArgumentException("cannot write " + (v == null ? "null" : v.getClass()));
  }

  private String string(String s) {
    if (singleQuotes && literalAllowed(s)) {
      return "'" + s + "'";
    }
    return "\"" + escape(s) + "\"";
  }

  /** A literal string cannot hold {@code '} or control characters other than tab. */
  private static boolean literalAllowed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == 0x7f || (c < 0x20 && c != '\t')) {
        return false;
      }
    }
    return true;
  }
}

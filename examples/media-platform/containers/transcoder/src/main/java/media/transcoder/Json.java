package media.transcoder;

import java.util.Map;

/** Just enough JSON output for this app's responses: objects of strings and numbers. */
final class Json {

  private Json() {}

  /** {@code {"key":value,...}} in the map's order; strings are quoted, numbers are not. */
  static String object(Map<String, ?> fields) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      quote(field.getKey(), out);
      out.append(':');
      Object value = field.getValue();
      if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else {
        quote(String.valueOf(value), out);
      }
    }
    return out.append('}').toString();
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

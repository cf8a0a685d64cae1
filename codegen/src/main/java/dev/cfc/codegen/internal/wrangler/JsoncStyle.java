package dev.cfc.codegen.internal.wrangler;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Arr;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Member;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Node;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Obj;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Scalar;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a JSONC file writes things — line ending, indent unit, {@code "key": value} spacing,
 * trailing commas, padding inside one-line braces — and how new values are written in that style.
 * Every string and key is encoded by Jackson; nothing here escapes by hand.
 */
final class JsoncStyle {

  /** An array cfc creates (e.g. {@code containers} in a config that has none): one element a line. */
  record NewArray(List<Object> elements) {}

  /** An object cfc creates on the way to a new array (e.g. {@code durable_objects}). */
  record NewObject(LinkedHashMap<String, Object> members) {}

  private final String eol;
  private final String unit;
  private final String separator;
  private final boolean trailingComma;
  private final String objectPadding;
  private final String arrayPadding;

  private JsoncStyle(
      String eol,
      String unit,
      String separator,
      boolean trailingComma,
      String objectPadding,
      String arrayPadding) {
    this.eol = eol;
    this.unit = unit;
    this.separator = separator;
    this.trailingComma = trailingComma;
    this.objectPadding = objectPadding;
    this.arrayPadding = arrayPadding;
  }

  /** Reads the style of a parsed file. */
  static JsoncStyle of(JsoncDocument doc) {
    Survey s = new Survey(doc.text());
    s.visit(doc.root());
    String text = doc.text().text();
    return new JsoncStyle(
        text.contains("\r\n") ? "\r\n" : "\n",
        mostCommon(s.units, "\t"),
        mostCommon(s.separators, ": "),
        s.trailing > s.notTrailing,
        s.paddedObjects >= s.compactObjects ? " " : "",
        s.paddedArrays > s.compactArrays ? " " : "");
  }

  private static String mostCommon(Map<String, Integer> counts, String fallback) {
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(e -> e.getKey().equals(fallback) ? 1 : 0))
        .map(Map.Entry::getKey)
        .orElse(fallback);
  }

  /** Counts of each style choice over the whole file. */
  private static final class Survey {
    final JsoncText text;
    final Map<String, Integer> units = new HashMap<>();
    final Map<String, Integer> separators = new HashMap<>();
    int trailing;
    int notTrailing;
    int paddedObjects;
    int compactObjects;
    int paddedArrays;
    int compactArrays;

    Survey(JsoncText text) {
      this.text = text;
    }

    void visit(Node node) {
      if (node instanceof Obj o) {
        List<Integer> starts = new ArrayList<>();
        for (Member m : o.members()) {
          starts.add(m.keyStart());
          String sep = text.text().substring(m.keyEnd(), m.value().start());
          if (sep.strip().equals(":") && sep.indexOf('\n') < 0) {
            separators.merge(sep, 1, Integer::sum);
          }
          visit(m.value());
        }
        container(
            o,
            starts,
            o.members().isEmpty()
                ? -1
                : o.members().get(o.members().size() - 1).value().end(),
            true);
      } else if (node instanceof Arr a) {
        List<Integer> starts = new ArrayList<>();
        for (Node e : a.elements()) {
          starts.add(e.start());
          visit(e);
        }
        boolean scalars = a.elements().stream().allMatch(e -> e instanceof Scalar);
        container(
            a,
            starts,
            a.elements().isEmpty()
                ? -1
                : a.elements().get(a.elements().size() - 1).end(),
            scalars ? false : null);
      }
    }

    /** {@code object}: true for objects, false for arrays of scalars, null for other arrays. */
    private void container(Node c, List<Integer> itemStarts, int lastEnd, Boolean object) {
      if (itemStarts.isEmpty()) {
        return;
      }
      int open = c.start();
      if (text.sameLine(open, c.end() - 1)) {
        boolean padded = JsoncText.isBlank(text.text().charAt(open + 1));
        if (Boolean.TRUE.equals(object)) {
          if (padded) {
            paddedObjects++;
          } else {
            compactObjects++;
          }
        } else if (Boolean.FALSE.equals(object)) {
          if (padded) {
            paddedArrays++;
          } else {
            compactArrays++;
          }
        }
        return;
      }
      if (text.commaAfter(lastEnd) >= 0) {
        trailing++;
      } else {
        notTrailing++;
      }
      String parent = text.indentOf(open);
      for (int start : itemStarts) {
        if (text.firstOnLine(start)) {
          String child = text.indentOf(start);
          if (child.length() > parent.length() && child.startsWith(parent)) {
            units.merge(child.substring(parent.length()), 1, Integer::sum);
          }
        }
      }
    }
  }

  String eol() {
    return eol;
  }

  String unit() {
    return unit;
  }

  /** Whether new multi-line containers end with a comma after their last element. */
  boolean trailingComma() {
    return trailingComma;
  }

  /** {@code "key": value} with the file's separator; the value as in {@link #render}. */
  String member(String key, Object value, boolean multiLine, String indent) {
    return literal(key) + separator + render(value, multiLine, indent);
  }

  /**
   * A value. Maps (and created objects and arrays) are written one key per line when {@code
   * multiLine}, their lines indented one unit deeper than {@code indent} and the closing bracket
   * at {@code indent}; otherwise on one line. Lists of values are always written on one line.
   */
  String render(Object value, boolean multiLine, String indent) {
    if (value instanceof NewObject o) {
      return object(o.members(), multiLine, indent);
    }
    if (value instanceof NewArray a) {
      return entries(a.elements(), multiLine, indent);
    }
    if (value instanceof Map<?, ?> m) {
      return object(m, multiLine, indent);
    }
    if (value instanceof List<?> l) {
      if (l.isEmpty()) {
        return "[]";
      }
      List<String> parts = new ArrayList<>();
      for (Object o : l) {
        parts.add(render(o, false, indent));
      }
      return "[" + arrayPadding + String.join(", ", parts) + arrayPadding + "]";
    }
    return literal(value);
  }

  private String object(Map<?, ?> map, boolean multiLine, String indent) {
    if (map.isEmpty()) {
      return "{}";
    }
    List<String> parts = new ArrayList<>();
    String inner = indent + unit;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      parts.add(member(String.valueOf(e.getKey()), e.getValue(), multiLine, inner));
    }
    if (!multiLine) {
      return "{" + objectPadding + String.join(", ", parts) + objectPadding + "}";
    }
    return "{" + eol + lines(parts, inner) + indent + "}";
  }

  private String entries(List<Object> elements, boolean multiLine, String indent) {
    List<String> parts = new ArrayList<>();
    String inner = indent + unit;
    for (Object o : elements) {
      parts.add(render(o, multiLine, inner));
    }
    if (!multiLine) {
      return "[" + String.join(", ", parts) + "]";
    }
    return "[" + eol + lines(parts, inner) + indent + "]";
  }

  /** Each part on its own line at {@code indent}, commas between (and after the last if the file does). */
  private String lines(List<String> parts, String indent) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      out.append(indent)
          .append(parts.get(i))
          .append(last && !trailingComma ? "" : ",")
          .append(eol);
    }
    return out.toString();
  }

  /** A JSON scalar literal written by Jackson. */
  static String literal(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JsoncDocument.JSON.createGenerator(out)) {
      if (value == null) {
        g.writeNull();
      } else if (value instanceof String s) {
        g.writeString(s);
      } else if (value instanceof Boolean b) {
        g.writeBoolean(b);
      } else if (value instanceof Long
          || value instanceof Integer
          || value instanceof Short
          || value instanceof Byte) {
        g.writeNumber(((Number) value).longValue());
      } else if (value instanceof BigInteger b) {
        g.writeNumber(b);
      } else if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new IllegalArgumentException("JSON has no literal for " + d);
        }
        g.writeNumber(d);
      } else {
        g.writeString(value.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** A parsed {@code wrangler.toml}: tomlj's values plus the {@link TomlLayout} spans. */
final class TomlDocument implements ConfigDocument {

  /**
   * Where one {@code [[array]]} element is written.
   *
   * @param header the element's {@code [[...]]} header
   * @param direct its plain {@code key = value} lines by key
   * @param complex keys it sets through dotted keys or sub-tables (not editable in place), with
   *     the line where each is first written
   * @param insertAt where a new key line goes (after the last plain key line, or the header)
   * @param contentEnd just past the element's last header or key line (trailing comments and
   *     blank lines excluded)
   * @param keyIndent indentation of its key lines
   */
  record Element(
      TomlLayout.Header header,
      Map<String, TomlLayout.KeyValue> direct,
      Map<String, Integer> complex,
      int insertAt,
      int contentEnd,
      String keyIndent) {}

  /**
   * Where an array written as an inline value is: {@code containers = [ { ... }, ... ]}, also
   * under a table or inside an inline table ({@code durable_objects = { bindings = [...] }}).
   *
   * @param open offset of its {@code [}
   * @param elements its elements, in order
   */
  record InlineArray(int open, List<InlineElement> elements) {}

  /**
   * One inline-table element of an {@link InlineArray}.
   *
   * @param span the element's text, braces included
   * @param pairs its {@code key = value} pairs, in order
   * @param direct the pairs with a plain (undotted) key, by key
   */
  record InlineElement(
      TomlLayout.Span span,
      List<TomlLayout.InlinePair> pairs,
      Map<String, TomlLayout.InlinePair> direct) {}

  private final ConfigSource source;
  private final TomlParseResult toml;
  private final TomlLayout layout;
  private final Map<String, Map<ArrayKind, DocArray>> arrays = new HashMap<>();
  private final Map<DocEntry, Element> elements = new IdentityHashMap<>();
  private final Map<DocEntry, InlineElement> inlineElements = new IdentityHashMap<>();
  private final Map<List<String>, InlineArray> inlineArrays = new HashMap<>();

  TomlDocument(ConfigSource source, TomlParseResult toml) {
    this.source = source;
    this.toml = toml;
    this.layout = TomlLayout.scan(source.text());
  }

  TomlLayout layout() {
    return layout;
  }

  /** The element an entry came from, or {@code null} for an inline-array element. */
  Element element(DocEntry entry) {
    array(entry.scope(), entry.kind());
    return elements.get(entry);
  }

  /** The inline-array element an entry came from, or {@code null}. */
  InlineElement inlineElement(DocEntry entry) {
    array(entry.scope(), entry.kind());
    return inlineElements.get(entry);
  }

  /** The array of this kind in this scope when it is written inline, else {@code null}. */
  InlineArray inlineArray(String scope, ArrayKind kind) {
    array(scope, kind);
    return inlineArrays.get(kind.pathIn(scope));
  }

  @Override
  public ConfigSource source() {
    return source;
  }

  @Override
  public Set<String> environmentNames() {
    Set<String> names = new LinkedHashSet<>();
    if (toml.get("env") instanceof TomlTable env) {
      for (String k : env.keySet()) {
        if (env.get(List.of(k)) instanceof TomlTable) {
          names.add(k);
        }
      }
    }
    return names;
  }

  @Override
  public Object value(List<String> path) {
    Object value = toml.get(path);
    return value == null ? null : plain(value);
  }

  @Override
  public Diagnostic.Location keyAt(List<String> path) {
    return toml.get(path) == null ? null : at(toml.inputPositionOf(path));
  }

  @Override
  public Map<String, Object> values() {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) plain(toml);
    return tree;
  }

  @Override
  public DocArray array(String scope, ArrayKind kind) {
    return arrays
        .computeIfAbsent(scope, s -> new EnumMap<>(ArrayKind.class))
        .computeIfAbsent(kind, k -> readArray(scope, k));
  }

  private DocArray readArray(String scope, ArrayKind kind) {
    List<String> path = kind.pathIn(scope);
    Object value = toml.get(path);
    if (value == null) {
      return new DocArray(scope, kind, DocArray.State.ABSENT, List.of(), file());
    }
    Diagnostic.Location at = at(toml.inputPositionOf(path));
    if (!(value instanceof TomlArray array)) {
      return new DocArray(scope, kind, DocArray.State.INVALID, List.of(), at);
    }
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof TomlTable)) {
        return new DocArray(scope, kind, DocArray.State.INVALID, List.of(), at);
      }
    }
    List<Integer> headerIdx = new ArrayList<>();
    List<TomlLayout.Header> headers = layout.headers();
    for (int h = 0; h < headers.size(); h++) {
      if (headers.get(h).arrayTable() && headers.get(h).path().equals(path)) {
        headerIdx.add(h);
      }
    }
    boolean tables = headerIdx.size() == array.size() && !headerIdx.isEmpty();
    if (!tables && !headerIdx.isEmpty()) {
      return new DocArray(scope, kind, DocArray.State.INVALID, List.of(), at);
    }
    InlineArray inline = tables ? null : inlineArray(path, array.size());
    if (inline != null) {
      inlineArrays.put(path, inline);
    }
    List<DocEntry> entries = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      TomlTable t = array.getTable(i);
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) plain(t);
      if (tables) {
        Element el = element(headerIdx.get(i), path);
        Map<String, Diagnostic.Location> keyAt = new LinkedHashMap<>();
        el.direct()
            .forEach((k, kv) -> keyAt.put(
                k, new Diagnostic.Location(source.displayName(), kv.line(), kv.column())));
        el.complex()
            .forEach((k, line) ->
                keyAt.putIfAbsent(k, new Diagnostic.Location(source.displayName(), line, 1)));
        DocEntry e = new DocEntry(
            scope,
            kind,
            i,
            values,
            new Diagnostic.Location(
                source.displayName(), el.header().line(), el.header().column()),
            keyAt);
        elements.put(e, el);
        entries.add(e);
      } else {
        Map<String, Diagnostic.Location> keyAt = new LinkedHashMap<>();
        for (String k : t.keySet()) {
          keyAt.put(k, at(t.inputPositionOf(List.of(k))));
        }
        DocEntry e = new DocEntry(scope, kind, i, values, at(array.inputPositionOf(i)), keyAt);
        if (inline != null) {
          inlineElements.put(e, inline.elements().get(i));
        }
        entries.add(e);
      }
    }
    return new DocArray(scope, kind, DocArray.State.PRESENT, entries, at);
  }

  /**
   * Finds the text of an array written as an inline value at {@code path}: the value of a key
   * line, or of a pair inside inline tables below one. Null when it is not found as expected
   * (then cfc does not edit it).
   */
  private InlineArray inlineArray(List<String> path, int size) {
    String text = layout.text();
    for (TomlLayout.KeyValue kv : layout.keyValues()) {
      List<String> full = kv.fullPath();
      if (full.size() > path.size() || !path.subList(0, full.size()).equals(full)) {
        continue;
      }
      int valueStart = kv.valueStart();
      List<String> rest = path.subList(full.size(), path.size());
      while (!rest.isEmpty() && valueStart < text.length() && text.charAt(valueStart) == '{') {
        TomlLayout.InlinePair found = null;
        for (TomlLayout.InlinePair pair : layout.inlinePairs(valueStart)) {
          if (pair.key().size() <= rest.size()
              && rest.subList(0, pair.key().size()).equals(pair.key())) {
            found = pair;
            break;
          }
        }
        if (found == null) {
          return null;
        }
        valueStart = found.valueStart();
        rest = rest.subList(found.key().size(), rest.size());
      }
      if (!rest.isEmpty() || valueStart >= text.length() || text.charAt(valueStart) != '[') {
        return null;
      }
      List<InlineElement> elements = new ArrayList<>();
      for (TomlLayout.Span span : layout.arrayElements(valueStart)) {
        if (text.charAt(span.start()) != '{') {
          return null;
        }
        List<TomlLayout.InlinePair> pairs = layout.inlinePairs(span.start());
        Map<String, TomlLayout.InlinePair> direct = new LinkedHashMap<>();
        for (TomlLayout.InlinePair pair : pairs) {
          if (pair.key().size() == 1) {
            direct.put(pair.key().get(0), pair);
          }
        }
        elements.add(new InlineElement(span, pairs, direct));
      }
      return elements.size() == size ? new InlineArray(valueStart, elements) : null;
    }
    return null;
  }

  private Element element(int headerIndex, List<String> path) {
    List<TomlLayout.Header> headers = layout.headers();
    TomlLayout.Header header = headers.get(headerIndex);
    int last = headerIndex;
    while (last + 1 < headers.size() && isSubTable(headers.get(last + 1).path(), path)) {
      last++;
    }
    int contentEnd = header.lineEnd();
    int insertAt = header.lineEnd();
    Map<String, TomlLayout.KeyValue> direct = new LinkedHashMap<>();
    Map<String, Integer> complex = new LinkedHashMap<>();
    String indent = null;
    for (int h = headerIndex + 1; h <= last; h++) {
      complex.putIfAbsent(headers.get(h).path().get(path.size()), headers.get(h).line());
      contentEnd = Math.max(contentEnd, headers.get(h).lineEnd());
    }
    for (TomlLayout.KeyValue kv : layout.keyValuesUnder(headerIndex, last)) {
      contentEnd = Math.max(contentEnd, kv.lineEnd());
      if (kv.header() == headerIndex) {
        if (kv.key().size() == 1) {
          direct.put(kv.key().get(0), kv);
        } else {
          complex.putIfAbsent(kv.key().get(0), kv.line());
        }
        insertAt = kv.lineEnd();
        if (indent == null) {
          indent = kv.indent(layout.text());
        }
      }
    }
    return new Element(header, direct, complex, insertAt, contentEnd, indent);
  }

  /** tomlj values as plain maps and lists (see {@link Values#normalize}). */
  static Object plain(Object v) {
    if (v instanceof TomlTable t) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String k : t.keySet()) {
        out.put(k, plain(t.get(List.of(k))));
      }
      return out;
    }
    if (v instanceof TomlArray a) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(plain(a.get(i)));
      }
      return out;
    }
    return Values.normalize(v);
  }

  private static boolean isSubTable(List<String> candidate, List<String> path) {
    return candidate.size() > path.size() && candidate.subList(0, path.size()).equals(path);
  }

  private Diagnostic.Location at(TomlPosition p) {
    return p == null ? file() : new Diagnostic.Location(source.displayName(), p.line(), p.column());
  }
}

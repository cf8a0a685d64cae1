package dev.cfc.codegen.internal.wrangler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.InputFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code wrangler.jsonc} / {@code wrangler.json}: Jackson's tokens (comments and trailing
 * commas allowed, duplicate keys rejected) as a tree of values with their character spans.
 */
final class JsoncDocument implements ConfigDocument {

  /** The Jackson reader for wrangler's JSONC: comments and trailing commas, no duplicate keys. */
  static final JsonFactory JSON = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(InputFiles.MAX_NESTING)
          .build())
      .build();

  /** A JSON value with its span: {@code start} is its first character, {@code end} just past it. */
  sealed interface Node permits Obj, Arr, Scalar {
    int start();

    int end();
  }

  /**
   * One {@code "key": value} of an object.
   *
   * @param keyStart offset of the key's opening quote
   * @param keyEnd offset just past the key's closing quote
   */
  record Member(String key, int keyStart, int keyEnd, Node value) {}

  /** An object; {@code start} is its {@code {}, {@code end} just past its {@code }}. */
  record Obj(int start, int end, List<Member> members) implements Node {
    Member member(String key) {
      for (Member m : members) {
        if (m.key().equals(key)) {
          return m;
        }
      }
      return null;
    }

    int indexOf(String key) {
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i).key().equals(key)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** An array; {@code start} is its {@code [}, {@code end} just past its {@code ]}. */
  record Arr(int start, int end, List<Node> elements) implements Node {}

  /** A string, number, boolean or null, with its decoded value. */
  record Scalar(int start, int end, Object value) implements Node {}

  private final ConfigSource source;
  private final JsoncText text;
  private final Obj root;
  private final Map<String, Map<ArrayKind, DocArray>> arrays = new HashMap<>();

  private JsoncDocument(ConfigSource source, JsoncText text, Obj root) {
    this.source = source;
    this.text = text;
    this.root = root;
  }

  /** Parses a config; malformed input gives {@code CFC100} at the offending line and column. */
  static ConfigBackend.Parsed parse(ConfigSource source) {
    JsoncText text = new JsoncText(source.text());
    try (JsonParser p = JSON.createParser(source.text())) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return malformed(source, 1, 1, "the config is empty; expected a JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        JsonLocation at = p.currentTokenLocation();
        return malformed(
            source,
            at.getLineNr(),
            at.getColumnNr(),
            "the config must be a JSON object, found " + describe(first));
      }
      Node root = new Reader(p, text).value();
      JsonToken extra = p.nextToken();
      if (extra != null) {
        JsonLocation at = p.currentTokenLocation();
        return malformed(
            source,
            at.getLineNr(),
            at.getColumnNr(),
            "unexpected " + describe(extra) + " after the top-level object");
      }
      return new ConfigBackend.Parsed(new JsoncDocument(source, text, (Obj) root), List.of());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      if (e instanceof StreamConstraintsException) {
        // Jackson gives this one no location; the scan finds the bracket one level too deep.
        Diagnostic tooDeep = InputFiles.jsonTooDeep(source.text(), source.displayName());
        return new ConfigBackend.Parsed(
            null,
            List.of(
                tooDeep != null
                    ? tooDeep
                    : InputFiles.tooDeep(source.displayName(), line, column)));
      }
      return malformed(source, line, column, e.getOriginalMessage());
    } catch (IOException e) {
      return malformed(source, 1, 1, String.valueOf(e.getMessage()));
    }
  }

  private static ConfigBackend.Parsed malformed(
      ConfigSource source, int line, int column, String message) {
    return new ConfigBackend.Parsed(
        null,
        List.of(Diagnostic.error(
            WranglerCodes.MALFORMED,
            new Diagnostic.Location(source.displayName(), line, column),
            "malformed JSON: " + message,
            "fix the syntax; cfc writes nothing until the config parses")));
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "`" + t.asString() + "`";
    };
  }

  /** Reads one value and its children, recording spans from Jackson's token offsets. */
  private record Reader(JsonParser p, JsoncText text) {
    Node value() throws IOException {
      int start = (int) p.currentTokenLocation().getCharOffset();
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          List<Member> members = new ArrayList<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyStart = (int) p.currentTokenLocation().getCharOffset();
            p.nextToken();
            members.add(new Member(key, keyStart, text.stringEnd(keyStart), value()));
          }
          return new Obj(
              start, (int) p.currentTokenLocation().getCharOffset() + 1, List.copyOf(members));
        }
        case START_ARRAY -> {
          List<Node> elements = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            elements.add(value());
          }
          return new Arr(
              start, (int) p.currentTokenLocation().getCharOffset() + 1, List.copyOf(elements));
        }
        case VALUE_STRING -> {
          return new Scalar(start, text.stringEnd(start), p.getText());
        }
        case VALUE_NUMBER_INT -> {
          Object v = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? p.getBigIntegerValue()
              : (Object) p.getLongValue();
          return new Scalar(start, text.scalarEnd(start), v);
        }
        case VALUE_NUMBER_FLOAT -> {
          return new Scalar(start, text.scalarEnd(start), p.getDoubleValue());
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return new Scalar(start, text.scalarEnd(start), t == JsonToken.VALUE_TRUE);
        }
        case VALUE_NULL -> {
          return new Scalar(start, text.scalarEnd(start), null);
        }
        default -> throw new IllegalStateException("unexpected token " + t);
      }
    }
  }

  JsoncText text() {
    return text;
  }

  Obj root() {
    return root;
  }

  @Override
  public ConfigSource source() {
    return source;
  }

  @Override
  public DocArray array(String scope, ArrayKind kind) {
    return arrays
        .computeIfAbsent(scope, s -> new EnumMap<>(ArrayKind.class))
        .computeIfAbsent(kind, k -> readArray(scope, k));
  }

  /** The array node an array's entries came from, or {@code null} when it is absent. */
  Arr arrayNode(String scope, ArrayKind kind) {
    Node cur = root;
    for (String segment : kind.pathIn(scope)) {
      if (!(cur instanceof Obj o) || o.member(segment) == null) {
        return null;
      }
      cur = o.member(segment).value();
    }
    return cur instanceof Arr a ? a : null;
  }

  /** The object an entry was read from. */
  Obj element(DocEntry entry) {
    return (Obj) arrayNode(entry.scope(), entry.kind()).elements().get(entry.index());
  }

  @Override
  public Set<String> environmentNames() {
    Set<String> names = new LinkedHashSet<>();
    Member env = member(root, "env");
    if (env != null && env.value() instanceof Obj envs) {
      for (Member m : envs.members()) {
        if (m.value() instanceof Obj) {
          names.add(m.key());
        }
      }
    }
    return names;
  }

  @Override
  public Object value(List<String> path) {
    Member m = memberAt(path);
    return m == null ? null : plain(m.value());
  }

  @Override
  public Diagnostic.Location keyAt(List<String> path) {
    Member m = memberAt(path);
    return m == null ? null : at(m.keyStart());
  }

  @Override
  public Map<String, Object> values() {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) plain(root);
    return tree;
  }

  /** A location in this config. */
  Diagnostic.Location at(int offset) {
    return new Diagnostic.Location(
        source.displayName(), text.lineOf(offset), text.columnOf(offset));
  }

  private DocArray readArray(String scope, ArrayKind kind) {
    Node cur = root;
    Member last = null;
    for (String segment : kind.pathIn(scope)) {
      if (!(cur instanceof Obj o)) {
        return new DocArray(scope, kind, DocArray.State.INVALID, List.of(), at(last.keyStart()));
      }
      Member m = o.member(segment);
      if (m == null) {
        return new DocArray(scope, kind, DocArray.State.ABSENT, List.of(), file());
      }
      last = m;
      cur = m.value();
    }
    Diagnostic.Location at = at(last.keyStart());
    if (!(cur instanceof Arr array) || !array.elements().stream().allMatch(e -> e instanceof Obj)) {
      return new DocArray(scope, kind, DocArray.State.INVALID, List.of(), at);
    }
    List<DocEntry> entries = new ArrayList<>();
    for (int i = 0; i < array.elements().size(); i++) {
      Obj element = (Obj) array.elements().get(i);
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) plain(element);
      Map<String, Diagnostic.Location> keyAt = new LinkedHashMap<>();
      for (Member m : element.members()) {
        keyAt.put(m.key(), at(m.keyStart()));
      }
      entries.add(new DocEntry(scope, kind, i, values, at(element.start()), keyAt));
    }
    return new DocArray(scope, kind, DocArray.State.PRESENT, entries, at);
  }

  private Member memberAt(List<String> path) {
    Node cur = root;
    Member m = null;
    for (String segment : path) {
      m = member(cur, segment);
      if (m == null) {
        return null;
      }
      cur = m.value();
    }
    return m;
  }

  private static Member member(Node node, String key) {
    return node instanceof Obj o ? o.member(key) : null;
  }

  /** A node as plain maps, lists and scalars (see {@link Values#normalize}). */
  static Object plain(Node node) {
    if (node instanceof Obj o) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Member m : o.members()) {
        out.put(m.key(), plain(m.value()));
      }
      return out;
    }
    if (node instanceof Arr a) {
      List<Object> out = new ArrayList<>();
      for (Node e : a.elements()) {
        out.add(plain(e));
      }
      return out;
    }
    return Values.normalize(((Scalar) node).value());
  }
}

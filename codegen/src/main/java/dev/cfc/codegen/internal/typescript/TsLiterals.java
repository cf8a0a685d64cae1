package dev.cfc.codegen.internal.typescript;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TypeScript literals for values that come from the DSL. Strings are JSON string literals written
 * by Jackson, which are valid TypeScript string literals: quotes, backslashes and control
 * characters are escaped, and backticks, {@code ${} and {@code *}{@code /} are inert inside a
 * double-quoted literal. Jackson leaves U+2028, U+2029 and surrogates raw; {@link TsEscapes}
 * escapes them too, so the generated files are safe for any JavaScript parser and a lone
 * surrogate survives being written as UTF-8.
 */
final class TsLiterals {

  // jackson-core's generator, not an ObjectMapper: a string needs no data binding, and setting
  // up databind costs a few hundred milliseconds of every short `cfc generate` run.
  private static final JsonFactory JSON = new JsonFactory().setCharacterEscapes(new TsEscapes());

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private TsLiterals() {}

  /** A double-quoted literal of {@code value}. */
  static String string(String value) {
    StringWriter out = new StringWriter(value.length() + 2);
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.writeString(value);
    } catch (IOException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
    return out.toString();
  }

  /** {@code ["a", "b"]}. */
  static String strings(List<String> values) {
    return list(values, TsLiterals::string);
  }

  /** {@code [8080, 9090]}. */
  static String numbers(List<Integer> values) {
    return list(values, String::valueOf);
  }

  /** {@code [a, b]} with each element rendered by {@code render}; {@code []} when empty. */
  static <T> String list(List<T> values, Function<T, String> render) {
    return values.stream().map(render).collect(Collectors.joining(", ", "[", "]"));
  }

  /** {@code { "K": "v" }} with quoted keys, in map order; {@code {}} when empty. */
  static String stringMap(Map<String, String> values) {
    if (values.isEmpty()) {
      return "{}";
    }
    return values.entrySet().stream()
        .map(e -> string(e.getKey()) + ": " + string(e.getValue()))
        .collect(Collectors.joining(", ", "{ ", " }"));
  }

  /** A property name: bare when it is an identifier, else a string literal. */
  static String key(String name) {
    return IDENTIFIER.matcher(name).matches() ? name : string(name);
  }

  /** Whether {@code name} can be written bare as a TypeScript identifier. */
  static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }

  /** Jackson's standard escapes plus {@code \\uXXXX} for U+2028, U+2029 and surrogates. */
  private static final class TsEscapes extends CharacterEscapes {
    private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029 || Character.isSurrogate((char) ch)) {
        return new SerializedString(String.format("\\u%04X", ch));
      }
      return null;
    }
  }
}

package dev.cfc.codegen.internal.wrangler;

import static dev.cfc.codegen.internal.wrangler.Fixtures.fields;
import static dev.cfc.codegen.internal.wrangler.Fixtures.reconcile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Hostile values come back exactly when the output is parsed again. */
class InjectionTest {

  private static final List<String> NASTY = List.of(
      "plain",
      "quote \" inside",
      "single ' quote",
      "''' triple literal '''",
      "\"\"\" triple basic \"\"\"",
      "back\\slash \\n not a newline",
      "line\nbreak\r\nand\ttab",
      "${NOT_INTERPOLATED} $HOME `cmd`",
      "unicode é ü 日本 😀 \u2028 \u0085",
      "control \u0001 \u007f",
      "# not a comment",
      "] [[containers]] = {",
      "");

  @ParameterizedTest
  @ValueSource(strings = {"name = \"media\"\n", "name = 'media'\n"})
  void hostileStringsRoundTripInBothQuoteStyles(String header) {
    LinkedHashMap<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < NASTY.size(); i++) {
      vars.put("K" + i, NASTY.get(i));
    }
    vars.put("key with spaces", "v");
    vars.put("quote\"key", "v");
    vars.put("it's", "v");
    vars.put("dotted.key", "v");
    for (String value : NASTY) {
      LinkedHashMap<String, Object> f =
          fields("name", value, "image", value, "image_vars", vars, "max_instances", 3L);
      DesiredState desired = Fixtures.state(Fixtures.container("alpha", Map.of("", f)));
      ReconcileOutcome outcome = reconcile(header, desired);
      assertThat(outcome.diagnostics()).isEmpty();
      assertNoInvalidEscapes(outcome.newText());
      TomlParseResult parsed = Toml.parse(outcome.newText());
      assertThat(parsed.errors()).isEmpty();
      TomlTable entry = parsed.getArray("containers").getTable(0);
      assertThat(entry.getString("name")).isEqualTo(value);
      assertThat(entry.getString("image")).isEqualTo(value);
      Object vs = TomlDocument.plain(entry.getTable("image_vars"));
      assertThat(vs).isEqualTo(vars);

      // Changing the value in place round-trips too (an existing entry keeps its `name`).
      LinkedHashMap<String, Object> g =
          fields("name", value, "image", "x" + value, "image_vars", vars, "max_instances", 3L);
      ReconcileOutcome updated = reconcile(
          outcome.newText(),
          Fixtures.state(Fixtures.container("alpha", Map.of("", g))),
          "AlphaContainer");
      assertThat(updated.diagnostics()).isEmpty();
      assertNoInvalidEscapes(updated.newText());
      assertThat(
              Toml.parse(updated.newText()).getArray("containers").getTable(0).getString("image"))
          .isEqualTo("x" + value);
    }
  }

  /**
   * Only TOML 1.0 escapes in basic strings: tomlj itself accepts some that strict parsers reject.
   * Handles the single-line strings and comments this test produces.
   */
  static void assertNoInvalidEscapes(String toml) {
    int i = 0;
    while (i < toml.length()) {
      char c = toml.charAt(i);
      if (c == '#') {
        i = toml.indexOf('\n', i);
        if (i < 0) {
          return;
        }
      } else if (c == '\'') {
        i = toml.indexOf('\'', i + 1);
      } else if (c == '"') {
        i++;
        while (toml.charAt(i) != '"') {
          if (toml.charAt(i) == '\\') {
            assertThat(String.valueOf(toml.charAt(i + 1)))
                .as("escape in %s", toml)
                .isIn("b", "t", "n", "f", "r", "\"", "\\", "u", "U");
            i++;
          }
          assertThat(toml.charAt(i)).as("raw control character").isNotIn('\n', '\r');
          i++;
        }
      }
      i++;
    }
  }
}

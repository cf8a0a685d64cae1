package dev.cfc.codegen.internal.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfc.codegen.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The reconcile promise, for both backends alike: on random configs ({@link TomlScenarios},
 * {@link JsoncScenarios}) against random desired states, every hand-written byte survives in
 * order, a second run changes nothing, and the result parses to the desired managed state (as
 * wrangler deploys it, values left as written where they deploy the same), with the migrations
 * creating every wanted class and deleting every removed one. The configs include an entry named
 * the user's way ({@link Fixtures#foreign}) whose keys cfc has no call for, with comments in and
 * around them, adopted and edited: those bytes survive too. A removal without {@code
 * allowDestroy} is refused and writes nothing.
 */
class ReconcilePropertyTest {

  private static final ObjectMapper LENIENT = new ObjectMapper(JsoncDocument.JSON);

  @Provide
  Arbitrary<ReconcileScenario> scenarios() {
    return Arbitraries.oneOf(TomlScenarios.scenarios(), JsoncScenarios.scenarios());
  }

  @Property(tries = 2000)
  void unmanagedBytesSurviveTheEditIsIdempotentAndHoldsTheDesiredState(
      @ForAll("scenarios") ReconcileScenario s) throws Exception {
    Path file = Path.of(s.fileName());
    ReconcileOutcome first = WranglerReconciler.reconcile(
        new ConfigSource(file, s.text()), s.desired(), s.previouslyManaged());

    boolean refused = !s.removed().isEmpty() && !s.desired().allowDestroy();
    Statistics.label("outcome")
        .collect(refused ? "destroy refused" : first.summary().isEmpty() ? "no changes" : "edited");
    Statistics.label("file").collect(s.fileName());
    Statistics.label("adopts an entry with foreign names and unmodelled keys")
        .collect(s.desired().containers().stream()
            .anyMatch(d -> d.className().equals(Fixtures.FOREIGN_CLASS)));
    if (refused) {
      assertThat(first.diagnostics())
          .extracting(Diagnostic::code)
          .containsOnly(WranglerCodes.DESTROY_REFUSED);
      assertThat(first.newText()).isEqualTo(s.text());
      return;
    }
    assertThat(first.diagnostics()).as("findings").isEmpty();
    String out = first.newText();
    assertThat(out).doesNotContain("\r");

    int at = 0;
    for (String chunk : s.keep()) {
      int found = out.indexOf(chunk, at);
      assertThat(found)
          .as("unmanaged text kept in order: %s%n--- output:%n%s", chunk, out)
          .isGreaterThanOrEqualTo(0);
      at = found + chunk.length();
    }

    ReconcileOutcome second = WranglerReconciler.reconcile(
        new ConfigSource(file, out), s.desired(), first.managedClasses());
    assertThat(second.diagnostics()).isEmpty();
    assertThat(second.newText()).as("second run").isEqualTo(out);
    assertThat(second.summary().isEmpty()).as("second run summary").isTrue();

    Map<String, Object> parsed = parse(s.fileName(), out);
    Map<String, Object> input = parse(s.fileName(), s.text());
    for (String scope : s.desired().scopes()) {
      for (DesiredContainer d : s.desired().containers()) {
        List<Map<String, Object>> found =
            entries(parsed, ArrayKind.CONTAINERS.pathIn(scope), d.className());
        assertThat(found)
            .as("%s containers for %s in%n%s", scope, d.className(), out)
            .hasSize(1);
        Map<String, Object> expected = expectedEntry(input, d, scope, s.previouslyManaged());
        assertThat(Values.equivalentFields(found.get(0), expected))
            .as("%s containers for %s deploys %s in%n%s", scope, d.className(), expected, out)
            .isTrue();
        assertMinimalDiff(
            entries(input, ArrayKind.CONTAINERS.pathIn(scope), d.className()),
            found.get(0),
            expected);
        // A key cfc does not write (script_name, added by hand) stays; the rest is cfc's.
        List<Map<String, Object>> bindings =
            entries(parsed, ArrayKind.BINDINGS.pathIn(scope), d.className());
        assertThat(bindings).hasSize(1);
        Map<String, Object> written = new LinkedHashMap<>(bindings.get(0));
        assertThat(written.remove("script_name")).isIn(null, "other");
        assertThat(written).isEqualTo(ReconcilePlanner.bindingFields(d));
      }
      for (String removed : s.removed()) {
        assertThat(entries(parsed, ArrayKind.CONTAINERS.pathIn(scope), removed)).isEmpty();
        assertThat(entries(parsed, ArrayKind.BINDINGS.pathIn(scope), removed)).isEmpty();
      }
    }
    Set<String> alive = new LinkedHashSet<>();
    if (parsed.get("migrations") instanceof List<?> migrations) {
      for (Object o : migrations) {
        Map<?, ?> m = (Map<?, ?>) o;
        strings(m.get("deleted_classes")).forEach(alive::remove);
        strings(m.get("new_sqlite_classes")).forEach(alive::add);
      }
    }
    for (DesiredContainer d : s.desired().containers()) {
      assertThat(alive).contains(d.className());
    }
    for (String removed : s.removed()) {
      assertThat(alive).doesNotContain(removed);
    }
  }

  /**
   * Minimal diff: in an entry that existed, a value that deploys as the wanted one is still
   * written as it was, and a key that was left out, where wrangler's default is the wanted value,
   * is still left out.
   */
  private static void assertMinimalDiff(
      List<Map<String, Object>> before, Map<String, Object> after, Map<String, Object> expected) {
    if (before.isEmpty()) {
      return;
    }
    Map<String, Object> old = before.get(0);
    expected.forEach((key, value) -> {
      if (old.containsKey(key) && Values.equivalent(key, old.get(key), value)) {
        assertThat(after.get(key)).as("%s kept as written", key).isEqualTo(old.get(key));
      } else if (!old.containsKey(key) && Values.isDefault(key, value, old)) {
        assertThat(after).as("default %s left out", key).doesNotContainKey(key);
      }
    });
  }

  /**
   * The entry cfc must leave: the desired fields, except that an entry that exists keeps its
   * application name: its own, or none when it has none, so that wrangler derives the same one
   * again.
   */
  private static Map<String, Object> expectedEntry(
      Map<String, Object> input, DesiredContainer d, String scope, Set<String> managed) {
    LinkedHashMap<String, Object> expected = ReconcilePlanner.containerFields(d, scope);
    List<Map<String, Object>> before =
        entries(input, ArrayKind.CONTAINERS.pathIn(scope), d.className());
    if (!before.isEmpty()) {
      Object name = before.get(0).get("name");
      String worker = workerName(input, scope);
      if (name != null) {
        expected.put("name", name);
      } else if (worker != null && !d.explicitName()) {
        expected.remove("name"); // wrangler derives the name it was deployed under
      }
      // cfc owns the keys it writes: the others of an entry it did not manage stay.
      before.get(0).forEach((key, value) -> {
        if (!expected.containsKey(key)
            && !(managed.contains(d.className()) && WrittenKeys.MODELLED.contains(key))) {
          expected.put(key, value);
        }
      });
    }
    return expected;
  }

  private static String workerName(Map<String, Object> config, String scope) {
    if (!scope.isEmpty()
        && config.get("env") instanceof Map<?, ?> envs
        && envs.get(scope) instanceof Map<?, ?> section
        && section.get("name") instanceof String own) {
      return own;
    }
    if (!(config.get("name") instanceof String top)) {
      return null; // no name to derive one from: cfc writes the definition's
    }
    return scope.isEmpty() ? top : top + "-" + scope;
  }

  /** The config as plain maps and lists, numbers normalised, whatever its syntax. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String fileName, String text) throws Exception {
    Object tree;
    if (fileName.endsWith(".toml")) {
      TomlParseResult toml = Toml.parse(text);
      assertThat(toml.errors()).as("TOML parse errors").isEmpty();
      tree = GoldenCase.plain(toml);
    } else {
      tree = LENIENT.readValue(text, LinkedHashMap.class);
    }
    return (Map<String, Object>) Values.normalize(tree);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(
      Map<String, Object> tree, List<String> path, String className) {
    Object cur = tree;
    for (String segment : path) {
      cur = cur instanceof Map<?, ?> m ? m.get(segment) : null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (cur instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && className.equals(m.get("class_name"))) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      l.forEach(o -> out.add((String) o));
    }
    return out;
  }
}

package dev.cfc.codegen.internal.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerBuilder;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's class and binding names through the reconcile, from real DSL definitions: adoption
 * keeps the names the config has, an explicit {@code binding(...)} renames the binding in place,
 * a new class name is a {@code renamed_classes} migration, and clashes are located.
 */
class NameOverridesReconcileTest {

  private static final String IMAGE = "registry.cloudflare.com/acme/sandbox:1.0";

  /** A hand-written container: class Sandbox, bound as MY_CONTAINER, in the top level only. */
  private static final String HAND_WRITTEN = """
      name = "media"

      [[containers]]
      class_name = "Sandbox"
      name = "media-sandbox"
      image = "registry.cloudflare.com/acme/sandbox:1.0"

      [[durable_objects.bindings]]
      name = "MY_CONTAINER"
      class_name = "Sandbox"

      [[migrations]]
      tag = "v1"
      new_sqlite_classes = ["Sandbox"]
      """;

  @TempDir
  Path project;

  private static int nextLine() {
    return StackWalker.getInstance()
            .walk(s -> s.skip(1).findFirst())
            .orElseThrow()
            .getLineNumber()
        + 1;
  }

  private static ContainerBuilder sandbox() {
    return Container.define("sandbox").image(Image.registry(IMAGE));
  }

  private ReconcileOutcome run(
      String toml,
      List<String> environments,
      Set<String> managed,
      ContainerDefinition... definitions) {
    DesiredState desired = new WranglerEntries(
            project, project, "media", new SourceResolver(project, List.of()))
        .desiredState(List.of(definitions), environments, false, false);
    return WranglerReconciler.reconcile(
        new ConfigSource(Path.of("wrangler.toml"), toml), desired, managed);
  }

  private static List<String> codes(ReconcileOutcome outcome) {
    return outcome.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void adoptionByClassNameKeepsTheBindingAndTheApplicationName() {
    ReconcileOutcome outcome = run(
        HAND_WRITTEN,
        List.of(),
        Set.of(),
        sandbox().className("Sandbox").adopt().build());
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText()).isEqualTo(HAND_WRITTEN);
    assertThat(outcome.managedClasses()).containsExactly("Sandbox");
    assertThat(outcome.bindings()).isEqualTo(Map.of("sandbox", "MY_CONTAINER"));
  }

  @Test
  void aManagedClassKeepsItsBindingUntilTheDslNamesAnother() {
    ReconcileOutcome kept = run(
        HAND_WRITTEN,
        List.of(),
        Set.of("Sandbox"),
        sandbox().className("Sandbox").build());
    assertThat(kept.newText()).isEqualTo(HAND_WRITTEN);

    ReconcileOutcome renamed = run(
        HAND_WRITTEN,
        List.of(),
        Set.of("Sandbox"),
        sandbox().className("Sandbox").binding("SANDBOX").build());
    assertThat(renamed.diagnostics()).isEmpty();
    // The binding changes in place: same class, no migration.
    assertThat(renamed.newText())
        .isEqualTo(HAND_WRITTEN.replace("name = \"MY_CONTAINER\"", "name = \"SANDBOX\""));
    assertThat(renamed.summary().render()).isEqualTo("wrangler.toml: ~1 field");
    assertThat(renamed.bindings()).isEqualTo(Map.of("sandbox", "SANDBOX"));

    // Dropping the call afterwards keeps the name the config now has.
    ReconcileOutcome after = run(
        renamed.newText(),
        List.of(),
        Set.of("Sandbox"),
        sandbox().className("Sandbox").build());
    assertThat(after.newText()).isEqualTo(renamed.newText());
  }

  @Test
  void bindingsThatDifferBetweenScopesMustBeChosenExplicitly() {
    String toml = HAND_WRITTEN + """

        [[env.staging.containers]]
        class_name = "Sandbox"
        name = "media-sandbox-staging"
        image = "registry.cloudflare.com/acme/sandbox:1.0"

        [[env.staging.durable_objects.bindings]]
        name = "STAGING_SANDBOX"
        class_name = "Sandbox"
        """;
    ReconcileOutcome differ = run(
        toml,
        List.of("staging"),
        Set.of(),
        sandbox().className("Sandbox").adopt().build());
    assertThat(codes(differ)).containsExactly("CFC118");
    Diagnostic d = differ.diagnostics().get(0);
    assertThat(d.location().line()).isEqualTo(9);
    assertThat(d.message())
        .contains("MY_CONTAINER (top level, line 8)", "STAGING_SANDBOX (env staging, line 21)");
    assertThat(d.hint()).contains(".binding(\"MY_CONTAINER\")");
    assertThat(differ.newText()).isEqualTo(toml);

    ReconcileOutcome chosen = run(
        toml,
        List.of("staging"),
        Set.of(),
        sandbox().className("Sandbox").binding("MY_CONTAINER").adopt().build());
    assertThat(chosen.diagnostics()).isEmpty();
    assertThat(chosen.newText()).isEqualTo(toml.replace("\"STAGING_SANDBOX\"", "\"MY_CONTAINER\""));
  }

  @Test
  void anExplicitBindingTakenByAHandWrittenOneIsLocatedAtTheDslCall() {
    String toml = HAND_WRITTEN;
    ContainerBuilder b = Container.define("worker").image(Image.registry(IMAGE));
    // spotless:off
    int line = nextLine();
    b.binding("MY_CONTAINER");
    // spotless:on
    ReconcileOutcome outcome = run(toml, List.of(), Set.of(), b.build());
    assertThat(codes(outcome)).containsExactly("CFC111");
    Diagnostic d = outcome.diagnostics().get(0);
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message())
        .contains("binding(\"MY_CONTAINER\")", "class Sandbox", "wrangler.toml:9");
    assertThat(outcome.newText()).isEqualTo(toml);
  }

  @Test
  void anExplicitClassOfAHandWrittenEntryIsLocatedAtTheDslCallUnlessAdopted() {
    ContainerBuilder b = sandbox();
    // spotless:off
    int line = nextLine();
    b.className("Sandbox");
    // spotless:on
    ReconcileOutcome outcome = run(HAND_WRITTEN, List.of(), Set.of(), b.build());
    assertThat(codes(outcome)).containsExactly("CFC102", "CFC102");
    assertThat(outcome.diagnostics())
        .allSatisfy(d -> assertThat(d.location().line()).isEqualTo(line));
    assertThat(outcome.diagnostics())
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m)
            .contains("className(\"Sandbox\")", "`containers` entry at wrangler.toml:3"));
    assertThat(outcome.diagnostics().get(0).hint()).contains("adopt()");
    assertThat(outcome.newText()).isEqualTo(HAND_WRITTEN);
  }

  @Test
  void aClassNamedInRenamedFromIsRenamedKeepingItsBindingAndApplication() {
    ReconcileOutcome outcome = run(
        HAND_WRITTEN,
        List.of(),
        Set.of("Sandbox"),
        sandbox().className("Box").renamedFrom("Sandbox").build());
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText())
        .contains("class_name = \"Box\"\nname = \"media-sandbox\"")
        .contains("name = \"MY_CONTAINER\"\nclass_name = \"Box\"")
        .contains("new_sqlite_classes = [\"Sandbox\"]")
        .endsWith("""
            [[migrations]]
            tag = "v2"
            renamed_classes = [{ from = "Sandbox", to = "Box" }]
            """);
    assertThat(outcome.managedClasses()).containsExactly("Box");
  }

  @Test
  void aNewClassNameWithoutAKnownPreviousClassIsNeverASilentDelete() {
    ReconcileOutcome outcome = run(
        HAND_WRITTEN, List.of(), Set.of("Sandbox"), sandbox().className("Box").build());
    assertThat(codes(outcome)).contains("CFC103");
    Diagnostic d = outcome.diagnostics().stream()
        .filter(x -> x.code().equals("CFC103"))
        .findFirst()
        .orElseThrow();
    assertThat(d.hint()).contains("renamedFrom(\"Sandbox\")");
    assertThat(outcome.newText()).isEqualTo(HAND_WRITTEN);
  }

  @Test
  void aClassNameAddedToADerivedManagedClassIsARename() {
    String derived = HAND_WRITTEN
        .replace("\"Sandbox\"", "\"SandboxContainer\"")
        .replace("MY_CONTAINER", "CONTAINER_SANDBOX");
    ReconcileOutcome outcome = run(
        derived,
        List.of(),
        Set.of("SandboxContainer"),
        sandbox().className("Sandbox").build());
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText())
        .contains("renamed_classes = [{ from = \"SandboxContainer\", to = \"Sandbox\" }]");
    assertThat(outcome.bindings()).isEqualTo(Map.of("sandbox", "CONTAINER_SANDBOX"));
    // A fresh definition with a class name is created, not renamed.
    ReconcileOutcome fresh = run(
        "name = \"media\"\n",
        List.of(),
        Set.of(),
        sandbox().className("Sandbox").build());
    assertThat(fresh.diagnostics()).isEmpty();
    assertThat(fresh.newText())
        .contains("new_sqlite_classes = [\"Sandbox\"]")
        .doesNotContain("renamed_classes");
  }
}

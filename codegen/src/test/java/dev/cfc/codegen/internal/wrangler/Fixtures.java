package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders for engine-level tests. */
final class Fixtures {

  private Fixtures() {}

  static DesiredContainer container(
      String definition, Map<String, LinkedHashMap<String, Object>> byScope) {
    return container(definition, null, false, byScope);
  }

  static DesiredContainer container(
      String definition,
      String renamedFrom,
      boolean adopt,
      Map<String, LinkedHashMap<String, Object>> byScope) {
    Map<String, ContainerEntry> scopes = new LinkedHashMap<>();
    byScope.forEach((scope, fields) -> scopes.put(scope, new ContainerEntry(fields)));
    return new DesiredContainer(
        definition,
        GoldenCase.className(definition),
        GoldenCase.bindingName(definition),
        renamedFrom,
        null,
        adopt,
        false,
        new Diagnostic.Location("cfc/App.java", 1, 1),
        scopes);
  }

  /**
   * A definition that adopts a hand-written entry named the user's way (class {@code Sandbox},
   * binding {@code MY_SANDBOX}, not {@code <Name>Container} / {@code CONTAINER_<NAME>}), as
   * {@code className(...)}, {@code binding(...)} and {@code adopt()} declare it.
   */
  static DesiredContainer foreign(Map<String, LinkedHashMap<String, Object>> byScope) {
    Map<String, ContainerEntry> scopes = new LinkedHashMap<>();
    byScope.forEach((scope, fields) -> scopes.put(scope, new ContainerEntry(fields)));
    Diagnostic.Location at = new Diagnostic.Location("cfc/App.java", 40, 9);
    return new DesiredContainer(
        "sandbox", FOREIGN_CLASS, FOREIGN_BINDING, null, null, true, false, at, scopes, at, at);
  }

  /** The class of {@link #foreign}. */
  static final String FOREIGN_CLASS = "Sandbox";

  /** The binding of {@link #foreign}. */
  static final String FOREIGN_BINDING = "MY_SANDBOX";

  /** A container with the same fields in the top level only. */
  static DesiredContainer simple(String definition, Object... keyValues) {
    LinkedHashMap<String, Object> fields = fields(keyValues);
    return container(definition, Map.of("", fields));
  }

  static LinkedHashMap<String, Object> fields(Object... keyValues) {
    LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put((String) keyValues[i], keyValues[i + 1]);
    }
    return fields;
  }

  static DesiredState state(DesiredContainer... containers) {
    return new DesiredState(List.of(containers), List.of(), false, false);
  }

  static ReconcileOutcome reconcile(String toml, DesiredState desired, String... managed) {
    return WranglerReconciler.reconcile(
        new ConfigSource(Path.of("wrangler.toml"), toml), desired, Set.of(managed));
  }

  static List<String> codes(ReconcileOutcome outcome) {
    return outcome.diagnostics().stream().map(Diagnostic::code).toList();
  }
}

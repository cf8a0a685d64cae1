package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class and binding names the config already has, which are the user's: Worker code reads
 * {@code env.<binding>}, so a binding renamed behind its back breaks it, and a class that
 * disappears loses its data. So, before planning:
 *
 * <ul>
 *   <li>a definition that cfc managed under its derived class ({@code SandboxContainer}) and that
 *       now sets {@code className("Sandbox")} is a rename from the derived class, as if it said
 *       {@code renamedFrom("SandboxContainer")}; the lock says which classes cfc managed;</li>
 *   <li>without {@code binding(...)}, a definition keeps the binding name the config has for its
 *       class (or for the class it is renamed from, unless that binding is the one cfc derives for
 *       the old class). The name must be the same in every scope: the generated {@code Env}
 *       has one member per class ({@code CFC118}).</li>
 * </ul>
 */
final class KeptNames {

  private KeptNames() {}

  /** The desired state with kept names, and the findings about them. */
  record Result(DesiredState desired, List<Diagnostic> diagnostics) {
    Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  static Result resolve(DesiredState desired, ConfigDocument doc, Set<String> previouslyManaged) {
    List<Diagnostic> found = new ArrayList<>();
    List<DesiredContainer> containers = new ArrayList<>();
    for (DesiredContainer d : desired.containers()) {
      DesiredContainer kept = implicitRename(d, desired, previouslyManaged);
      if (kept.bindingAt() == null) {
        kept = keptBinding(kept, desired, doc, found);
      }
      containers.add(kept);
    }
    return new Result(
        new DesiredState(
            containers, desired.environments(), desired.allowDestroy(), desired.adoptAll()),
        found);
  }

  /** Definition name → binding, as the generated {@code Env} must type it. */
  static Map<String, String> bindings(DesiredState desired) {
    Map<String, String> out = new LinkedHashMap<>();
    desired.containers().forEach(d -> out.put(d.definitionName(), d.bindingName()));
    return out;
  }

  private static DesiredContainer implicitRename(
      DesiredContainer d, DesiredState desired, Set<String> previouslyManaged) {
    String derived = Names.className(d.definitionName());
    if (d.renamedFromClass() != null
        || d.className().equals(derived)
        || !previouslyManaged.contains(derived)
        || previouslyManaged.contains(d.className())
        || desired.containers().stream().anyMatch(o -> o.className().equals(derived))) {
      return d;
    }
    return d.withRenameFrom(derived, Names.bindingName(d.definitionName()));
  }

  private static DesiredContainer keptBinding(
      DesiredContainer d, DesiredState desired, ConfigDocument doc, List<Diagnostic> found) {
    Map<String, DocEntry> byName = new LinkedHashMap<>();
    for (String scope : desired.scopes()) {
      DocArray bindings = doc.array(scope, ArrayKind.BINDINGS);
      DocEntry own = bindings.entryOf(d.className());
      DocEntry existing =
          own != null || !d.isRenamed() ? own : bindings.entryOf(d.renamedFromClass());
      if (existing != null
          && existing.values().get("name") instanceof String name
          && (existing == own || !name.equals(derivedBinding(d.renamedFromClass())))) {
        byName.putIfAbsent(name, existing);
      }
    }
    if (byName.size() > 1) {
      List<String> seen = new ArrayList<>();
      byName.forEach((name, e) -> seen.add(name + " (" + ConfigDocument.describeScope(e.scope())
          + ", line " + e.at().line() + ")"));
      DocEntry first = byName.values().iterator().next();
      found.add(Diagnostic.error(
          WranglerCodes.BINDING_NAMES_DIFFER,
          first.locationOf("name"),
          "class " + d.className() + " is bound under different names: " + String.join(", ", seen)
              + "; the generated Env has one binding per class",
          "choose one with .binding(\"" + byName.keySet().iterator().next()
              + "\") on definition '" + d.definitionName() + "'; cfc then renames the others"
              + " (update the Worker code that reads them)"));
      return d;
    }
    return byName.isEmpty() ? d : d.withBinding(byName.keySet().iterator().next());
  }

  /**
   * The binding cfc derives for a class it derived too ({@code OldContainer} →
   * {@code CONTAINER_OLD}): a rename moves such a binding to the new derived name, while any
   * other name was chosen by someone and stays.
   */
  private static String derivedBinding(String className) {
    return Names.bindingName(ReconcilePlanner.definitionNameOf(className));
  }
}

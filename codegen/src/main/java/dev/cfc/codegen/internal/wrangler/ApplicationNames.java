package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the container application {@code name} of entries that exist. Cloudflare knows a
 * container application by that name: a different one on an existing entry makes
 * {@code wrangler deploy} create a new application and leave the old one deployed. So a
 * definition that takes over a hand-written entry ({@code adopt}) or renames its class
 * ({@code renamedFrom}) keeps the entry's name, or the one wrangler derives when it has none
 * ({@code <worker>-<class_name>[-<env>]}, lower-cased); only a name the definition sets itself
 * ({@code containerName}) replaces it. New entries get cfc's derived name.
 */
final class ApplicationNames {

  private ApplicationNames() {}

  /** The desired state with each existing entry's application name kept. */
  static DesiredState kept(DesiredState desired, ConfigDocument doc) {
    String worker = doc.facts().workerName();
    List<DesiredContainer> containers = new ArrayList<>();
    boolean changed = false;
    for (DesiredContainer d : desired.containers()) {
      if (d.explicitName()) {
        containers.add(d);
        continue;
      }
      Map<String, ContainerEntry> scopes = new LinkedHashMap<>();
      boolean kept = false;
      for (Map.Entry<String, ContainerEntry> scope : d.entriesByScope().entrySet()) {
        LinkedHashMap<String, Object> fields = scope.getValue().fields();
        String existing = fields.containsKey("name")
            ? existingName(doc, scope.getKey(), d, worker) : null;
        if (existing != null && !existing.equals(fields.get("name"))) {
          fields.put("name", existing);
          kept = true;
        }
        scopes.put(scope.getKey(), new ContainerEntry(fields));
      }
      changed |= kept;
      containers.add(kept ? d.withEntries(scopes) : d);
    }
    return changed ? new DesiredState(containers, desired.environments(),
        desired.allowDestroy(), desired.adoptAll()) : desired;
  }

  /** The application name of the entry in {@code scope} this definition owns, or null. */
  private static String existingName(ConfigDocument doc, String scope, DesiredContainer d,
      String worker) {
    DocArray array = doc.array(scope, ArrayKind.CONTAINERS);
    if (array.state() != DocArray.State.PRESENT) {
      return null;
    }
    for (DocEntry e : array.entries()) {
      String c = e.className();
      if (c == null || !c.equals(d.className()) && !(d.isRenamed()
          && c.equals(d.renamedFromClass()))) {
        continue;
      }
      if (e.values().get("name") instanceof String name) {
        return name;
      }
      if (worker == null) {
        return null;
      }
      // wrangler's own default, from its config normalisation
      return (worker + "-" + c + (scope.isEmpty() ? "" : "-" + scope))
          .toLowerCase(Locale.ROOT).replace(' ', '-');
    }
    return null;
  }
}

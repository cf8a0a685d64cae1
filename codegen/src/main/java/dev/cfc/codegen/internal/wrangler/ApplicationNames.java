package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The container application {@code name} of every entry. Cloudflare knows a container
 * application by that name: a different one on an existing entry makes {@code wrangler deploy}
 * create a new application and leave the old one running, and two classes with one name share
 * one application. So:
 *
 * <ul>
 *   <li>an entry that exists keeps the name it was deployed under ({@link #deployed}): its
 *       explicit {@code name}, or, when it has none, none, so that wrangler derives the same name
 *       again (cfc checks that name like any other); only a name the definition sets
 *       itself ({@code containerName}) replaces it. An entry of the definition's own class wins
 *       over the entry of the class it was renamed from. The one exception is a name Docker
 *       refuses as a repository on an entry wrangler builds an image for: such an entry can
 *       never have been deployed, so it gets cfc's name for new entries;</li>
 *   <li>new entries get {@link Names#applicationName};</li>
 *   <li>no two entries of different classes, in any scope, may end with one name when cfc
 *       manages either of them ({@code CFC115}).</li>
 * </ul>
 */
final class ApplicationNames {

  private ApplicationNames() {}

  /**
   * The desired state with the names of existing entries kept, and the duplicate names it would
   * write.
   */
  record Result(DesiredState desired, List<Diagnostic> diagnostics) {
    Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  static Result resolve(DesiredState desired, ConfigDocument doc) {
    DesiredState kept = kept(desired, doc);
    return new Result(kept, duplicates(kept, doc));
  }

  private static DesiredState kept(DesiredState desired, ConfigDocument doc) {
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
        DocEntry existing =
            fields.containsKey("name") ? existingEntry(doc, scope.getKey(), d) : null;
        String name = existing == null ? null : deployed(doc, existing);
        boolean neverDeployed =
            name != null && !Names.isRepositoryName(name) && buildsImage(fields);
        if (name != null
            && !neverDeployed
            && !existing.values().containsKey("name")
            && d.className().equals(existing.className())) {
          // wrangler derives this name from the class on every deploy: writing it out would be
          // a diff that deploys nothing new (a renamed class must write the old name out)
          fields.remove("name");
          kept = true;
        } else if (name != null && !neverDeployed && !name.equals(fields.get("name"))) {
          fields.put("name", name);
          kept = true;
        }
        scopes.put(scope.getKey(), new ContainerEntry(fields));
      }
      changed |= kept;
      containers.add(kept ? d.withEntries(scopes) : d);
    }
    return changed
        ? new DesiredState(
            containers, desired.environments(), desired.allowDestroy(), desired.adoptAll())
        : desired;
  }

  /** The entry of the definition's class in {@code scope}, else that of its former class. */
  private static DocEntry existingEntry(ConfigDocument doc, String scope, DesiredContainer d) {
    DocArray array = doc.array(scope, ArrayKind.CONTAINERS);
    DocEntry own = array.entryOf(d.className());
    return own != null || !d.isRenamed() ? own : array.entryOf(d.renamedFromClass());
  }

  /** A Dockerfile image (a path, as cfc writes it), which wrangler builds and tags by name. */
  private static boolean buildsImage(Map<String, Object> fields) {
    return fields.get("image") instanceof String image && image.startsWith(".");
  }

  /**
   * The application name wrangler deploys an existing entry under: its {@code name}, or, when
   * it has none, {@code <worker>-<class_name>} plus {@code -<env>} inside an environment, lower
   * case with spaces as dashes (wrangler's config normalisation). Inside an environment the
   * worker is the environment's own {@code name} (wrangler 4.86 reads the environment's raw
   * {@code name} there), else the name wrangler gives the environment's Worker,
   * {@code <top-level name>-<env>}. Null when it cannot be known (no worker name).
   */
  static String deployed(ConfigDocument doc, DocEntry entry) {
    if (entry.values().get("name") instanceof String name) {
      return name;
    }
    String worker = workerName(doc, entry.scope());
    if (worker == null || entry.className() == null) {
      return null;
    }
    String env = entry.scope();
    return (worker + "-" + entry.className() + (env.isEmpty() ? "" : "-" + env))
        .toLowerCase(Locale.ROOT)
        .replace(' ', '-');
  }

  private static String workerName(ConfigDocument doc, String scope) {
    String top = doc.value(List.of("name")) instanceof String name ? name : null;
    if (scope.isEmpty()) {
      return top;
    }
    if (doc.value(ConfigDocument.pathIn(scope, "name")) instanceof String own) {
      return own;
    }
    return top == null ? null : top + "-" + scope;
  }

  /** One holder of an application name, for the duplicate check. */
  private record Holder(String className, String scope, boolean managed, Diagnostic.Location at) {
    String describe() {
      return className + " (" + ConfigDocument.describeScope(scope) + ")";
    }
  }

  private static List<Diagnostic> duplicates(DesiredState desired, ConfigDocument doc) {
    Set<String> owned = new java.util.HashSet<>();
    for (DesiredContainer d : desired.containers()) {
      owned.add(d.className());
      if (d.isRenamed()) {
        owned.add(d.renamedFromClass());
      }
    }
    List<String> maintained = desired.scopes();
    Map<String, Holder> byName = new LinkedHashMap<>();
    List<Diagnostic> found = new ArrayList<>();
    for (DesiredContainer d : desired.containers()) {
      d.entriesByScope().forEach((scope, entry) -> {
        DocEntry existing =
            entry.fields().containsKey("name") ? null : existingEntry(doc, scope, d);
        String name = entry.fields().get("name") instanceof String own
            ? own
            : existing == null ? null : deployed(doc, existing);
        if (name != null) {
          claim(byName, found, name, new Holder(d.className(), scope, true, d.definedAt()));
        }
      });
    }
    for (String scope : doc.scopes()) {
      for (DocEntry e : doc.array(scope, ArrayKind.CONTAINERS).entries()) {
        if (e.className() == null || maintained.contains(scope) && owned.contains(e.className())) {
          continue;
        }
        String name = deployed(doc, e);
        if (name != null) {
          claim(byName, found, name, new Holder(e.className(), scope, false, e.locationOf("name")));
        }
      }
    }
    return found;
  }

  private static void claim(
      Map<String, Holder> byName, List<Diagnostic> found, String name, Holder holder) {
    Holder earlier = byName.putIfAbsent(name, holder);
    if (earlier == null
        || earlier.className().equals(holder.className())
        || !earlier.managed() && !holder.managed()) {
      return;
    }
    Holder at = holder.managed() ? holder : earlier;
    Holder other = at == holder ? earlier : holder;
    found.add(Diagnostic.error(
        WranglerCodes.DUPLICATE_APPLICATION_NAME,
        at.at(),
        "container application name \"" + name
            + "\" is used by both " + at.describe() + " and " + other.describe()
            + "; two classes would share one application",
        "give " + at.className() + " a name of its own with .containerName(\"…\")"));
  }
}

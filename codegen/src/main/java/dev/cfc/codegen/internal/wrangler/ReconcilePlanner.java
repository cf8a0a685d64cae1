package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.ConfigChanges;
import dev.cfc.codegen.ConfigChanges.ContainerChange;
import dev.cfc.codegen.ConfigChanges.FieldChange;
import dev.cfc.codegen.ConfigChanges.Kind;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.EditPlan.AddEntry;
import dev.cfc.codegen.internal.wrangler.EditPlan.After;
import dev.cfc.codegen.internal.wrangler.EditPlan.Anchor;
import dev.cfc.codegen.internal.wrangler.EditPlan.AtEnd;
import dev.cfc.codegen.internal.wrangler.EditPlan.Before;
import dev.cfc.codegen.internal.wrangler.EditPlan.Edit;
import dev.cfc.codegen.internal.wrangler.EditPlan.FieldEdit;
import dev.cfc.codegen.internal.wrangler.EditPlan.RemoveEntry;
import dev.cfc.codegen.internal.wrangler.EditPlan.RemoveField;
import dev.cfc.codegen.internal.wrangler.EditPlan.SetField;
import dev.cfc.codegen.internal.wrangler.EditPlan.UpdateEntry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, without any syntax, what to change in a wrangler config: which entries are cfc's,
 * which fields to set or drop, where new entries go (DSL order next to existing managed ones),
 * what to prune, and which migration to append. Backends only carry the plan out.
 */
final class ReconcilePlanner {

  /**
   * The decision.
   *
   * @param plan the edits (empty when there are errors)
   * @param diagnostics findings; any error means nothing is written
   * @param summary counts for the summary line
   * @param managedClasses classes cfc manages after this run
   * @param ownership which entries are cfc's, for checking the edit
   */
  record Result(
      EditPlan plan,
      List<Diagnostic> diagnostics,
      ChangeSummary summary,
      Set<String> managedClasses,
      Ownership ownership) {}

  private final ConfigDocument doc;
  private final DesiredState desired;
  /** The keys cfc writes into a Durable Object binding. */
  static final Set<String> BINDING_KEYS = Set.of("name", "class_name");

  private final Set<String> previouslyManaged;
  private final WrittenKeys written;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Edit> edits = new ArrayList<>();
  private int containersAdded;
  private int containersRemoved;
  private int bindingsAdded;
  private int bindingsRemoved;
  private int fieldsChanged;
  /** Container changes per scope, in planning order, for {@link ConfigChanges}. */
  private final Map<String, List<ContainerChange>> containerChanges = new LinkedHashMap<>();

  private ConfigChanges.Migration migration;

  private ReconcilePlanner(
      ConfigDocument doc,
      DesiredState desired,
      Set<String> previouslyManaged,
      WrittenKeys written) {
    this.written = written;
    this.doc = doc;
    this.desired = desired;
    this.previouslyManaged = new LinkedHashSet<>(previouslyManaged);
  }

  static Result plan(
      ConfigDocument doc,
      DesiredState desired,
      Set<String> previouslyManaged,
      WrittenKeys written) {
    return new ReconcilePlanner(doc, desired, previouslyManaged, written).run();
  }

  private Result run() {
    String file = doc.source().displayName();
    for (Diagnostic.Location at : doc.exportsAt()) {
      diagnostics.add(Diagnostic.error(
          WranglerCodes.EXPORTS_UNSUPPORTED,
          at,
          "the config uses an `exports` map, which cfc does not support",
          "cfc records Durable Object classes in the migrations list; the two cannot be"
              + " combined. Declare the classes in migrations instead of exports"));
    }

    DocArray migrations = doc.array("", ArrayKind.MIGRATIONS);
    if (migrations.state() == DocArray.State.INVALID) {
      diagnostics.add(Diagnostic.error(
          WranglerCodes.UNSUPPORTED_LAYOUT,
          migrations.at(),
          "`migrations` is not a list of entries",
          doc.source().isJson()
              ? "write migrations as an array of objects"
              : "write each migration as a [[migrations]] table"));
    }
    Set<String> containerClasses = new LinkedHashSet<>(previouslyManaged);
    for (DesiredContainer d : desired.containers()) {
      containerClasses.add(d.className());
      if (d.isRenamed()) {
        containerClasses.add(d.renamedFromClass());
      }
    }
    MigrationHistory history = MigrationHistory.replay(migrations, containerClasses);
    diagnostics.addAll(history.diagnostics());
    Set<String> alive = history.alive();
    Ownership ownership = new Ownership(desired, previouslyManaged, alive);

    checkRemovalsAndHistory(ownership, alive);
    checkAdoptions(alive);

    for (String scope : desired.scopes()) {
      planArray(scope, ArrayKind.CONTAINERS, ownership, d -> containerFields(d, scope));
      planArray(scope, ArrayKind.BINDINGS, ownership, ReconcilePlanner::bindingFields);
    }
    if (desired.allowDestroy()) {
      for (String env : doc.environmentNames()) {
        if (!desired.environments().contains(env)) {
          pruneOnly(env, ArrayKind.CONTAINERS, ownership);
          pruneOnly(env, ArrayKind.BINDINGS, ownership);
        }
      }
    }

    List<String> tags = planMigration(ownership, history);

    boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    if (errors) {
      return new Result(
          new EditPlan(List.of()), sorted, ChangeSummary.none(file), previouslyManaged, ownership);
    }
    Set<String> managed = new LinkedHashSet<>();
    desired.containers().forEach(d -> managed.add(d.className()));
    List<ConfigChanges.ScopeChanges> scopes = new ArrayList<>();
    containerChanges.forEach(
        (scope, changes) -> scopes.add(new ConfigChanges.ScopeChanges(scope, changes)));
    ChangeSummary summary = new ChangeSummary(
        file,
        containersAdded,
        containersRemoved,
        fieldsChanged,
        bindingsAdded,
        bindingsRemoved,
        tags,
        new ConfigChanges(file, scopes, migration == null ? List.of() : List.of(migration)));
    return new Result(new EditPlan(edits), sorted, summary, managed, ownership);
  }

  /** The definition name a class was derived from: {@code WorkerContainer} → {@code worker}. */
  static String definitionNameOf(String className) {
    String base = className.endsWith("Container") && className.length() > "Container".length()
        ? className.substring(0, className.length() - "Container".length())
        : className;
    return Character.toLowerCase(base.charAt(0)) + base.substring(1);
  }

  /**
   * What {@code renamedFrom} takes to name {@code className}: the definition it was derived from,
   * or the class itself when it was not derived.
   */
  static String renamedFromArgument(String className) {
    return className.endsWith("Container") && className.length() > "Container".length()
        ? definitionNameOf(className)
        : className;
  }

  private void checkRemovalsAndHistory(Ownership ownership, Set<String> alive) {
    for (String c : ownership.removed()) {
      if (!desired.allowDestroy()) {
        diagnostics.add(Diagnostic.error(
            WranglerCodes.DESTROY_REFUSED,
            locate(c),
            "container class " + c + " has no definition any more; removing it deletes the"
                + " Durable Object class and all of its data",
            "run with --allow-destroy to prune its entries and append a deleted_classes"
                + " migration, restore the definition, or, if it was renamed, use renamedFrom(\""
                + renamedFromArgument(c) + "\") on the new definition"));
      }
    }
    for (String c : previouslyManaged) {
      if (ownership.removed().contains(c) || alive.contains(c)) {
        continue;
      }
      boolean renameDone = desired.containers().stream()
          .anyMatch(d ->
              d.isRenamed() && d.renamedFromClass().equals(c) && alive.contains(d.className()));
      if (!renameDone) {
        diagnostics.add(Diagnostic.error(
            WranglerCodes.MISSING_FROM_HISTORY,
            locate(c),
            "class " + c + " is managed by cfc but no migration creates it",
            "restore the migrations entry that created " + c
                + "; migrations are append-only history"));
      }
    }
  }

  private void planArray(
      String scope,
      ArrayKind kind,
      Ownership ownership,
      Function<DesiredContainer, LinkedHashMap<String, Object>> fieldsOf) {
    DocArray array = doc.array(scope, kind);
    if (array.state() == DocArray.State.INVALID) {
      diagnostics.add(Diagnostic.error(
          WranglerCodes.UNSUPPORTED_LAYOUT,
          array.at(),
          "`" + kind.describe(scope) + "` is not an array of tables",
          doc.source().isJson()
              ? "write " + kind.describe(scope) + " as an array of objects"
              : "write each element as a [[" + kind.describe(scope) + "]] table"));
      return;
    }
    Map<DesiredContainer, DocEntry> matched = new IdentityHashMap<>();
    for (DocEntry e : array.entries()) {
      String c = e.className();
      DesiredContainer owner = ownership.owner(c);
      if (owner != null) {
        if (!ownership.mayManage(owner, c)
            && owner.classAt() != null
            && c.equals(owner.className())) {
          // The user chose the class: point at their call, and name the entry it meets.
          diagnostics.add(Diagnostic.error(
              WranglerCodes.CLASH,
              owner.classAt(),
              "className(\"" + c + "\") of definition '" + owner.definitionName() + "' is the"
                  + " class of the hand-written `" + kind.describe(scope) + "` entry at "
                  + e.at().render(),
              "call adopt() on the definition '" + owner.definitionName()
                  + "' or run with --adopt to let cfc manage this entry, or choose another"
                  + " className"));
        } else if (!ownership.mayManage(owner, c)) {
          diagnostics.add(Diagnostic.error(
              WranglerCodes.CLASH,
              e.at(),
              "hand-written `" + kind.describe(scope) + "` entry for class " + c + " at line "
                  + e.at().line() + " clashes with definition '" + owner.definitionName() + "'",
              "call adopt() on the definition '" + owner.definitionName()
                  + "' or run with --adopt to let cfc manage this entry"));
        } else if (matched.containsKey(owner)) {
          diagnostics.add(Diagnostic.error(
              WranglerCodes.DUPLICATE_ENTRY,
              e.at(),
              "class " + c + " has a second `" + kind.describe(scope) + "` entry (first at line "
                  + matched.get(owner).at().line() + ")",
              "delete one of the two entries"));
        } else {
          matched.put(owner, e);
        }
      } else if (c != null && ownership.removed().contains(c)) {
        if (desired.allowDestroy()) {
          remove(e);
        }
      } else if (kind == ArrayKind.BINDINGS) {
        Object name = e.values().get("name");
        for (DesiredContainer d : desired.containers()) {
          if (d.bindingName().equals(name) && d.bindingAt() != null) {
            // The user chose the name: point at their call, and name the line it clashes with.
            diagnostics.add(Diagnostic.error(
                WranglerCodes.BINDING_NAME_TAKEN,
                d.bindingAt(),
                "binding(\"" + name + "\") of definition '" + d.definitionName() + "' is already"
                    + " used for class " + c + " at " + e.locationOf("name").render(),
                "choose another binding name, or rename the hand-written binding"));
          } else if (d.bindingName().equals(name)) {
            diagnostics.add(Diagnostic.error(
                WranglerCodes.BINDING_NAME_TAKEN,
                e.locationOf("name"),
                "binding " + name + " is already used for class " + c + ", but definition '"
                    + d.definitionName() + "' needs it for " + d.className(),
                "rename the hand-written binding, or give the definition another one with"
                    + " .binding(\"…\")"));
          }
        }
      }
    }
    List<DesiredContainer> defs = desired.containers();
    Anchor[] anchors = anchors(defs, matched);
    for (int i = 0; i < defs.size(); i++) {
      DesiredContainer d = defs.get(i);
      LinkedHashMap<String, Object> want = fieldsOf.apply(d);
      DocEntry existing = matched.get(d);
      if (existing != null) {
        List<FieldEdit> changes = diff(existing, want, removableKeys(scope, kind, existing));
        if (!changes.isEmpty()) {
          edits.add(new UpdateEntry(existing, changes));
          fieldsChanged += changes.size();
        }
        if (kind == ArrayKind.CONTAINERS) {
          noteUpdate(scope, existing, d, changes);
        }
      } else {
        edits.add(new AddEntry(
            scope, kind, inNeighbourOrder(want, neighbour(scope, kind, anchors[i])), anchors[i]));
        if (kind == ArrayKind.CONTAINERS) {
          note(scope, new ContainerChange(Kind.CREATED, d.className(), null, List.of()));
          containersAdded++;
        } else {
          bindingsAdded++;
        }
      }
    }
  }

  /**
   * Records what happens to an existing entry a definition owns: a hand-written one is adopted,
   * one of the old class is renamed, a managed one changes only when a field does.
   */
  private void noteUpdate(
      String scope, DocEntry existing, DesiredContainer d, List<FieldEdit> changes) {
    String c = existing.className();
    Kind kind = !previouslyManaged.contains(c)
        ? Kind.ADOPTED
        : !c.equals(d.className()) ? Kind.RENAMED : Kind.CHANGED;
    List<FieldChange> fields = new ArrayList<>();
    for (FieldEdit edit : changes) {
      if (edit.key().equals("class_name")) {
        continue; // the class is the change's identity, shown as a rename
      }
      Object before = existing.values().get(edit.key());
      fields.add(new FieldChange(
          edit.key(),
          before == null ? null : Values.display(before),
          edit instanceof SetField set ? Values.display(set.value()) : null));
    }
    if (kind != Kind.CHANGED || !fields.isEmpty()) {
      note(
          scope, new ContainerChange(kind, d.className(), kind == Kind.RENAMED ? c : null, fields));
    }
  }

  private void note(String scope, ContainerChange change) {
    containerChanges.computeIfAbsent(scope, s -> new ArrayList<>()).add(change);
  }

  private void pruneOnly(String scope, ArrayKind kind, Ownership ownership) {
    DocArray array = doc.array(scope, kind);
    for (DocEntry e : array.entries()) {
      if (e.className() != null && ownership.removed().contains(e.className())) {
        remove(e);
      }
    }
  }

  private void remove(DocEntry e) {
    edits.add(new RemoveEntry(e));
    if (e.kind() == ArrayKind.CONTAINERS) {
      note(e.scope(), new ContainerChange(Kind.DESTROYED, e.className(), null, List.of()));
      containersRemoved++;
    } else {
      bindingsRemoved++;
    }
  }

  /**
   * A new entry goes right after the nearest earlier definition (DSL order) that already has an
   * entry, else right before the nearest later one, else after the array's last element.
   */
  private static Anchor[] anchors(
      List<DesiredContainer> defs, Map<DesiredContainer, DocEntry> matched) {
    // Two passes instead of a search per definition: adding N entries stays linear in N.
    int n = defs.size();
    DocEntry[] later = new DocEntry[n];
    DocEntry next = null;
    for (int i = n - 1; i >= 0; i--) {
      later[i] = next;
      DocEntry e = matched.get(defs.get(i));
      if (e != null) {
        next = e;
      }
    }
    Anchor[] anchors = new Anchor[n];
    DocEntry previous = null;
    for (int i = 0; i < n; i++) {
      anchors[i] = previous != null
          ? new After(previous)
          : later[i] != null ? new Before(later[i]) : new AtEnd();
      DocEntry e = matched.get(defs.get(i));
      if (e != null) {
        previous = e;
      }
    }
    return anchors;
  }

  /**
   * The entry a new one is laid out like: the one it is written next to, else the last of its
   * array, else the first of the same kind in another scope; {@code null} when there is none.
   */
  private DocEntry neighbour(String scope, ArrayKind kind, Anchor anchor) {
    if (anchor instanceof After after) {
      return after.entry();
    }
    if (anchor instanceof Before before) {
      return before.entry();
    }
    List<DocEntry> own = doc.array(scope, kind).entries();
    if (!own.isEmpty()) {
      return own.get(own.size() - 1);
    }
    for (String other : doc.scopes()) {
      List<DocEntry> entries = doc.array(other, kind).entries();
      if (!entries.isEmpty()) {
        return entries.get(0);
      }
    }
    return null;
  }

  /**
   * {@code fields} in the key order of {@code neighbour}, so that a new entry reads like the
   * entries around it (a file that writes {@code image} before {@code class_name} gets new
   * entries that way too): the keys the neighbour has in its order, each other key right after
   * the key cfc writes before it.
   */
  static LinkedHashMap<String, Object> inNeighbourOrder(
      LinkedHashMap<String, Object> fields, DocEntry neighbour) {
    if (neighbour == null) {
      return fields;
    }
    List<String> keys = new ArrayList<>();
    neighbour.keyAt().entrySet().stream()
        .sorted(java.util.Comparator.comparingInt(
                (Map.Entry<String, Diagnostic.Location> e) -> e.getValue().line())
            .thenComparingInt(e -> e.getValue().column()))
        .map(Map.Entry::getKey)
        .filter(fields::containsKey)
        .forEach(keys::add);
    String previous = null;
    for (String key : fields.keySet()) {
      if (!keys.contains(key)) {
        keys.add(previous == null ? 0 : keys.indexOf(previous) + 1, key);
      }
      previous = key;
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    keys.forEach(key -> out.put(key, fields.get(key)));
    return out;
  }

  /**
   * The keys of an existing entry cfc may remove: those it wrote before into a container entry,
   * and in a binding only the two it writes (a hand-written {@code script_name} stays).
   */
  private Set<String> removableKeys(String scope, ArrayKind kind, DocEntry existing) {
    if (kind == ArrayKind.BINDINGS) {
      return BINDING_KEYS;
    }
    String c = existing.className();
    return written.removable(scope, c, previouslyManaged.contains(c));
  }

  /**
   * The edits that make {@code existing} deploy as {@code want}. Minimal diff wins: a value that
   * deploys the same as the one written stays as written ({@link Values#equivalent}), a key left
   * out is not written when {@code want} is what wrangler deploys without it (its default), and
   * a key cfc may remove stays when it holds the default.
   */
  private List<FieldEdit> diff(
      DocEntry existing, LinkedHashMap<String, Object> want, Set<String> removable) {
    Map<String, Object> have = existing.values();
    Map<String, Object> after = new LinkedHashMap<>(have);
    after.putAll(want);
    List<FieldEdit> out = new ArrayList<>();
    want.forEach((k, wanted) -> {
      Object v = Values.keepingUnmodelled(k, have.get(k), wanted);
      boolean keep = have.containsKey(k)
          ? Values.equivalent(k, have.get(k), v)
          : existing.kind() == ArrayKind.CONTAINERS && Values.isDefault(k, v, after);
      if (!keep) {
        out.add(new SetField(k, v));
      }
    });
    for (String k : have.keySet()) {
      if (!want.containsKey(k)
          && removable.contains(k)
          && !(existing.kind() == ArrayKind.CONTAINERS
              && Values.isDefault(k, have.get(k), after))) {
        out.add(new RemoveField(k));
      }
    }
    return out;
  }

  /**
   * {@code adopt()} takes over an entry that exists; with nothing to take over it would silently
   * create a second class and a migration beside the entry the user meant, so it is an error that
   * names the entries cfc does not manage.
   */
  private void checkAdoptions(Set<String> alive) {
    Set<String> owned = new LinkedHashSet<>(previouslyManaged);
    desired.containers().forEach(d -> owned.add(d.className()));
    List<String> scopes = doc.scopes();
    for (DesiredContainer d : desired.containers()) {
      if (!d.adopt()
          || alive.contains(d.className())
          || previouslyManaged.contains(d.className())
          || scopes.stream()
              .anyMatch(
                  scope -> doc.array(scope, ArrayKind.CONTAINERS).entryOf(d.className()) != null)) {
        continue;
      }
      Set<String> candidates = new LinkedHashSet<>();
      for (String scope : scopes) {
        for (DocEntry e : doc.array(scope, ArrayKind.CONTAINERS).entries()) {
          if (e.className() != null && !owned.contains(e.className())) {
            candidates.add("class " + e.className() + bindingOf(scope, e.className())
                + (e.values().get("image") instanceof String image ? ", image " + image : ""));
          }
        }
      }
      diagnostics.add(Diagnostic.error(
          WranglerCodes.NOTHING_TO_ADOPT,
          d.definedAt(),
          d.definitionName() + " calls adopt(), but " + doc.source().displayName()
              + " has no containers entry of class " + d.className() + " to take over",
          candidates.isEmpty()
              ? "remove adopt() to create a new container, or check the config cfc edits"
              : "entries cfc does not manage: " + String.join("; ", candidates)
                  + ". Set .className(\"…\") to the class you mean (or name the definition after"
                  + " it: its class is <Name>Container), or remove adopt() to create a new"
                  + " container"));
    }
  }

  private String bindingOf(String scope, String className) {
    DocEntry binding = doc.array(scope, ArrayKind.BINDINGS).entryOf(className);
    return binding != null && binding.values().get("name") instanceof String name
        ? ", binding " + name
        : "";
  }

  /**
   * A rename must name a class that exists and that the definition can take over: one that no
   * migration ever created would silently create a new, empty class instead, and one that still
   * exists beside the definition's own class belongs to something else (renaming onto it would
   * take its application name).
   */
  private void checkRename(DesiredContainer d, Set<String> alive) {
    if (!d.isRenamed()) {
      return;
    }
    String from = d.renamedFromClass();
    String fromName = renamedFromArgument(from);
    if (!alive.contains(d.className()) && !alive.contains(from)) {
      diagnostics.add(Diagnostic.error(
          WranglerCodes.RENAME_MATCHES_NOTHING,
          d.definedAt(),
          d.definitionName() + " is renamedFrom(\"" + fromName + "\"), but no migration in "
              + doc.source().displayName() + " creates " + from,
          "check the old name (the class it had is in new_sqlite_classes), or remove"
              + " renamedFrom to create a new, empty class"));
    } else if (alive.contains(d.className()) && alive.contains(from)) {
      diagnostics.add(Diagnostic.error(
          WranglerCodes.RENAME_MATCHES_NOTHING,
          d.definedAt(),
          d.definitionName() + " is renamedFrom(\"" + fromName + "\"), but both " + d.className()
              + " and " + from + " exist, so there is nothing to rename",
          "remove renamedFrom(\"" + fromName + "\"): " + from + " is another class"));
    }
  }

  private List<String> planMigration(Ownership ownership, MigrationHistory history) {
    Set<String> alive = history.alive();
    List<Object> created = new ArrayList<>();
    List<Object> renamed = new ArrayList<>();
    for (DesiredContainer d : desired.containers()) {
      checkRename(d, alive);
      if (alive.contains(d.className())) {
        continue;
      }
      if (d.isRenamed() && alive.contains(d.renamedFromClass())) {
        LinkedHashMap<String, Object> r = new LinkedHashMap<>();
        r.put("from", d.renamedFromClass());
        r.put("to", d.className());
        renamed.add(r);
      } else {
        created.add(d.className());
      }
    }
    List<Object> deleted = new ArrayList<>();
    if (desired.allowDestroy()) {
      for (String c : ownership.removed()) {
        if (alive.contains(c)) {
          deleted.add(c);
        }
      }
    }
    if (created.isEmpty() && renamed.isEmpty() && deleted.isEmpty()) {
      return List.of();
    }
    for (String env : desired.environments()) {
      Diagnostic.Location at = doc.environmentMigrationsAt(env);
      if (at != null) {
        diagnostics.add(Diagnostic.error(
            WranglerCodes.ENV_MIGRATIONS,
            at,
            "environment " + env + " declares its own `migrations`, which replace the top-level"
                + " ones, so the migration cfc appends would not apply there",
            "remove env." + env + ".migrations so the environment inherits the top-level history"));
      }
    }
    String tag = MigrationTags.next(history.tags());
    LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    fields.put("tag", tag);
    if (!created.isEmpty()) {
      fields.put("new_sqlite_classes", created);
    }
    if (!renamed.isEmpty()) {
      fields.put("renamed_classes", renamed);
    }
    if (!deleted.isEmpty()) {
      fields.put("deleted_classes", deleted);
    }
    edits.add(new AddEntry(
        "",
        ArrayKind.MIGRATIONS,
        inNeighbourOrder(fields, neighbour("", ArrayKind.MIGRATIONS, new AtEnd())),
        new AtEnd()));
    migration = new ConfigChanges.Migration(
        tag,
        created.stream().map(String::valueOf).toList(),
        renamed.stream()
            .map(r -> ((Map<?, ?>) r).values().stream().map(String::valueOf).toList())
            .toList(),
        deleted.stream().map(String::valueOf).toList());
    return List.of(tag);
  }

  static LinkedHashMap<String, Object> containerFields(DesiredContainer d, String scope) {
    LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    fields.put("class_name", d.className());
    Values.normalizeFields(d.entriesByScope().get(scope).fields()).forEach(fields::put);
    fields.put("class_name", d.className());
    return fields;
  }

  static LinkedHashMap<String, Object> bindingFields(DesiredContainer d) {
    LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", d.bindingName());
    fields.put("class_name", d.className());
    return fields;
  }

  /** The first place a class is written: a container entry, a binding, or the file. */
  private Diagnostic.Location locate(String className) {
    for (ArrayKind kind : List.of(ArrayKind.CONTAINERS, ArrayKind.BINDINGS)) {
      for (String scope : doc.scopes()) {
        for (DocEntry e : doc.array(scope, kind).entries()) {
          if (className.equals(e.className())) {
            return e.locationOf("class_name");
          }
        }
      }
    }
    return doc.file();
  }
}

package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.EditPlan.AddEntry;
import dev.cfc.codegen.internal.wrangler.EditPlan.After;
import dev.cfc.codegen.internal.wrangler.EditPlan.AtEnd;
import dev.cfc.codegen.internal.wrangler.EditPlan.Before;
import dev.cfc.codegen.internal.wrangler.EditPlan.FieldEdit;
import dev.cfc.codegen.internal.wrangler.EditPlan.RemoveEntry;
import dev.cfc.codegen.internal.wrangler.EditPlan.RemoveField;
import dev.cfc.codegen.internal.wrangler.EditPlan.SetField;
import dev.cfc.codegen.internal.wrangler.EditPlan.UpdateEntry;
import dev.cfc.codegen.internal.wrangler.JsoncContainerEdits.Change;
import dev.cfc.codegen.internal.wrangler.JsoncContainerEdits.Piece;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Arr;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Member;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Node;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Obj;
import dev.cfc.codegen.internal.wrangler.JsoncStyle.NewArray;
import dev.cfc.codegen.internal.wrangler.JsoncStyle.NewObject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wrangler.jsonc} and {@code wrangler.json}: parsed with Jackson (comments and trailing
 * commas allowed), edited as text at the token offsets.
 *
 * <p>Existing values are replaced in place (value text only); removed keys and entries lose their
 * lines; new keys go after an object's last key and new entries next to their anchor. A container
 * whose items each sit on their own lines gets new items as whole lines at the siblings'
 * indentation; any other container gets them inline after a sibling. Commas follow the container:
 * a trailing comma after the last item stays exactly when the container had one.
 */
final class JsoncBackend implements ConfigBackend {

  @Override
  public ConfigSource.Syntax syntax() {
    return ConfigSource.Syntax.JSONC;
  }

  @Override
  public Parsed parse(ConfigSource source) {
    return JsoncDocument.parse(source);
  }

  @Override
  public Emitted apply(ConfigDocument document, EditPlan plan) {
    return new Emission((JsoncDocument) document).run(plan);
  }

  /** One application of a plan to one document. */
  private static final class Emission {
    private final JsoncDocument doc;
    private final JsoncText text;
    private final JsoncStyle style;
    private final TextEdits edits = new TextEdits();
    private final JsoncContainerEdits containerEdits;
    private final Map<Node, Change> changes = new IdentityHashMap<>();
    private final List<Node> changeOrder = new ArrayList<>();
    private final Map<Obj, LinkedHashMap<String, Object>> created = new IdentityHashMap<>();
    private final List<Obj> createdOrder = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Emission(JsoncDocument doc) {
      this.doc = doc;
      this.text = doc.text();
      this.style = JsoncStyle.of(doc);
      this.containerEdits = new JsoncContainerEdits(text, style, edits);
    }

    Emitted run(EditPlan plan) {
      for (EditPlan.Edit edit : plan.edits()) {
        if (edit instanceof UpdateEntry u) {
          update(u);
        } else if (edit instanceof RemoveEntry r) {
          change(doc.arrayNode(r.entry().scope(), r.entry().kind()))
              .removed
              .add(r.entry().index());
        } else if (edit instanceof AddEntry a) {
          add(a);
        }
      }
      for (Obj parent : createdOrder) {
        created.get(parent).forEach((k, v) -> change(parent).atEnd.add(new Piece(k, v)));
      }
      if (!diagnostics.isEmpty()) {
        return new Emitted(text.text(), diagnostics);
      }
      for (Node container : changeOrder) {
        containerEdits.emit(container, changes.get(container));
      }
      try {
        return new Emitted(edits.applyTo(text.text()), List.of());
      } catch (IllegalStateException e) {
        return new Emitted(
            text.text(),
            List.of(Diagnostic.error(
                WranglerCodes.UNSUPPORTED_LAYOUT,
                doc.file(),
                "cfc cannot lay out its changes in this config: " + e.getMessage(),
                "put each containers, durable_objects.bindings and migrations element on its own"
                    + " lines and run cfc again")));
      }
    }

    private Change change(Node container) {
      return changes.computeIfAbsent(container, c -> {
        changeOrder.add(c);
        return new Change();
      });
    }

    private void update(UpdateEntry u) {
      Obj element = doc.element(u.entry());
      boolean multiLineEntry = !text.sameLine(element.start(), element.end() - 1);
      for (FieldEdit f : u.fields()) {
        int index = element.indexOf(f.key());
        if (f instanceof SetField s) {
          if (index >= 0) {
            Member m = element.members().get(index);
            Node old = m.value();
            boolean multiLine = old instanceof Obj || old instanceof Arr
                ? !text.sameLine(old.start(), old.end() - 1)
                : multiLineEntry;
            edits.replace(
                old.start(),
                old.end(),
                style.render(s.value(), multiLine, text.indentOf(m.keyStart())));
          } else {
            change(element).atEnd.add(new Piece(s.key(), s.value()));
          }
        } else if (f instanceof RemoveField && index >= 0) {
          change(element).removed.add(index);
        }
      }
    }

    private void add(AddEntry a) {
      Arr array = doc.arrayNode(a.scope(), a.kind());
      Piece piece = new Piece(null, a.fields());
      if (a.anchor() instanceof After after) {
        change(array)
            .after
            .computeIfAbsent(after.entry().index(), i -> new ArrayList<>())
            .add(piece);
      } else if (a.anchor() instanceof Before before) {
        change(array)
            .before
            .computeIfAbsent(before.entry().index(), i -> new ArrayList<>())
            .add(piece);
      } else if (a.anchor() instanceof AtEnd) {
        if (array != null) {
          change(array).atEnd.add(piece);
        } else {
          create(a.kind().pathIn(a.scope()), a.fields());
        }
      }
    }

    /** Records a new element of an absent array, creating the objects on its path as needed. */
    private void create(List<String> path, LinkedHashMap<String, Object> fields) {
      Obj parent = doc.root();
      int i = 0;
      for (; i < path.size() - 1; i++) {
        Member m = parent.member(path.get(i));
        if (m == null) {
          break;
        }
        if (!(m.value() instanceof Obj o)) {
          diagnostics.add(Diagnostic.error(
              WranglerCodes.UNSUPPORTED_LAYOUT,
              doc.at(m.keyStart()),
              "`" + String.join(".", path.subList(0, i + 1)) + "` is not an object, so cfc cannot"
                  + " add `" + String.join(".", path) + "` under it",
              "make it an object, e.g. \"" + path.get(i) + "\": {}"));
          return;
        }
        parent = o;
      }
      Obj owner = parent;
      LinkedHashMap<String, Object> level = created.computeIfAbsent(owner, o -> {
        createdOrder.add(o);
        return new LinkedHashMap<>();
      });
      for (; i < path.size() - 1; i++) {
        level = ((NewObject)
                level.computeIfAbsent(path.get(i), k -> new NewObject(new LinkedHashMap<>())))
            .members();
      }
      ((NewArray) level.computeIfAbsent(
              path.get(path.size() - 1), k -> new NewArray(new ArrayList<>())))
          .elements()
          .add(fields);
    }
  }
}

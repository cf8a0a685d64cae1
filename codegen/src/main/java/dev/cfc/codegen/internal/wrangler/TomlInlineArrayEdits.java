package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.EditPlan.AddEntry;
import dev.cfc.codegen.internal.wrangler.EditPlan.After;
import dev.cfc.codegen.internal.wrangler.EditPlan.Before;
import dev.cfc.codegen.internal.wrangler.EditPlan.FieldEdit;
import dev.cfc.codegen.internal.wrangler.EditPlan.SetField;
import dev.cfc.codegen.internal.wrangler.EditPlan.UpdateEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link TomlBackend}'s edits of arrays written as inline values ({@code containers = [ { ... } ]}):
 * an element's inline table rewritten on its line, whole elements deleted with their comma, and
 * new elements written in the array's own layout. One instance serves one emission.
 */
final class TomlInlineArrayEdits {

  /** Where new elements of an inline array go: after (or before) an element, or into [ ]. */
  private record InlineAnchor(
      TomlDocument.InlineArray array, TomlDocument.InlineElement anchor, boolean before) {}

  private final TomlDocument doc;
  private final TomlLayout layout;
  private final String text;
  private final TomlStyle style;
  private final TextEdits edits;
  private final List<Diagnostic> diagnostics;
  private final Map<InlineAnchor, List<String>> inlineAdds = new LinkedHashMap<>();
  private final Set<TomlDocument.InlineElement> removedInline = new HashSet<>();

  /**
   * @param edits the emission's edits, which these join
   * @param diagnostics the emission's findings, which these join
   */
  TomlInlineArrayEdits(
      TomlDocument doc, TomlStyle style, TextEdits edits, List<Diagnostic> diagnostics) {
    this.doc = doc;
    this.layout = doc.layout();
    this.text = layout.text();
    this.style = style;
    this.edits = edits;
    this.diagnostics = diagnostics;
  }

  /**
   * Rewrites an inline table in place: its pairs in their order and spacing, the changed values
   * replaced, removed pairs dropped and new ones appended. TOML keeps an inline table on one
   * line, so this is still a change to one line.
   */
  void update(UpdateEntry u, TomlDocument.InlineElement el) {
    Map<String, Object> set = new LinkedHashMap<>();
    Set<String> removed = new HashSet<>();
    for (FieldEdit f : u.fields()) {
      if (el.direct().get(f.key()) == null && complexInline(el, f.key())) {
        unsupported(
            u.entry().locationOf(f.key()),
            "`" + f.key() + "` of this "
                + u.entry().kind().describe(u.entry().scope()) + " entry is written as a"
                + " dotted key, which cfc does not edit",
            "write it as one pair, e.g. " + f.key() + " = { ... }");
        return;
      }
      if (f instanceof SetField field) {
        set.put(field.key(), field.value());
      } else {
        removed.add(f.key());
      }
    }
    List<TomlLayout.InlinePair> pairs = el.pairs();
    int open = el.span().start();
    int close = el.span().end() - 1;
    String lead = pairs.isEmpty() ? " " : text.substring(open + 1, pairs.get(0).keyStart());
    String trail =
        pairs.isEmpty() ? " " : text.substring(pairs.get(pairs.size() - 1).valueEnd(), close);
    String between = pairs.size() < 2
        ? ", "
        : text.substring(pairs.get(0).valueEnd(), pairs.get(1).keyStart());
    List<String> parts = new ArrayList<>();
    for (TomlLayout.InlinePair pair : pairs) {
      String key = pair.key().size() == 1 ? pair.key().get(0) : null;
      if (key != null && removed.contains(key)) {
        continue;
      }
      if (key != null && set.containsKey(key)) {
        parts.add(
            text.substring(pair.keyStart(), pair.valueStart()) + style.value(set.remove(key)));
      } else {
        parts.add(text.substring(pair.keyStart(), pair.valueEnd()));
      }
    }
    set.forEach(
        (key, value) -> parts.add(TomlStyle.key(key) + style.separator() + style.value(value)));
    edits.replace(open, close + 1, "{" + lead + String.join(between, parts) + trail + "}");
  }

  private static boolean complexInline(TomlDocument.InlineElement el, String key) {
    for (TomlLayout.InlinePair pair : el.pairs()) {
      if (pair.key().size() > 1 && pair.key().get(0).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deletes an inline-array element written on lines of its own, or the only element of an
   * array. Elements sharing a line with others are not taken apart.
   */
  void remove(DocEntry entry, TomlDocument.InlineElement el) {
    int start = el.span().start();
    int afterComma = afterComma(el.span().end());
    if (ownLine(el)) {
      edits.delete(layout.lineStartOf(start), layout.lineEndOf(afterComma));
      removedInline.add(el);
      return;
    }
    TomlDocument.InlineArray array = doc.inlineArray(entry.scope(), entry.kind());
    if (array != null && array.elements().size() == 1) {
      edits.delete(start, afterComma);
      removedInline.add(el);
      return;
    }
    unsupported(
        entry.at(),
        "this " + entry.kind().describe(entry.scope()) + " entry shares a"
            + " line with other elements of an inline array, which cfc does not take apart",
        "put each element of the array on a line of its own");
  }

  /** Queues an inline table for an array written inline; see {@link #flush}. */
  void add(AddEntry a, TomlDocument.InlineArray array) {
    TomlDocument.InlineElement anchor = null;
    boolean before = false;
    if (a.anchor() instanceof After after) {
      anchor = doc.inlineElement(after.entry());
    } else if (a.anchor() instanceof Before b) {
      anchor = doc.inlineElement(b.entry());
      before = true;
    } else if (!array.elements().isEmpty()) {
      anchor = array.elements().get(array.elements().size() - 1);
    }
    inlineAdds
        .computeIfAbsent(new InlineAnchor(array, anchor, before), k -> new ArrayList<>())
        .add(style.value(a.fields()));
  }

  /**
   * Writes the new elements of each inline-array position at once, so that the commas between
   * several of them come out right: on lines of their own when the anchor element has its own
   * line (with a trailing comma only where the array already used one), else on its line. An
   * anchor this run removes is replaced by its nearest kept neighbour.
   */
  void flush() {
    Map<InlineAnchor, List<String>> resolved = new LinkedHashMap<>();
    inlineAdds.forEach((at, added) ->
        resolved.computeIfAbsent(kept(at), k -> new ArrayList<>()).addAll(added));
    resolved.forEach(this::writeInlineAdds);
  }

  private InlineAnchor kept(InlineAnchor at) {
    if (at.anchor() == null || !removedInline.contains(at.anchor())) {
      return at;
    }
    List<TomlDocument.InlineElement> elements = at.array().elements();
    int index = elements.indexOf(at.anchor());
    for (int k = index - 1; k >= 0; k--) {
      if (!removedInline.contains(elements.get(k))) {
        return new InlineAnchor(at.array(), elements.get(k), false);
      }
    }
    for (int k = index + 1; k < elements.size(); k++) {
      if (!removedInline.contains(elements.get(k))) {
        return new InlineAnchor(at.array(), elements.get(k), true);
      }
    }
    return new InlineAnchor(at.array(), null, false);
  }

  private void writeInlineAdds(InlineAnchor at, List<String> added) {
    TomlDocument.InlineElement anchor = at.anchor();
    if (anchor == null) {
      // An empty array, or one whose elements this run removes: the first one's layout.
      List<TomlDocument.InlineElement> elements = at.array().elements();
      if (!elements.isEmpty() && ownLine(elements.get(0))) {
        insertLinesAbove(elements.get(0), added);
      } else {
        edits.insert(
            at.array().open() + 1, TextEdits.Order.AFTER_PREVIOUS, String.join(", ", added));
      }
      return;
    }
    int start = anchor.span().start();
    int end = anchor.span().end();
    int afterComma = afterComma(end);
    int lineStart = layout.lineStartOf(start);
    boolean ownLine = ownLine(anchor);
    String indent = text.substring(lineStart, start);
    if (at.before()) {
      if (ownLine) {
        insertLinesAbove(anchor, added);
      } else {
        edits.insert(start, TextEdits.Order.BEFORE_NEXT, String.join(", ", added) + ", ");
      }
      return;
    }
    boolean comma = afterComma != end;
    if (ownLine) {
      List<TomlDocument.InlineElement> elements = at.array().elements();
      boolean last = anchor == elements.get(elements.size() - 1);
      if (!comma) {
        edits.insert(end, TextEdits.Order.EXTENDS_PREVIOUS, ",");
      }
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < added.size(); i++) {
        boolean trailing = i < added.size() - 1 || comma || !last;
        lines.append(indent).append(added.get(i)).append(trailing ? "," : "").append(style.eol());
      }
      edits.insert(layout.lineEndOf(afterComma), TextEdits.Order.AFTER_PREVIOUS, lines.toString());
    } else if (comma) {
      edits.insert(
          afterComma, TextEdits.Order.AFTER_PREVIOUS, " " + String.join(", ", added) + ",");
    } else {
      edits.insert(end, TextEdits.Order.AFTER_PREVIOUS, ", " + String.join(", ", added));
    }
  }

  /** New elements, one per line with a comma, above an element that has its own line. */
  private void insertLinesAbove(TomlDocument.InlineElement element, List<String> added) {
    int start = element.span().start();
    int lineStart = layout.lineStartOf(start);
    String indent = text.substring(lineStart, start);
    StringBuilder lines = new StringBuilder();
    added.forEach(e -> lines.append(indent).append(e).append(',').append(style.eol()));
    edits.insert(lineStart, TextEdits.Order.BEFORE_NEXT, lines.toString());
  }

  /** Whether an element is alone on its line (a comma and a comment may follow it). */
  private boolean ownLine(TomlDocument.InlineElement element) {
    int start = element.span().start();
    return text.substring(layout.lineStartOf(start), start).isBlank()
        && restOfLineIsBlank(afterComma(element.span().end()));
  }

  /** Just past the comma after an element and the blanks before it, or {@code end}. */
  private int afterComma(int end) {
    int i = end;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == ',' ? i + 1 : end;
  }

  /** Whether only blanks and a comment follow on this line. */
  private boolean restOfLineIsBlank(int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i >= text.length()
        || text.charAt(i) == '#'
        || text.charAt(i) == '\n'
        || text.charAt(i) == '\r';
  }

  private void unsupported(Diagnostic.Location at, String message, String hint) {
    diagnostics.add(TomlBackend.unsupportedLayout(at, message, hint));
  }
}

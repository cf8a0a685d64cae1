package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.internal.wrangler.JsoncDocument.Arr;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Member;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Node;
import dev.cfc.codegen.internal.wrangler.JsoncDocument.Obj;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link JsoncBackend}'s edits inside one existing object or array: removed items lose their
 * lines (or their place and comma on a shared line), new items are written as whole lines at the
 * siblings' indentation when every item has lines of its own, else inline next to a sibling, and
 * the container's trailing-comma habit is kept.
 */
final class JsoncContainerEdits {

  /** A new member ({@code key != null}) or array element, before it is written. */
  record Piece(String key, Object value) {}

  /** An object member or array element of an existing container, with its comma. */
  private record Item(Node node, int start, int end, int comma) {}

  /** What changes inside one existing object or array. */
  static final class Change {
    final Set<Integer> removed = new LinkedHashSet<>();
    final Map<Integer, List<Piece>> after = new TreeMap<>();
    final Map<Integer, List<Piece>> before = new TreeMap<>();
    final List<Piece> atEnd = new ArrayList<>();
  }

  private final JsoncText text;
  private final JsoncStyle style;
  private final TextEdits edits;

  /** @param edits the emission's edits, which these join */
  JsoncContainerEdits(JsoncText text, JsoncStyle style, TextEdits edits) {
    this.text = text;
    this.style = style;
    this.edits = edits;
  }

  private List<Item> items(Node container) {
    List<Item> out = new ArrayList<>();
    if (container instanceof Obj o) {
      for (Member m : o.members()) {
        out.add(new Item(
            m.value(), m.keyStart(), m.value().end(), text.commaAfter(m.value().end())));
      }
    } else if (container instanceof Arr a) {
      for (Node e : a.elements()) {
        out.add(new Item(e, e.start(), e.end(), text.commaAfter(e.end())));
      }
    }
    return out;
  }

  /** Just past the item's line (its comma and same-line comments included), or -1. */
  private int lineEnd(Item item) {
    if (item.comma() >= 0 && !text.sameLine(item.end(), item.comma())) {
      return -1;
    }
    return text.restOfLine(item.comma() >= 0 ? item.comma() + 1 : item.end());
  }

  private boolean ownsLines(Item item) {
    return text.firstTokenOnLine(item.start()) && lineEnd(item) >= 0;
  }

  /**
   * The items of one container as they are before the edit.
   *
   * @param lastKept index of the last item this run keeps, or -1 when it removes them all
   * @param trailingComma whether the container's last item has a comma after it
   */
  private record Existing(Node container, List<Item> items, int lastKept, boolean trailingComma) {

    boolean isObject() {
      return container instanceof Obj;
    }

    Item last() {
      return items.get(items.size() - 1);
    }

    boolean lastKeptIsLast() {
      return lastKept == items.size() - 1;
    }
  }

  /**
   * Carries out one container's changes: as whole lines when every item sits on lines of its
   * own, else inline next to the neighbouring items.
   */
  void emit(Node container, Change change) {
    List<Item> items = items(container);
    if (items.isEmpty()) {
      intoEmpty(container, change.atEnd);
      return;
    }
    int lastKept = -1;
    for (int i = 0; i < items.size(); i++) {
      if (!change.removed.contains(i)) {
        lastKept = i;
      }
    }
    if (lastKept >= 0 && !change.atEnd.isEmpty()) {
      // Appending is inserting after the last item that stays.
      change.after.computeIfAbsent(lastKept, i -> new ArrayList<>()).addAll(change.atEnd);
      change.atEnd.clear();
    }
    Existing existing =
        new Existing(container, items, lastKept, items.get(items.size() - 1).comma() >= 0);
    boolean onOwnLines = !text.sameLine(container.start(), container.end() - 1)
        && items.stream().allMatch(this::ownsLines);
    if (onOwnLines) {
      emitAsLines(existing, change);
    } else {
      emitInline(existing, change);
    }
  }

  /** Removed items lose their lines; new ones are whole lines at their neighbour's indent. */
  private void emitAsLines(Existing existing, Change change) {
    List<Item> items = existing.items();
    boolean blankSeparated = blankSeparated(items);
    for (int i : change.removed) {
      edits.delete(blockStart(existing.container(), items.get(i)), lineEnd(items.get(i)));
    }
    fixLastKeptComma(existing, change);
    boolean lastKeptEnds = !existing.trailingComma();
    change.after.forEach((i, pieces) -> edits.insert(
        lineEnd(items.get(i)),
        lines(
            pieces,
            items.get(i),
            existing.isObject(),
            blankSeparated,
            true,
            i == existing.lastKept() && lastKeptEnds)));
    change.before.forEach((i, pieces) -> edits.insert(
        leadingStart(existing.container(), items.get(i)),
        lines(pieces, items.get(i), existing.isObject(), blankSeparated, false, false)));
    if (existing.lastKept() < 0 && !change.atEnd.isEmpty()) {
      edits.insert(
          lineEnd(existing.last()),
          lines(change.atEnd, existing.last(), existing.isObject(), false, true, lastKeptEnds));
    }
  }

  /**
   * Keeps the comma style when the last kept item changes role: without trailing commas it
   * loses its comma when everything after it goes, and gains one when new items follow it.
   */
  private void fixLastKeptComma(Existing existing, Change change) {
    if (existing.lastKept() < 0 || existing.trailingComma()) {
      return;
    }
    Item lastKept = existing.items().get(existing.lastKept());
    boolean newItemsFollow = change.after.containsKey(existing.lastKept());
    if (!existing.lastKeptIsLast() && !newItemsFollow) {
      edits.delete(lastKept.comma(), lastKept.comma() + 1);
    }
    if (existing.lastKeptIsLast() && newItemsFollow) {
      edits.insert(lastKept.end(), ",");
    }
  }

  /** Removed items go with their comma; new ones join their neighbour's line. */
  private void emitInline(Existing existing, Change change) {
    List<Item> items = existing.items();
    for (int i : change.removed) {
      Item item = items.get(i);
      edits.delete(
          item.start(), item.comma() >= 0 ? text.skipBlanks(item.comma() + 1) : item.end());
    }
    if (existing.lastKept() >= 0 && !existing.lastKeptIsLast() && !existing.trailingComma()) {
      Item lastKept = items.get(existing.lastKept());
      edits.delete(lastKept.comma(), lastKept.comma() + 1);
    }
    change.after.forEach((i, pieces) -> {
      StringBuilder out = new StringBuilder();
      for (Piece piece : pieces) {
        out.append(", ").append(inline(piece, items.get(i), existing.isObject()));
      }
      edits.insert(items.get(i).end(), out.toString());
    });
    change.before.forEach((i, pieces) -> {
      StringBuilder out = new StringBuilder();
      for (Piece piece : pieces) {
        out.append(inline(piece, items.get(i), existing.isObject())).append(", ");
      }
      edits.insert(items.get(i).start(), out.toString());
    });
    if (existing.lastKept() < 0 && !change.atEnd.isEmpty()) {
      Item first = items.get(0);
      List<String> parts = new ArrayList<>();
      for (Piece piece : change.atEnd) {
        parts.add(inline(piece, first, existing.isObject()));
      }
      edits.insert(
          first.start(), String.join(", ", parts) + (existing.trailingComma() ? ", " : ""));
    }
  }

  /**
   * New items as whole lines at the reference item's indentation.
   *
   * @param afterRef whether they go after the reference (else before it)
   * @param lastWithoutComma whether the last of them ends the container without a comma
   */
  private String lines(
      List<Piece> pieces,
      Item ref,
      boolean isObject,
      boolean blank,
      boolean afterRef,
      boolean lastWithoutComma) {
    String indent = text.indentOf(ref.start());
    boolean multiLine = isObject || spansLines(ref.node());
    StringBuilder out = new StringBuilder();
    for (int j = 0; j < pieces.size(); j++) {
      if (blank && afterRef) {
        out.append(style.eol());
      }
      boolean comma = !(lastWithoutComma && j == pieces.size() - 1);
      out.append(indent)
          .append(render(pieces.get(j), multiLine, indent))
          .append(comma ? "," : "")
          .append(style.eol());
      if (blank && !afterRef) {
        out.append(style.eol());
      }
    }
    return out.toString();
  }

  /** A new item written inline next to {@code ref}, shaped like it when it is an element. */
  private String inline(Piece p, Item ref, boolean isObject) {
    boolean multiLine = !isObject && spansLines(ref.node());
    return render(p, multiLine, text.indentOf(ref.end() - 1));
  }

  private String render(Piece p, boolean multiLine, String indent) {
    return p.key() == null
        ? style.render(p.value(), multiLine, indent)
        : style.member(p.key(), p.value(), multiLine, indent);
  }

  private boolean spansLines(Node node) {
    return (node instanceof Obj || node instanceof Arr)
        && !text.sameLine(node.start(), node.end() - 1);
  }

  /** Items into a container that has none: one a line, one indent unit deeper. */
  private void intoEmpty(Node container, List<Piece> pieces) {
    if (pieces.isEmpty()) {
      return;
    }
    int open = container.start();
    int close = container.end() - 1;
    String outer = text.indentOf(open);
    String indent = outer + style.unit();
    StringBuilder lines = new StringBuilder();
    for (int j = 0; j < pieces.size(); j++) {
      boolean comma = style.trailingComma() || j < pieces.size() - 1;
      lines
          .append(indent)
          .append(render(pieces.get(j), true, indent))
          .append(comma ? "," : "")
          .append(style.eol());
    }
    if (!text.sameLine(open, close)) {
      if (text.firstOnLine(close)) {
        edits.insert(text.lineStart(close), lines.toString());
        return;
      }
      int next = text.restOfLine(open + 1);
      if (next >= 0) {
        edits.insert(next, lines.toString());
        return;
      }
      edits.insert(open + 1, style.eol() + lines);
      return;
    }
    String inside = text.text().substring(open + 1, close);
    if (inside.isBlank()) {
      edits.replace(open + 1, close, style.eol() + lines + outer);
    } else {
      edits.insert(open + 1, style.eol() + lines + outer);
    }
  }

  /** Whether every two neighbouring items are separated by a blank line. */
  private boolean blankSeparated(List<Item> items) {
    if (items.size() < 2) {
      return false;
    }
    for (int i = 0; i + 1 < items.size(); i++) {
      int from = lineEnd(items.get(i));
      int to = text.lineStart(items.get(i + 1).start());
      boolean found = false;
      for (int line = from; line < to; line = nextLine(line)) {
        if (text.blankLine(line)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private int nextLine(int lineStart) {
    int nl = text.text().indexOf('\n', lineStart);
    return nl < 0 ? text.length() : nl + 1;
  }

  /** Where an item's lines start, with one blank line before it (inside the container). */
  private int blockStart(Node container, Item item) {
    int start = text.lineStart(item.start());
    if (start > 0) {
      int prev = text.lineStart(start - 1);
      if (prev > text.lineStart(container.start()) && text.blankLine(prev)) {
        return prev;
      }
    }
    return start;
  }

  /** Where an item's own comment lines start (directly above it, no blank line between). */
  private int leadingStart(Node container, Item item) {
    int start = text.lineStart(item.start());
    int openLine = text.lineStart(container.start());
    while (start > 0) {
      int prev = text.lineStart(start - 1);
      if (prev <= openLine || !text.commentLine(prev)) {
        break;
      }
      start = prev;
    }
    return start;
  }
}

package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.InputFiles;
import dev.cfc.codegen.internal.wrangler.EditPlan.AddEntry;
import dev.cfc.codegen.internal.wrangler.EditPlan.After;
import dev.cfc.codegen.internal.wrangler.EditPlan.AtEnd;
import dev.cfc.codegen.internal.wrangler.EditPlan.Before;
import dev.cfc.codegen.internal.wrangler.EditPlan.FieldEdit;
import dev.cfc.codegen.internal.wrangler.EditPlan.RemoveEntry;
import dev.cfc.codegen.internal.wrangler.EditPlan.RemoveField;
import dev.cfc.codegen.internal.wrangler.EditPlan.SetField;
import dev.cfc.codegen.internal.wrangler.EditPlan.UpdateEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * {@code wrangler.toml}: parsed with tomlj, edited as text at the scanned positions. Existing
 * values are replaced in place (value text only), dropped keys lose their line, new keys go after
 * an entry's last key, and new entries are {@code [[...]]} tables in the file's own style.
 */
final class TomlBackend implements ConfigBackend {

  @Override
  public ConfigSource.Syntax syntax() {
    return ConfigSource.Syntax.TOML;
  }

  @Override
  public Parsed parse(ConfigSource source) {
    Diagnostic tooDeep = InputFiles.tomlTooDeep(source.text(), source.displayName());
    if (tooDeep != null) {
      return new Parsed(null, List.of(tooDeep));
    }
    TomlParseResult result = Toml.parse(source.text());
    if (result.hasErrors()) {
      List<Diagnostic> out = new ArrayList<>();
      for (TomlParseError e : result.errors()) {
        out.add(Diagnostic.error(WranglerCodes.MALFORMED,
            new Diagnostic.Location(source.displayName(), e.position().line(),
                e.position().column()),
            "malformed TOML: " + e.getMessage(),
            "fix the syntax; cfc writes nothing until the config parses"));
      }
      return new Parsed(null, out);
    }
    return new Parsed(new TomlDocument(source, result), List.of());
  }

  @Override
  public Emitted apply(ConfigDocument document, EditPlan plan) {
    return new Emission((TomlDocument) document).run(plan);
  }

  /** One application of a plan to one document. */
  private static final class Emission {
    private final TomlDocument doc;
    private final TomlLayout layout;
    private final String text;
    private final TomlStyle style;
    private final TextEdits edits = new TextEdits();
    private final List<String> atEof = new ArrayList<>();
    private final Map<Integer, List<String>> beforeHeader = new java.util.TreeMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<InlineAnchor, List<String>> inlineAdds = new LinkedHashMap<>();
    private final Set<TomlDocument.InlineElement> removedInline = new HashSet<>();

    /** Where new elements of an inline array go: after (or before) an element, or into [ ]. */
    private record InlineAnchor(TomlDocument.InlineArray array,
        TomlDocument.InlineElement anchor, boolean before) {}

    Emission(TomlDocument doc) {
      this.doc = doc;
      this.layout = doc.layout();
      this.text = layout.text();
      this.style = TomlStyle.of(layout);
    }

    Emitted run(EditPlan plan) {
      for (EditPlan.Edit edit : plan.edits()) {
        if (edit instanceof UpdateEntry u) {
          update(u);
        } else if (edit instanceof RemoveEntry r) {
          remove(r.entry());
        } else if (edit instanceof AddEntry a) {
          add(a);
        }
      }
      flushInlineAdds();
      if (!diagnostics.isEmpty()) {
        return new Emitted(text, diagnostics.stream().distinct().toList());
      }
      insertBeforeHeaders();
      if (!atEof.isEmpty()) {
        edits.insert(text.length(), TextEdits.Order.END, eofPrefix() + String.join(style.eol(), atEof));
      }
      String out = edits.applyTo(text);
      if (!text.isEmpty() && !text.endsWith("\n") && out.endsWith(style.eol())) {
        out = out.substring(0, out.length() - style.eol().length());
      }
      return new Emitted(out, List.of());
    }

    private void update(UpdateEntry u) {
      TomlDocument.InlineElement inline = doc.inlineElement(u.entry());
      if (inline != null) {
        updateInline(u, inline);
        return;
      }
      TomlDocument.Element el = element(u.entry());
      if (el == null) {
        return;
      }
      for (FieldEdit f : u.fields()) {
        TomlLayout.KeyValue kv = el.direct().get(f.key());
        if (kv == null && el.complex().containsKey(f.key())) {
          unsupported(u.entry().locationOf(f.key()), "`" + f.key() + "` of this "
                  + u.entry().kind().describe(u.entry().scope()) + " entry is written as dotted"
                  + " keys or a sub-table, which cfc does not edit",
              "write it as one line, e.g. " + f.key() + " = { ... }");
          continue;
        }
        if (f instanceof SetField s) {
          if (kv != null) {
            edits.replace(kv.valueStart(), kv.valueEnd(), style.value(s.value()));
          } else {
            String indent = el.keyIndent() == null ? "" : el.keyIndent();
            edits.insert(el.insertAt(), TextEdits.Order.EXTENDS_PREVIOUS, newlineIfNeeded(el.insertAt())
                + style.line(indent, s.key(), s.value()));
          }
        } else if (f instanceof RemoveField && kv != null) {
          edits.delete(kv.lineStart(), kv.lineEnd());
        }
      }
    }

    private void remove(DocEntry entry) {
      TomlDocument.InlineElement inline = doc.inlineElement(entry);
      if (inline != null) {
        removeInline(entry, inline);
        return;
      }
      TomlDocument.Element el = element(entry);
      if (el == null) {
        return;
      }
      int start = el.header().lineStart();
      if (start > 0) {
        int prev = layout.lineStartOf(start - 1);
        if (text.substring(prev, start).isBlank() && !insideValue(prev)) {
          start = prev;
        }
      }
      edits.delete(start, el.contentEnd());
    }

    private void add(AddEntry a) {
      List<String> path = a.kind().pathIn(a.scope());
      TomlDocument.InlineArray inlineArray = doc.inlineArray(a.scope(), a.kind());
      if (inlineArray != null) {
        addInline(a, inlineArray);
        return;
      }
      if (a.anchor() instanceof After after) {
        TomlDocument.Element el = element(after.entry());
        if (el != null) {
          edits.insert(el.contentEnd(), TextEdits.Order.AFTER_PREVIOUS, newlineIfNeeded(el.contentEnd()) + style.eol()
              + block(path, a, el));
        }
      } else if (a.anchor() instanceof Before before) {
        TomlDocument.Element el = element(before.entry());
        if (el != null) {
          edits.insert(commentStart(el.header().lineStart()), TextEdits.Order.BEFORE_NEXT,
              block(path, a, el) + style.eol());
        }
      } else if (a.anchor() instanceof AtEnd) {
        DocArray array = doc.array(a.scope(), a.kind());
        if (!array.entries().isEmpty()) {
          TomlDocument.Element el = element(array.entries().get(array.entries().size() - 1));
          if (el != null) {
            edits.insert(el.contentEnd(), TextEdits.Order.AFTER_PREVIOUS, newlineIfNeeded(el.contentEnd()) + style.eol()
                + block(path, a, el));
          }
        } else if (array.state() != DocArray.State.ABSENT) {
          unsupported(array.at(), "`" + a.kind().describe(a.scope()) + "` is written inline,"
                  + " so cfc cannot add [[" + a.kind().describe(a.scope()) + "]] tables to it",
              "rewrite it as [[" + a.kind().describe(a.scope()) + "]] tables");
        } else if (inlineParent(path)) {
          // reported
        } else {
          String block = style.block(path, a.fields(), "", defaultKeyIndent());
          int sectionEnd = sectionEnd(a.scope());
          if (sectionEnd < 0) {
            atEof.add(block);
          } else {
            beforeHeader.computeIfAbsent(sectionEnd, k -> new ArrayList<>()).add(block);
          }
        }
      }
    }

    /**
     * Where a new {@code [[...]]} table of a scope reads as part of it: top-level tables before
     * the first {@code [env.*]} table, an environment's after its last table, in both cases above
     * the comment lines that introduce the next table. -1 for the end of the file. (TOML does not
     * care; a person reading the file assumes a table belongs to the section it sits in.)
     */
    private int sectionEnd(String scope) {
      List<TomlLayout.Header> headers = layout.headers();
      if (scope.isEmpty()) {
        for (TomlLayout.Header h : headers) {
          if (!h.path().isEmpty() && h.path().get(0).equals("env")) {
            return gapStart(h.lineStart());
          }
        }
        return -1;
      }
      int last = -1;
      for (int i = 0; i < headers.size(); i++) {
        List<String> p = headers.get(i).path();
        if (p.size() >= 2 && p.get(0).equals("env") && p.get(1).equals(scope)) {
          last = i;
        }
      }
      return last < 0 || last + 1 == headers.size() ? -1
          : gapStart(headers.get(last + 1).lineStart());
    }

    /**
     * Where a new table goes above a header: at the first blank line of the blank and comment
     * lines right above it, so that comments introducing the header (a section banner too) stay
     * with it and comments right under the content above stay with that; above them all when
     * there is no blank line. Never inside the lines a removed element takes with it, which start
     * at most one blank line above its header.
     */
    private int gapStart(int headerLineStart) {
      int start = headerLineStart;
      while (start > 0) {
        int prev = layout.lineStartOf(start - 1);
        if (!text.substring(prev, start).isBlank() && !layout.isCommentLine(prev)) {
          break;
        }
        start = prev;
      }
      for (int line = start; line < headerLineStart; line = layout.lineEndOf(line)) {
        if (text.substring(line, layout.lineEndOf(line)).isBlank()) {
          return line;
        }
      }
      return start;
    }

    private void insertBeforeHeaders() {
      beforeHeader.forEach((offset, blocks) -> {
        String before = text.substring(0, offset);
        boolean blankBefore = offset == 0 || before.endsWith("\n\n") || before.endsWith("\r\n\r\n");
        boolean blankAfter = text.substring(offset, layout.lineEndOf(offset)).isBlank();
        edits.insert(offset, TextEdits.Order.BEFORE_NEXT, (blankBefore ? "" : style.eol())
            + String.join(style.eol(), blocks) + (blankAfter ? "" : style.eol()));
      });
    }

    /**
     * Rewrites an inline table in place: its pairs in their order and spacing, the changed values
     * replaced, removed pairs dropped and new ones appended. TOML keeps an inline table on one
     * line, so this is still a change to one line.
     */
    private void updateInline(UpdateEntry u, TomlDocument.InlineElement el) {
      Map<String, Object> set = new LinkedHashMap<>();
      Set<String> removed = new HashSet<>();
      for (FieldEdit f : u.fields()) {
        if (el.direct().get(f.key()) == null && complexInline(el, f.key())) {
          unsupported(u.entry().locationOf(f.key()), "`" + f.key() + "` of this "
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
      String trail = pairs.isEmpty() ? " "
          : text.substring(pairs.get(pairs.size() - 1).valueEnd(), close);
      String between = pairs.size() < 2 ? ", "
          : text.substring(pairs.get(0).valueEnd(), pairs.get(1).keyStart());
      List<String> parts = new ArrayList<>();
      for (TomlLayout.InlinePair pair : pairs) {
        String key = pair.key().size() == 1 ? pair.key().get(0) : null;
        if (key != null && removed.contains(key)) {
          continue;
        }
        if (key != null && set.containsKey(key)) {
          parts.add(text.substring(pair.keyStart(), pair.valueStart())
              + style.value(set.remove(key)));
        } else {
          parts.add(text.substring(pair.keyStart(), pair.valueEnd()));
        }
      }
      set.forEach((key, value) -> parts.add(TomlStyle.key(key) + style.separator() + style.value(value)));
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
    private void removeInline(DocEntry entry, TomlDocument.InlineElement el) {
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
      unsupported(entry.at(), "this " + entry.kind().describe(entry.scope()) + " entry shares a"
              + " line with other elements of an inline array, which cfc does not take apart",
          "put each element of the array on a line of its own");
    }

    /** Queues an inline table for an array written inline; see {@link #flushInlineAdds}. */
    private void addInline(AddEntry a, TomlDocument.InlineArray array) {
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
      inlineAdds.computeIfAbsent(new InlineAnchor(array, anchor, before), k -> new ArrayList<>())
          .add(style.value(a.fields()));
    }

    /**
     * Writes the new elements of each inline-array position at once, so that the commas between
     * several of them come out right: on lines of their own when the anchor element has its own
     * line (with a trailing comma only where the array already used one), else on its line. An
     * anchor this run removes is replaced by its nearest kept neighbour.
     */
    private void flushInlineAdds() {
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
          edits.insert(at.array().open() + 1, TextEdits.Order.AFTER_PREVIOUS,
              String.join(", ", added));
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
          lines.append(indent).append(added.get(i)).append(trailing ? "," : "")
              .append(style.eol());
        }
        edits.insert(layout.lineEndOf(afterComma), TextEdits.Order.AFTER_PREVIOUS,
            lines.toString());
      } else if (comma) {
        edits.insert(afterComma, TextEdits.Order.AFTER_PREVIOUS,
            " " + String.join(", ", added) + ",");
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
      return i >= text.length() || text.charAt(i) == '#' || text.charAt(i) == '\n'
          || text.charAt(i) == '\r';
    }

    private boolean insideValue(int offset) {
      for (TomlLayout.KeyValue kv : layout.keyValues()) {
        if (kv.valueStart() < offset && offset < kv.valueEnd()) {
          return true;
        }
      }
      return false;
    }

    private String block(List<String> path, AddEntry a, TomlDocument.Element anchor) {
      String headerIndent = text.substring(anchor.header().lineStart(),
          anchor.header().lineStart() + anchor.header().column() - 1);
      String keyIndent = anchor.keyIndent() == null ? headerIndent : anchor.keyIndent();
      return style.block(path, a.fields(), headerIndent, keyIndent);
    }

    /** Whether a table on the way to {@code path} is an inline value that cannot be extended. */
    private boolean inlineParent(List<String> path) {
      for (TomlLayout.KeyValue kv : layout.keyValues()) {
        List<String> full = kv.fullPath();
        if (full.size() < path.size() && path.subList(0, full.size()).equals(full)) {
          unsupported(new Diagnostic.Location(doc.source().displayName(), kv.line(), kv.column()),
              "`" + String.join(".", full) + "` is written as an inline value, so cfc cannot"
                  + " add [[" + String.join(".", path) + "]] under it",
              "write it as a [" + String.join(".", full) + "] table");
          return true;
        }
      }
      return false;
    }

    /** The indentation used for keys under {@code [[...]]} headers elsewhere in the file. */
    private String defaultKeyIndent() {
      for (TomlLayout.KeyValue kv : layout.keyValues()) {
        if (kv.header() >= 0 && layout.headers().get(kv.header()).arrayTable()) {
          return kv.indent(text);
        }
      }
      return "";
    }

    /** The start of the comment lines right above the line at {@code lineStart}, if any. */
    private int commentStart(int lineStart) {
      int start = lineStart;
      while (start > 0) {
        int prev = layout.lineStartOf(start - 1);
        if (!layout.isCommentLine(prev)) {
          break;
        }
        start = prev;
      }
      return start;
    }

    private String newlineIfNeeded(int offset) {
      return offset > 0 && offset == text.length() && !text.endsWith("\n") ? style.eol() : "";
    }

    private String eofPrefix() {
      if (text.isEmpty() || text.endsWith("\n\n") || text.endsWith("\r\n\r\n")) {
        return "";
      }
      return text.endsWith("\n") ? style.eol() : style.eol() + style.eol();
    }

    private TomlDocument.Element element(DocEntry entry) {
      TomlDocument.Element el = doc.element(entry);
      if (el == null) {
        unsupported(entry.at(), "`" + entry.kind().describe(entry.scope()) + "` is written as an"
                + " inline array, which cfc does not edit",
            "rewrite it as [[" + entry.kind().describe(entry.scope()) + "]] tables");
      }
      return el;
    }

    private void unsupported(Diagnostic.Location at, String message, String hint) {
      diagnostics.add(Diagnostic.error(WranglerCodes.UNSUPPORTED_LAYOUT, at, message, hint));
    }
  }
}

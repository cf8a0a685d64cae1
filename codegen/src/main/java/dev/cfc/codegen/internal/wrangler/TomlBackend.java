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
import java.util.List;
import java.util.Map;
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
        out.add(Diagnostic.error(
            WranglerCodes.MALFORMED,
            new Diagnostic.Location(
                source.displayName(), e.position().line(), e.position().column()),
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

  /**
   * A new array written inline as a key of {@code section} ({@code []} the top of the file, or
   * {@code [env, <name>]}).
   */
  private record NewInlineArray(
      List<String> section,
      List<String> path,
      ArrayKind kind,
      List<Map<String, Object>> elements) {}

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
    private final TomlInlineArrayEdits inlineArrays;
    /** New arrays written inline, by path. */
    private final Map<List<String>, NewInlineArray> newInlineArrays =
        new java.util.LinkedHashMap<>();

    Emission(TomlDocument doc) {
      this.doc = doc;
      this.layout = doc.layout();
      this.text = layout.text();
      this.style = TomlStyle.of(layout);
      this.inlineArrays = new TomlInlineArrayEdits(doc, style, edits, diagnostics);
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
      inlineArrays.flush();
      newInlineArrays.values().forEach(this::writeInlineArray);
      if (!diagnostics.isEmpty()) {
        return new Emitted(text, diagnostics.stream().distinct().toList());
      }
      insertBeforeHeaders();
      if (!atEof.isEmpty()) {
        edits.insert(
            text.length(), TextEdits.Order.END, eofPrefix() + String.join(style.eol(), atEof));
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
        inlineArrays.update(u, inline);
        return;
      }
      TomlDocument.Element el = element(u.entry());
      if (el == null) {
        return;
      }
      for (FieldEdit f : u.fields()) {
        TomlLayout.KeyValue kv = el.direct().get(f.key());
        if (kv == null && el.complex().containsKey(f.key())) {
          unsupported(
              u.entry().locationOf(f.key()),
              "`" + f.key() + "` of this "
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
            edits.insert(
                el.insertAt(),
                TextEdits.Order.EXTENDS_PREVIOUS,
                newlineIfNeeded(el.insertAt()) + style.line(indent, s.key(), s.value()));
          }
        } else if (f instanceof RemoveField && kv != null) {
          edits.delete(kv.lineStart(), kv.lineEnd());
        }
      }
    }

    private void remove(DocEntry entry) {
      TomlDocument.InlineElement inline = doc.inlineElement(entry);
      if (inline != null) {
        inlineArrays.remove(entry, inline);
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
        inlineArrays.add(a, inlineArray);
        return;
      }
      if (a.anchor() instanceof After after) {
        TomlDocument.Element el = element(after.entry());
        if (el != null) {
          edits.insert(
              el.contentEnd(),
              TextEdits.Order.AFTER_PREVIOUS,
              newlineIfNeeded(el.contentEnd()) + style.eol() + block(path, a, el));
        }
      } else if (a.anchor() instanceof Before before) {
        TomlDocument.Element el = element(before.entry());
        if (el != null) {
          edits.insert(
              commentStart(el.header().lineStart()),
              TextEdits.Order.BEFORE_NEXT,
              block(path, a, el) + style.eol());
        }
      } else if (a.anchor() instanceof AtEnd) {
        DocArray array = doc.array(a.scope(), a.kind());
        if (!array.entries().isEmpty()) {
          TomlDocument.Element el = element(array.entries().get(array.entries().size() - 1));
          if (el != null) {
            edits.insert(
                el.contentEnd(),
                TextEdits.Order.AFTER_PREVIOUS,
                newlineIfNeeded(el.contentEnd()) + style.eol() + block(path, a, el));
          }
        } else if (array.state() != DocArray.State.ABSENT) {
          unsupported(
              array.at(),
              "`" + a.kind().describe(a.scope()) + "` is written inline," + " so cfc cannot add [["
                  + a.kind().describe(a.scope()) + "]] tables to it",
              "rewrite it as [[" + a.kind().describe(a.scope()) + "]] tables");
        } else if (inlineParent(path)) {
          // reported
        } else if (addInline(a, path)) {
          // written as the file writes this kind of array elsewhere
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
     * A new array of a kind the file writes inline elsewhere ({@code containers = [ { ... } ]})
     * is written inline too, as a key at the end of its section's keys ({@code [env.<name>]}, or
     * the top of the file). False, for {@code [[...]]} tables instead, when the file writes no
     * array of this kind inline, the environment has no {@code [env.<name>]} table of its own,
     * or a table header on the way ({@code [env.<name>.durable_objects]}) would make the key
     * define that table twice.
     */
    private boolean addInline(AddEntry a, List<String> path) {
      if (newInlineArrays.containsKey(path)) {
        newInlineArrays.get(path).elements().add(a.fields());
        return true;
      }
      if (inlineModel(a.kind()) == null) {
        return false;
      }
      List<String> section = a.scope().isEmpty() ? List.of() : List.of("env", a.scope());
      if (keysEnd(section) < 0) {
        return false;
      }
      List<String> first = path.subList(0, section.size() + 1);
      for (TomlLayout.Header h : layout.headers()) {
        if (h.path().size() >= first.size() && h.path().subList(0, first.size()).equals(first)) {
          return false;
        }
      }
      List<Map<String, Object>> elements = new ArrayList<>();
      elements.add(a.fields());
      newInlineArrays.put(path, new NewInlineArray(section, path, a.kind(), elements));
      return true;
    }

    /** An array of this kind the file writes inline, in any scope, or null. */
    private TomlDocument.InlineArray inlineModel(ArrayKind kind) {
      for (String scope : doc.scopes()) {
        TomlDocument.InlineArray model = doc.inlineArray(scope, kind);
        if (model != null && !model.elements().isEmpty()) {
          return model;
        }
      }
      return null;
    }

    /**
     * Where a key added to a section goes: after the section's last key, else right under its
     * header; -1 when an environment has no {@code [env.<name>]} header.
     */
    private int keysEnd(List<String> section) {
      int header = -1;
      int end = 0;
      if (!section.isEmpty()) {
        List<TomlLayout.Header> headers = layout.headers();
        for (int i = 0; i < headers.size() && header < 0; i++) {
          if (!headers.get(i).arrayTable() && headers.get(i).path().equals(section)) {
            header = i;
            end = headers.get(i).lineEnd();
          }
        }
        if (header < 0) {
          return -1;
        }
      }
      for (TomlLayout.KeyValue kv : layout.keyValues()) {
        if (kv.header() == header) {
          end = Math.max(end, kv.lineEnd());
        }
      }
      return end;
    }

    /**
     * Writes a new inline array like the model the file has: one element per line at the
     * model's indentation and with its trailing comma, or all on the key's line when the model
     * writes its elements on one line.
     */
    private void writeInlineArray(NewInlineArray array) {
      TomlDocument.InlineArray model = inlineModel(array.kind());
      List<String> key =
          array.path().subList(array.section().size(), array.path().size());
      int at = keysEnd(array.section());
      TomlLayout.Span first = model.elements().get(0).span();
      TomlLayout.Span last = model.elements().get(model.elements().size() - 1).span();
      int lineStart = layout.lineStartOf(first.start());
      boolean ownLines = text.substring(lineStart, first.start()).isBlank();
      boolean trailingComma = text.substring(last.end()).stripLeading().startsWith(",");
      List<String> values = array.elements().stream().map(style::value).toList();
      StringBuilder out =
          new StringBuilder(TomlStyle.keyPath(key)).append(style.separator()).append('[');
      if (ownLines) {
        String indent = text.substring(lineStart, first.start());
        out.append(style.eol());
        for (int i = 0; i < values.size(); i++) {
          out.append(indent)
              .append(values.get(i))
              .append(i < values.size() - 1 || trailingComma ? "," : "")
              .append(style.eol());
        }
      } else {
        out.append(' ').append(String.join(", ", values)).append(' ');
      }
      out.append(']').append(style.eol());
      edits.insert(at, TextEdits.Order.AFTER_PREVIOUS, newlineIfNeeded(at) + out);
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
      return last < 0 || last + 1 == headers.size()
          ? -1
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
        edits.insert(
            offset,
            TextEdits.Order.BEFORE_NEXT,
            (blankBefore ? "" : style.eol())
                + String.join(style.eol(), blocks)
                + (blankAfter ? "" : style.eol()));
      });
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
      String headerIndent = text.substring(
          anchor.header().lineStart(),
          anchor.header().lineStart() + anchor.header().column() - 1);
      String keyIndent = anchor.keyIndent() == null ? headerIndent : anchor.keyIndent();
      return style.block(path, a.fields(), headerIndent, keyIndent);
    }

    /** Whether a table on the way to {@code path} is an inline value that cannot be extended. */
    private boolean inlineParent(List<String> path) {
      for (TomlLayout.KeyValue kv : layout.keyValues()) {
        List<String> full = kv.fullPath();
        if (full.size() < path.size() && path.subList(0, full.size()).equals(full)) {
          unsupported(
              new Diagnostic.Location(doc.source().displayName(), kv.line(), kv.column()),
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
        unsupported(
            entry.at(),
            "`" + entry.kind().describe(entry.scope()) + "` is written as an"
                + " inline array, which cfc does not edit",
            "rewrite it as [[" + entry.kind().describe(entry.scope()) + "]] tables");
      }
      return el;
    }

    private void unsupported(Diagnostic.Location at, String message, String hint) {
      diagnostics.add(unsupportedLayout(at, message, hint));
    }
  }

  /** A layout cfc does not edit safely. */
  static Diagnostic unsupportedLayout(Diagnostic.Location at, String message, String hint) {
    return Diagnostic.error(WranglerCodes.UNSUPPORTED_LAYOUT, at, message, hint);
  }
}

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
import java.util.ArrayList;
import java.util.List;
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
  public boolean handles(ConfigSource source) {
    return source.fileName().endsWith(".toml");
  }

  @Override
  public Parsed parse(ConfigSource source) {
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
    private final List<Diagnostic> diagnostics = new ArrayList<>();

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
      if (!diagnostics.isEmpty()) {
        return new Emitted(text, diagnostics.stream().distinct().toList());
      }
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
      if (a.anchor() instanceof After after) {
        TomlDocument.Element el = element(after.entry());
        if (el != null) {
          edits.insert(el.contentEnd(), TextEdits.Order.AFTER_PREVIOUS, newlineIfNeeded(el.contentEnd()) + style.eol()
              + block(path, a, el));
        }
      } else if (a.anchor() instanceof Before before) {
        TomlDocument.Element el = element(before.entry());
        if (el != null) {
          edits.insert(leadingCommentStart(el), TextEdits.Order.BEFORE_NEXT, block(path, a, el) + style.eol());
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
          atEof.add(style.block(path, a.fields(), "", defaultKeyIndent()));
        }
      }
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

    private int leadingCommentStart(TomlDocument.Element el) {
      int start = el.header().lineStart();
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

package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of character ranges in one JSONC text, applied together. Insertions at the same
 * offset keep the order they were added in and come before a replacement starting there; an
 * insertion or replacement inside another replaced range is a layout the backend cannot edit and
 * throws {@link IllegalStateException}.
 */
final class JsoncEdits {

  private record Edit(int start, int end, String text, int seq) {}

  private final List<Edit> edits = new ArrayList<>();

  void insert(int at, String text) {
    edits.add(new Edit(at, at, text, edits.size()));
  }

  void replace(int start, int end, String text) {
    edits.add(new Edit(start, end, text, edits.size()));
  }

  void delete(int start, int end) {
    replace(start, end, "");
  }

  String applyTo(String text) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start)
        .thenComparingInt(e -> e.end() == e.start() ? 0 : 1)
        .thenComparingInt(Edit::seq));
    StringBuilder out = new StringBuilder(text.length() + 256);
    int cursor = 0;
    for (Edit e : sorted) {
      if (e.start() < cursor) {
        throw new IllegalStateException("overlapping edits at offset " + e.start());
      }
      out.append(text, cursor, e.start()).append(e.text());
      cursor = e.end();
    }
    out.append(text, cursor, text.length());
    return out.toString();
  }
}

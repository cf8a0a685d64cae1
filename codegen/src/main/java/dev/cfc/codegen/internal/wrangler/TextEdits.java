package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of character ranges in one text, applied together. Insertions at the same offset
 * are ordered by {@link Order} (what extends the text before the offset comes before what belongs
 * to the text after it), then by the order they were added in, and all come before a replacement
 * starting there; overlapping ranges are a planning bug and throw.
 */
final class TextEdits {

  /** Where an insertion belongs when several land on the same offset. */
  enum Order {
    /** A new key line of the element that ends here. */
    EXTENDS_PREVIOUS,
    /** A new element after the element that ends here. */
    AFTER_PREVIOUS,
    /** A new element before the element that starts here. */
    BEFORE_NEXT,
    /** Text appended at the end of the file. */
    END
  }

  private record Edit(int start, int end, String text, int order, int seq) {}

  private final List<Edit> edits = new ArrayList<>();

  /** An insertion ordered only by when it was added among those at the same offset. */
  void insert(int at, String text) {
    insert(at, Order.AFTER_PREVIOUS, text);
  }

  void insert(int at, Order order, String text) {
    edits.add(new Edit(at, at, text, order.ordinal(), edits.size()));
  }

  void replace(int start, int end, String text) {
    edits.add(new Edit(start, end, text, Order.values().length, edits.size()));
  }

  void delete(int start, int end) {
    replace(start, end, "");
  }

  String applyTo(String text) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start)
        .thenComparingInt(Edit::order)
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

package dev.cfc.container.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

/** Key order and opaque cursors, as KV and R2 list them. */
final class Keys {

  /** UTF-8 byte order, which is code point order (not Java's UTF-16 order). */
  static final Comparator<String> ORDER = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  private Keys() {}

  static String cursor(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
  }

  /** The key a cursor continues after, or null for none. */
  static String after(String cursor, Limits limits, String op) {
    if (cursor == null) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw limits.badRequest(op, "cursor is not one this listing returned: " + cursor);
    }
  }
}

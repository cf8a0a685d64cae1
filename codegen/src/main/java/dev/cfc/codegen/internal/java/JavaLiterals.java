package dev.cfc.codegen.internal.java;

import com.palantir.javapoet.CodeBlock;

/**
 * String constants in generated Java. Every string goes through JavaPoet's {@code $S}, which
 * escapes quotes, backslashes and control characters. Three kinds of character survive
 * {@code $S} raw and break the file: an unpaired surrogate (it cannot be saved as UTF-8), and
 * U+2028 and U+2029 (JavaPoet starts a new line at them, inside the literal). Each of those
 * becomes {@code (char) 0x2028} concatenated with the rest, a constant expression that holds the
 * exact value.
 */
final class JavaLiterals {

  private JavaLiterals() {}

  /** A constant expression of type {@code String} equal to {@code value}. */
  static CodeBlock string(String value) {
    CodeBlock.Builder out = CodeBlock.builder();
    int start = 0;
    boolean first = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!unsafe(value, i)) {
        if (Character.isHighSurrogate(c)) {
          i++;
        }
        continue;
      }
      if (i > start || first) {
        out.add(first ? "$S" : " + $S", value.substring(start, i));
        first = false;
      }
      out.add(" + (char) 0x$L", Integer.toHexString(c));
      start = i + 1;
    }
    if (first || start < value.length()) {
      out.add(first ? "$S" : " + $S", value.substring(start));
    }
    return out.build();
  }

  private static boolean unsafe(String value, int i) {
    char c = value.charAt(i);
    if (c == '\u2028' || c == '\u2029') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    return Character.isLowSurrogate(c);
  }
}

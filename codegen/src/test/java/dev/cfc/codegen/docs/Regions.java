package dev.cfc.codegen.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named regions of a source file, delimited by comment lines: {@code // region name} …
 * {@code // endregion} in Java, TypeScript and JSONC, {@code # region name} … {@code # endregion}
 * in TOML and shell. Regions may nest; marker lines are never part of a snippet, and a region's
 * common indentation is removed.
 */
final class Regions {

  private static final Pattern START = Pattern.compile("^\\s*(?://|#)\\s*region\\s+(\\S+)\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*(?://|#)\\s*endregion\\b.*$");

  private Regions() {}

  /** The whole text, or one region of it, as a snippet. */
  static String extract(String text, String region, String shownName) {
    List<String> lines = List.of(text.split("\n", -1));
    int from = 0;
    int to = lines.size();
    if (text.endsWith("\n")) {
      to--;
    }
    if (region != null) {
      from = -1;
      int depth = 0;
      for (int i = 0; i < lines.size(); i++) {
        Matcher start = START.matcher(lines.get(i));
        if (from < 0) {
          if (start.matches() && start.group(1).equals(region)) {
            from = i + 1;
          }
          continue;
        }
        if (start.matches()) {
          depth++;
        } else if (END.matcher(lines.get(i)).matches()) {
          if (depth == 0) {
            to = i;
            break;
          }
          depth--;
        }
        if (i == lines.size() - 1) {
          throw new IllegalArgumentException(shownName + ": region " + region + " never ends");
        }
      }
      if (from < 0) {
        throw new IllegalArgumentException(shownName + " has no region " + region);
      }
    }
    List<String> kept = new ArrayList<>();
    for (String line : lines.subList(from, to)) {
      if (!START.matcher(line).matches() && !END.matcher(line).matches()) {
        kept.add(line.stripTrailing());
      }
    }
    int indent = Integer.MAX_VALUE;
    for (String line : kept) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : kept) {
      out.add(line.isBlank() ? "" : line.substring(indent));
    }
    return String.join("\n", out);
  }

  /** Every region name that starts in the text, to check that markers are balanced. */
  static List<String> names(String text) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    for (String line : text.split("\n", -1)) {
      Matcher start = START.matcher(line);
      if (start.matches()) {
        names.add(start.group(1));
        depth++;
      } else if (END.matcher(line).matches()) {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("endregion without region");
        }
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException(depth + " region(s) never end");
    }
    return names;
  }
}

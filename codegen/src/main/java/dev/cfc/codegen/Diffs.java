package dev.cfc.codegen;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Unified diffs of planned files, as {@code cfc diff}, {@code check} and the plugin print. */
public final class Diffs {

  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String CYAN = "\u001b[36m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private Diffs() {}

  /** The unified diff of every changed file, with three lines of context. */
  public static String unified(CompileResult result, boolean color) {
    StringBuilder out = new StringBuilder();
    for (PlannedFile file : result.changedFiles()) {
      out.append(unified(file, color));
    }
    return out.toString();
  }

  /**
   * The unified diff of every changed file followed by {@link CompileResult#summaryLines}, one
   * a line: what {@code cfc check}, {@code cfc generate --dry-run} and the plugin's check show.
   */
  public static String withSummaries(CompileResult result, boolean color) {
    return unified(result, color) + String.join("\n", result.summaryLines()) + "\n";
  }

  /** The unified diff of one file; empty when it does not change. */
  public static String unified(PlannedFile file, boolean color) {
    if (!file.changed()) {
      return "";
    }
    List<String> before = file.before() == null ? List.of() : lines(file.before());
    List<String> after = file.after() == null ? List.of() : lines(file.after());
    Patch<String> patch = DiffUtils.diff(before, after);
    String from = file.before() == null ? "/dev/null" : "a/" + file.displayName();
    String to = file.after() == null ? "/dev/null" : "b/" + file.displayName();
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(from, to, before, patch, 3);
    StringBuilder out = new StringBuilder();
    for (String line : diff) {
      out.append(color ? paint(line) : line).append('\n');
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static String paint(String line) {
    if (line.startsWith("+++") || line.startsWith("---")) {
      return BOLD + line + RESET;
    }
    if (line.startsWith("@@")) {
      return CYAN + line + RESET;
    }
    if (line.startsWith("+")) {
      return GREEN + line + RESET;
    }
    if (line.startsWith("-")) {
      return RED + line + RESET;
    }
    return line;
  }
}

package dev.cfc.codegen.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page split into its fenced code blocks, each with the HTML comment on the line just
 * above its opening fence (the marker), so that the blocks can be compared with their sources and
 * rewritten in place.
 */
final class MarkdownPage {

  private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})(.*)$");
  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*(.*?)\\s*-->\\s*$");

  /**
   * One fenced block.
   *
   * @param line 1-based line of the opening fence
   * @param marker the comment above it without {@code <!--}/{@code -->}, or null when there is none
   * @param info the fence's info string ({@code java}, {@code sh}, …)
   * @param indent the fence's indentation, removed from the content
   * @param open 0-based index of the opening fence line
   * @param close 0-based index of the closing fence line
   * @param content the lines between the fences, indentation removed, joined with {@code \n}
   */
  record Block(
      int line, String marker, String info, String indent, int open, int close, String content) {}

  final Path path;
  final String name;
  private final List<String> lines;
  final List<Block> blocks;

  private MarkdownPage(Path path, List<String> lines) {
    this.path = path;
    this.name = path.getFileName().toString();
    this.lines = lines;
    this.blocks = parse(lines);
  }

  static MarkdownPage read(Path path) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    return new MarkdownPage(path, new ArrayList<>(Arrays.asList(text.split("\n", -1))));
  }

  String text() {
    return String.join("\n", lines);
  }

  private static List<Block> parse(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      String fence = open.group(2);
      int close = -1;
      for (int j = i + 1; j < lines.size(); j++) {
        String stripped = lines.get(j).strip();
        if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0))) {
          close = j;
          break;
        }
      }
      if (close < 0) {
        throw new IllegalStateException("line " + (i + 1) + ": code fence is never closed");
      }
      String marker = null;
      if (i > 0) {
        Matcher m = MARKER.matcher(lines.get(i - 1));
        if (m.matches()) {
          marker = m.group(1);
        }
      }
      List<String> content = new ArrayList<>();
      for (int j = i + 1; j < close; j++) {
        String line = lines.get(j);
        content.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
      }
      blocks.add(new Block(
          i + 1, marker, open.group(3).strip(), indent, i, close, String.join("\n", content)));
      i = close;
    }
    return blocks;
  }

  /**
   * A copy of this page's text with the given blocks' contents replaced; {@code replacements}
   * holds one entry per block, null to keep a block as it is.
   */
  String withContents(List<String> replacements) {
    List<String> out = new ArrayList<>();
    int next = 0;
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      out.addAll(lines.subList(next, block.open() + 1));
      String replacement = replacements.get(b);
      if (replacement == null) {
        out.addAll(lines.subList(block.open() + 1, block.close()));
      } else if (!replacement.isEmpty()) {
        for (String line : replacement.split("\n", -1)) {
          out.add(line.isEmpty() ? "" : block.indent() + line);
        }
      }
      next = block.close();
    }
    out.addAll(lines.subList(next, lines.size()));
    return String.join("\n", out);
  }
}

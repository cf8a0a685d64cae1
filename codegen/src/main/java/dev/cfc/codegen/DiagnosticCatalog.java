package dev.cfc.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The diagnostics catalogue, {@code docs/diagnostics.md}, bundled into the jar: one section per
 * code, each with what it means, a bad example and the fix. {@code cfc explain} prints a section.
 */
public final class DiagnosticCatalog {

  private static final Pattern HEADING = Pattern.compile("(?m)^## (CFC\\d{3})\\b.*$");

  private DiagnosticCatalog() {}

  /** The catalogue entry of a code such as {@code CFC012} (case-insensitive), if documented. */
  public static Optional<String> entry(String code) {
    return Optional.ofNullable(entries().get(code.trim().toUpperCase(Locale.ROOT)));
  }

  /** Whether the catalogue documents {@code code} as a warning (its entry says "(Warning.)"). */
  public static boolean isWarning(String code) {
    return entry(code).map(text -> text.contains("(Warning.)")).orElse(false);
  }

  /** Every entry by code, in catalogue order. */
  public static Map<String, String> entries() {
    String text = read();
    Map<String, String> entries = new LinkedHashMap<>();
    Matcher m = HEADING.matcher(text);
    String code = null;
    int start = 0;
    while (m.find()) {
      if (code != null) {
        entries.put(code, text.substring(start, m.start()).strip() + "\n");
      }
      code = m.group(1);
      start = m.start();
    }
    if (code != null) {
      int end = text.indexOf("\n# ", start);
      entries.put(code, text.substring(start, end < 0 ? text.length() : end).strip() + "\n");
    }
    return entries;
  }

  private static String read() {
    try (InputStream in = DiagnosticCatalog.class.getResourceAsStream("diagnostics.md")) {
      if (in == null) {
        return "";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

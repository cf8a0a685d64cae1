package dev.cfc.codegen.internal;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.WrittenKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * {@code cfc.lock}: the record of which Durable Object classes cfc manages in the wrangler
 * config. It is what lets cfc tell a removed definition (whose entries it must refuse to drop
 * without {@code --allow-destroy}) from a hand-written entry it must never touch. It is kept
 * beside the wrangler config it describes and committed; a JSON config has no comments to keep
 * it in. Each config has its own record, so that several Workers' configs can share a folder:
 * {@code cfc.lock} for the names wrangler finds by itself ({@code wrangler.toml},
 * {@code wrangler.jsonc}, {@code wrangler.json}), {@code <stem>.cfc.lock} for any other
 * ({@code wrangler.api.toml} → {@code wrangler.api.cfc.lock}).
 */
final class ManagedLock {

  /** The record of a config wrangler finds by itself, and of every config before records were per config. */
  static final String FILE_NAME = "cfc.lock";

  private ManagedLock() {}

  /** The record that belongs to {@code config}. */
  static Path pathFor(Path config) {
    String name = config.getFileName().toString();
    if (Pipeline.CONFIG_NAMES.contains(name)) {
      return config.resolveSibling(FILE_NAME);
    }
    String stem = name.replaceFirst("\\.(toml|jsonc|json)$", "");
    return config.resolveSibling(stem + ".cfc.lock");
  }

  /**
   * The config a record's text says it describes ({@code wrangler.config}), or null when the text
   * does not say.
   */
  static String recordedConfig(String text) {
    if (text == null || InputFiles.tomlTooDeep(text, "") != null) {
      return null;
    }
    TomlParseResult toml = Toml.parse(text);
    return toml.hasErrors() || !toml.isString("wrangler.config")
        ? null
        : toml.getString("wrangler.config");
  }

  /**
   * What a lock file records.
   *
   * @param classes the classes cfc manages ({@code wrangler.managed})
   * @param written the keys cfc wrote into each managed entry ({@code [wrangler.written]}); none
   *     for a record written before cfc kept them
   */
  record Recorded(Set<String> classes, WrittenKeys written) {
    static final Recorded NONE = new Recorded(Set.of(), WrittenKeys.none());
  }

  /**
   * What a lock file's text records, parsed once; nothing for a missing or empty lock. A text that
   * is not a lock cfc wrote is reported and records nothing.
   */
  static Recorded read(String text, String shownName, List<Diagnostic> diagnostics) {
    if (text == null || text.isBlank()) {
      return Recorded.NONE;
    }
    Diagnostic tooDeep = InputFiles.tomlTooDeep(text, shownName);
    if (tooDeep != null) {
      diagnostics.add(tooDeep);
      return Recorded.NONE;
    }
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors() || !toml.isArray("wrangler.managed")) {
      diagnostics.add(Diagnostic.error(
          "CFC208",
          Diagnostic.Location.of(shownName),
          shownName + " is not a lock file cfc wrote",
          "restore it from version control; deleting it makes cfc treat its entries as"
              + " hand-written"));
      return Recorded.NONE;
    }
    Set<String> classes = new LinkedHashSet<>(strings(toml.getArray("wrangler.managed")));
    Map<String, List<String>> byEntry = new LinkedHashMap<>();
    if (toml.isTable("wrangler.written")) {
      TomlTable table = toml.getTable("wrangler.written");
      for (String entry : table.keySet()) {
        if (table.get(List.of(entry)) instanceof TomlArray keys) {
          byEntry.put(entry, strings(keys));
        }
      }
    }
    return new Recorded(classes, new WrittenKeys(byEntry));
  }

  private static List<String> strings(TomlArray array) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof String value) {
        out.add(value);
      }
    }
    return out;
  }

  /** The lock file text for these classes, sorted so that it does not churn. */
  static String render(String configName, Set<String> classes, WrittenKeys written) {
    List<String> sorted = new ArrayList<>(classes);
    sorted.sort(null);
    StringBuilder out = new StringBuilder();
    out.append(
        "# Written by cfc: the wrangler entries cfc manages. Commit this file; do not edit.\n");
    out.append("[wrangler]\n");
    out.append("config = \"").append(Toml.tomlEscape(configName)).append("\"\n");
    out.append("managed = [");
    for (int i = 0; i < sorted.size(); i++) {
      out.append(i == 0 ? "" : ", ")
          .append('"')
          .append(Toml.tomlEscape(sorted.get(i)))
          .append('"');
    }
    out.append("]\n");
    if (!written.byEntry().isEmpty()) {
      out.append(
          "\n# The keys cfc writes in each entry (<class>, or <env>:<class>); it removes only"
              + " these.\n");
      out.append("[wrangler.written]\n");
      written.byEntry().forEach((entry, keys) -> {
        out.append(entry.matches("[A-Za-z0-9_-]+") ? entry : "\"" + Toml.tomlEscape(entry) + "\"")
            .append(" = [");
        for (int i = 0; i < keys.size(); i++) {
          out.append(i == 0 ? "" : ", ")
              .append('"')
              .append(Toml.tomlEscape(keys.get(i)))
              .append('"');
        }
        out.append("]\n");
      });
    }
    return out.toString();
  }
}

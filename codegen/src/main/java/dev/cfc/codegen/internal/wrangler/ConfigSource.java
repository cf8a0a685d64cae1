package dev.cfc.codegen.internal.wrangler;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A wrangler config as read from disk.
 *
 * @param path the config's path relative to the project; its file name decides the {@link
 *     #syntax()} and it is the file named in diagnostics
 * @param text the whole file content
 */
public record ConfigSource(Path path, String text) {

  /** The config syntaxes wrangler reads, as cfc tells them apart. */
  public enum Syntax {
    /** {@code wrangler.toml}. */
    TOML,
    /** {@code wrangler.jsonc} or {@code wrangler.json}: JSON with comments and trailing commas. */
    JSONC,
    /** Any other file name: cfc cannot edit it. */
    UNSUPPORTED;

    /** The syntax wrangler reads a config of this name in (the extension, in any case). */
    public static Syntax of(Path path) {
      Path name = path.getFileName();
      String file = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      if (file.endsWith(".toml")) {
        return TOML;
      }
      return file.endsWith(".jsonc") || file.endsWith(".json") ? JSONC : UNSUPPORTED;
    }
  }

  public ConfigSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  /** How the text is written, as wrangler decides it: by the file name. */
  public Syntax syntax() {
    return Syntax.of(path);
  }

  /** The name used in {@code Diagnostic.Location}: the path with {@code /} separators. */
  public String displayName() {
    return path.toString().replace('\\', '/');
  }

  /** Whether the config is JSON, so that hints and snippets must not show TOML. */
  public boolean isJson() {
    return syntax() == Syntax.JSONC;
  }
}

package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.List;

/**
 * One config syntax (TOML, JSONC): parsing into a {@link ConfigDocument} with positions, and
 * turning an {@link EditPlan} into new text. Everything else — ownership, migrations, placement —
 * is decided once, syntax-neutrally, by {@link ReconcilePlanner}.
 */
interface ConfigBackend {

  /** The syntax this backend reads and writes. */
  ConfigSource.Syntax syntax();

  /** Parses the whole config; malformed input gives {@code CFC100} diagnostics and no document. */
  Parsed parse(ConfigSource source);

  /**
   * Applies the plan as text edits at the parsed positions, leaving every other byte as it was.
   * A layout the backend cannot edit safely gives {@code CFC101} diagnostics instead of text.
   *
   * @param document a document this backend returned from {@link #parse}
   */
  Emitted apply(ConfigDocument document, EditPlan plan);

  /** The result of {@link #parse}: a document, or the errors that prevented one. */
  record Parsed(ConfigDocument document, List<Diagnostic> diagnostics) {
    public Parsed {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** The result of {@link #apply}: the new text, or the errors that prevented it. */
  record Emitted(String text, List<Diagnostic> diagnostics) {
    public Emitted {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}

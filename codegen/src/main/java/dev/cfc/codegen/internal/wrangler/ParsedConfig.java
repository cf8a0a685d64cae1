package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.List;

/**
 * A wrangler config parsed once for the whole compile: validation reads its {@link #facts()},
 * {@link WranglerReconciler#run(ParsedConfig, DesiredState, java.util.Set, WrittenKeys)} edits the
 * same parse.
 */
public final class ParsedConfig {

  private final ConfigSource source;
  private final ConfigBackend backend;
  private final ConfigDocument document;
  private final ConfigFacts facts;
  private final List<Diagnostic> diagnostics;

  /**
   * @param backend the backend of the source's syntax, or {@code null} when cfc has none
   * @param document the parse, or {@code null} when there is no backend or the text is malformed
   * @param diagnostics why a config with a backend did not parse
   */
  ParsedConfig(
      ConfigSource source,
      ConfigBackend backend,
      ConfigDocument document,
      List<Diagnostic> diagnostics) {
    this.source = source;
    this.backend = backend;
    this.document = document;
    this.facts = document == null ? ConfigFacts.none(source) : ConfigFacts.of(document);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The config as read. */
  public ConfigSource source() {
    return source;
  }

  /** What the config declares; empty facts when it did not parse. */
  public ConfigFacts facts() {
    return facts;
  }

  /** Parse errors; empty when the config parsed, or when no backend reads its syntax. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  ConfigBackend backend() {
    return backend;
  }

  ConfigDocument document() {
    return document;
  }
}

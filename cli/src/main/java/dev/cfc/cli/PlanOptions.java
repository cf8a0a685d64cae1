package dev.cfc.cli;

import picocli.CommandLine.Option;

/** The options of the commands that plan the outputs: generate, check and diff. */
final class PlanOptions {

  @Option(
      names = "--env",
      paramLabel = "<name>",
      description = "Limit the run to this environment (and the top level).")
  String env;

  @Option(
      names = "--allow-destroy",
      description = "Allow removing a definition: prunes its entries and appends a"
          + " deleted_classes migration, which deletes the Durable Object's data.")
  boolean allowDestroy;

  @Option(
      names = "--adopt",
      description = "Take over hand-written wrangler entries whose class a definition owns.")
  boolean adopt;

  @Option(names = "--no-color", description = "Never colour diffs.")
  boolean noColor;

  /** Colour only on an interactive terminal that has not asked for none. */
  boolean color() {
    return !noColor
        && System.console() != null
        && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }
}

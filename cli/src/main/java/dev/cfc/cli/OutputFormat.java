package dev.cfc.cli;

import java.util.Locale;

/** The forms a command prints its findings in ({@code --format}). */
enum OutputFormat {
  /** Located lines for people and editors: {@code file:line:col: error CFCnnn: …}. */
  TEXT,
  /** The {@code --json} report. */
  JSON,
  /** GitHub Actions workflow commands, which annotate the pull request. */
  GITHUB,
  /** A SARIF 2.1.0 log, for code scanning. */
  SARIF,
  /** Markdown, for a pull-request comment ({@code plan} only). */
  MARKDOWN;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.cfc.codegen;

import java.util.List;

/**
 * The outcome of {@link Compiler#compile}: findings and the planned content of every output
 * file. Writing ({@link OutputWriter}), checking and diffing ({@link Diffs}) consume it.
 *
 * @param diagnostics every finding, sorted by file and line
 * @param files the planned outputs; empty when there are errors
 * @param configChanges what the planned wrangler config changes, as facts for a reviewer's plan
 *     (none when there are errors or no config)
 */
public record CompileResult(
    List<Diagnostic> diagnostics, List<PlannedFile> files, ConfigChanges configChanges) {

  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
    files = List.copyOf(files);
    java.util.Objects.requireNonNull(configChanges, "configChanges");
  }

  /** A result that changes nothing in a wrangler config. */
  public CompileResult(List<Diagnostic> diagnostics, List<PlannedFile> files) {
    this(diagnostics, files, ConfigChanges.none(""));
  }

  /** Whether any finding is an error; then nothing may be written. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether any planned file differs from the disk. */
  public boolean isStale() {
    return files.stream().anyMatch(PlannedFile::changed);
  }

  /**
   * One summary line per changed file, as {@code cfc generate} prints them
   * ({@code wrangler.toml: +1 container, ~2 fields, +1 migration v3}); files with an empty
   * summary share another file's line (a generated directory has one line). {@code no changes}
   * when nothing changes. Each hand-written entry taken over ({@code adopt()}, {@code --adopt})
   * follows as its own line, with every field the definition changes in it, so that an adoption
   * never passes unnoticed ({@code   adopted MyContainer (top level); max_instances: 5 → 6}).
   */
  public List<String> summaryLines() {
    List<String> lines = new java.util.ArrayList<>(changedFiles().stream()
        .map(PlannedFile::summary)
        .filter(summary -> !summary.isEmpty())
        .toList());
    for (ConfigChanges.ScopeChanges scope : configChanges.scopes()) {
      for (ConfigChanges.ContainerChange change : scope.containers()) {
        if (change.kind() == ConfigChanges.Kind.ADOPTED) {
          lines.add(adoptionLine(scope, change));
        }
      }
    }
    return lines.isEmpty() ? List.of("no changes") : List.copyOf(lines);
  }

  private static String adoptionLine(
      ConfigChanges.ScopeChanges scope, ConfigChanges.ContainerChange change) {
    StringBuilder line = new StringBuilder("  adopted ")
        .append(change.className())
        .append(" (")
        .append(scope.describe())
        .append(")");
    String separator = "; ";
    for (ConfigChanges.FieldChange field : change.fields()) {
      line.append(separator).append(field.describe());
      separator = ", ";
    }
    return line.toString();
  }

  /** The files that would change. */
  public List<PlannedFile> changedFiles() {
    return files.stream().filter(PlannedFile::changed).toList();
  }
}

package dev.cfc.codegen;

import java.util.List;

/**
 * The outcome of {@link Compiler#compile}: findings and the planned content of every output
 * file. Writing ({@link OutputWriter}), checking and diffing ({@link Diffs}) consume it.
 *
 * @param diagnostics every finding, sorted by file and line
 * @param files the planned outputs; empty when there are errors
 */
public record CompileResult(List<Diagnostic> diagnostics, List<PlannedFile> files) {

  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
    files = List.copyOf(files);
  }

  /** Whether any finding is an error; then nothing may be written. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether any planned file differs from the disk. */
  public boolean isStale() {
    return files.stream().anyMatch(PlannedFile::changed);
  }

  /** The files that would change. */
  public List<PlannedFile> changedFiles() {
    return files.stream().filter(PlannedFile::changed).toList();
  }
}

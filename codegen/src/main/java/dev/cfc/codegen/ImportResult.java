package dev.cfc.codegen;

import java.util.List;

/**
 * What {@link Importer#run} rendered.
 *
 * @param source the Java source of the {@code ContainerSet}, or {@code null} when an error
 *     stopped the import
 * @param packageName its package
 * @param typeName its class name
 * @param configFile the wrangler config it was read from, as named in messages
 * @param classNames the Durable Object classes it defines, in config order
 * @param environments the wrangler environments whose entries it defines: {@code cfc.toml}'s
 *     {@code environments} must list them for {@code cfc generate} to maintain them
 * @param diagnostics errors, and warnings about keys left as written
 */
public record ImportResult(
    String source,
    String packageName,
    String typeName,
    String configFile,
    List<String> classNames,
    List<String> environments,
    List<Diagnostic> diagnostics) {

  public ImportResult {
    classNames = List.copyOf(classNames);
    environments = List.copyOf(environments);
    diagnostics = List.copyOf(diagnostics);
  }

  static ImportResult failed(List<Diagnostic> diagnostics) {
    return new ImportResult(null, null, null, null, List.of(), List.of(), diagnostics);
  }

  /** Whether an error stopped the import. */
  public boolean hasErrors() {
    return source == null || diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The source's path below a sources directory: {@code app/AppContainers.java}. */
  public String relativePath() {
    return packageName.isEmpty()
        ? typeName + ".java"
        : packageName.replace('.', '/') + "/" + typeName + ".java";
  }
}

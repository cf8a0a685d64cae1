package dev.cfc.codegen.internal.validate;

import dev.cfc.codegen.Diagnostic;
import java.util.Map;
import java.util.Set;

/**
 * What validation needs to know about the wrangler config for its cross-checks.
 *
 * @param configFile the config's path as printed
 * @param workerName top-level {@code name}, or null when absent
 * @param compatibilityDate {@code compatibility_date} ({@code YYYY-MM-DD}), or null
 * @param compatibilityDateAt where {@code compatibility_date} is written
 * @param secretsStoreBindings binding names declared in {@code secrets_store_secrets}, by scope
 *     ("" for the top level, else the environment name)
 */
public record ConfigContext(
    String configFile,
    String workerName,
    String compatibilityDate,
    Diagnostic.Location compatibilityDateAt,
    Map<String, Set<String>> secretsStoreBindings) {}

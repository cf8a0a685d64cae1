package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.BridgeKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts read from the wrangler config that validation cross-checks against the DSL.
 *
 * @param source the config they were read from (its name for messages, its syntax for hints)
 * @param workerName the top-level {@code name}, or {@code null} when absent
 * @param workerNameAt where {@code name} is written, or the file when absent
 * @param compatibilityDate the top-level {@code compatibility_date} as {@code yyyy-mm-dd} text, or
 *     {@code null}
 * @param compatibilityDateAt where it is written, or the file when absent
 * @param secretsStoreBindings declared {@code secrets_store_secrets} binding names per scope
 *     ({@code ""} = top level, else the environment name); every environment in the file is a key
 * @param hasMain whether a top-level {@code main} is set
 * @param environmentVars the text of {@code vars.CFC_ENVIRONMENT} per scope that sets it ({@code
 *     ""} = top level, else the environment name)
 * @param workerBindings declared binding names per scope ({@code ""} = top level, else the
 *     environment name) per kind ({@code kv_namespaces}, {@code r2_buckets}, {@code d1_databases},
 *     {@code queues.producers}, {@code services}); wrangler does not inherit them into
 *     environments, so each scope lists only its own
 */
public record ConfigFacts(
    ConfigSource source,
    String workerName,
    Diagnostic.Location workerNameAt,
    String compatibilityDate,
    Diagnostic.Location compatibilityDateAt,
    Map<String, List<String>> secretsStoreBindings,
    boolean hasMain,
    Map<String, String> environmentVars,
    Map<String, Map<BridgeKind, List<String>>> workerBindings) {

  public ConfigFacts {
    secretsStoreBindings = Map.copyOf(secretsStoreBindings);
    environmentVars = Map.copyOf(environmentVars);
    workerBindings = Map.copyOf(workerBindings);
  }

  /** Facts of a config that declares no KV, R2, D1, queue or service binding. */
  public ConfigFacts(
      ConfigSource source,
      String workerName,
      Diagnostic.Location workerNameAt,
      String compatibilityDate,
      Diagnostic.Location compatibilityDateAt,
      Map<String, List<String>> secretsStoreBindings,
      boolean hasMain,
      Map<String, String> environmentVars) {
    this(
        source,
        workerName,
        workerNameAt,
        compatibilityDate,
        compatibilityDateAt,
        secretsStoreBindings,
        hasMain,
        environmentVars,
        Map.of());
  }

  /** The binding names a scope declares as {@code kind} ({@code ""} = top level). */
  public List<String> bindings(String scope, BridgeKind kind) {
    return workerBindings.getOrDefault(scope, Map.of()).getOrDefault(kind, List.of());
  }

  /** Facts of a config that sets {@code CFC_ENVIRONMENT} in no scope. */
  public ConfigFacts(
      ConfigSource source,
      String workerName,
      Diagnostic.Location workerNameAt,
      String compatibilityDate,
      Diagnostic.Location compatibilityDateAt,
      Map<String, List<String>> secretsStoreBindings,
      boolean hasMain) {
    this(
        source,
        workerName,
        workerNameAt,
        compatibilityDate,
        compatibilityDateAt,
        secretsStoreBindings,
        hasMain,
        Map.of());
  }

  /** The Worker var naming the environment a generated class runs in (cfc-environments.ts). */
  public static final String ENVIRONMENT_VAR = "CFC_ENVIRONMENT";

  /** The config's path as printed in messages. */
  public String configFile() {
    return source.displayName();
  }

  /** Facts of a config that could not be read. */
  static ConfigFacts none(ConfigSource source) {
    Diagnostic.Location at = Diagnostic.Location.of(source.displayName());
    return new ConfigFacts(source, null, at, null, at, Map.of(), false);
  }

  /** The facts a parsed config declares, whatever its syntax. */
  static ConfigFacts of(ConfigDocument doc) {
    Map<String, List<String>> secrets = new LinkedHashMap<>();
    Map<String, String> environmentVars = new LinkedHashMap<>();
    Map<String, Map<BridgeKind, List<String>>> workerBindings = new LinkedHashMap<>();
    for (String scope : doc.scopes()) {
      Map<BridgeKind, List<String>> byKind = new EnumMap<>(BridgeKind.class);
      for (BridgeKind kind : BridgeKind.values()) {
        List<String> path = List.of(kind.wranglerKey().split("\\."));
        byKind.put(kind, bindingNames(doc.value(ConfigDocument.pathIn(scope, path))));
      }
      workerBindings.put(scope, Map.copyOf(byKind));
      secrets.put(
          scope, bindingNames(doc.value(ConfigDocument.pathIn(scope, "secrets_store_secrets"))));
      Object environmentVar =
          doc.value(ConfigDocument.pathIn(scope, List.of("vars", ENVIRONMENT_VAR)));
      if (environmentVar != null) {
        environmentVars.put(scope, environmentVar.toString());
      }
    }
    Object name = doc.value(List.of("name"));
    Object date = doc.value(List.of("compatibility_date"));
    return new ConfigFacts(
        doc.source(),
        name instanceof String s ? s : null,
        orFile(doc, doc.keyAt(List.of("name"))),
        date == null ? null : date.toString(),
        orFile(doc, doc.keyAt(List.of("compatibility_date"))),
        secrets,
        doc.keyAt(List.of("main")) != null,
        environmentVars,
        workerBindings);
  }

  /** The {@code binding} of each entry of an array of tables. */
  private static List<String> bindingNames(Object declared) {
    List<String> out = new ArrayList<>();
    if (declared instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> fields && fields.get("binding") instanceof String binding) {
          out.add(binding);
        }
      }
    }
    return out;
  }

  private static Diagnostic.Location orFile(ConfigDocument doc, Diagnostic.Location at) {
    return at == null ? doc.file() : at;
  }
}

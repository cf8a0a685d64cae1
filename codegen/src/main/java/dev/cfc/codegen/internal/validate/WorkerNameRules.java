package dev.cfc.codegen.internal.validate;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.dsl.ContainerDefinition;
import java.util.List;

/**
 * The wrangler config's worker name: CFC090 (none, while a container's application name is
 * derived from it).
 */
final class WorkerNameRules {

  private final ConfigFacts config;
  private final Findings findings;

  WorkerNameRules(ConfigFacts config, Findings findings) {
    this.config = config;
    this.findings = findings;
  }

  void check(List<ContainerDefinition> definitions) {
    if (config.workerName() != null && !config.workerName().isBlank()) {
      return;
    }
    boolean derived = definitions.stream().anyMatch(d -> d.containerName() == null);
    if (derived) {
      findings.add(Diagnostic.error(
          "CFC090",
          Diagnostic.Location.of(config.configFile()),
          config.configFile() + " has no worker name; container names are derived from it",
          "add " + ConfigSyntax.keyValue(config, "name", "my-worker") + " at the top of "
              + config.configFile()));
    }
  }
}

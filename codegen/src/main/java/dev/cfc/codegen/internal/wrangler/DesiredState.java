package dev.cfc.codegen.internal.wrangler;

import java.util.List;
import java.util.Objects;

/**
 * Everything the wrangler config should say about cfc's containers.
 *
 * @param containers the definitions, in DSL order
 * @param environments the {@code env.*} blocks cfc maintains (from {@code cfc.toml})
 * @param allowDestroy whether removing a definition may delete its Durable Object class
 * @param adoptAll whether every hand-written entry with a definition's class may be taken over
 */
public record DesiredState(
    List<DesiredContainer> containers,
    List<String> environments,
    boolean allowDestroy,
    boolean adoptAll) {

  public DesiredState {
    containers = List.copyOf(Objects.requireNonNull(containers, "containers"));
    environments = List.copyOf(Objects.requireNonNull(environments, "environments"));
    for (DesiredContainer c : containers) {
      for (String scope : scopes(environments)) {
        if (!c.entriesByScope().containsKey(scope)) {
          throw new IllegalArgumentException(
              "definition " + c.definitionName() + " has no entry for scope '" + scope + "'");
        }
      }
    }
  }

  /** The scopes cfc writes: the top level ({@code ""}) then each environment. */
  List<String> scopes() {
    return scopes(environments);
  }

  private static List<String> scopes(List<String> environments) {
    java.util.List<String> all = new java.util.ArrayList<>();
    all.add("");
    all.addAll(environments);
    return all;
  }
}

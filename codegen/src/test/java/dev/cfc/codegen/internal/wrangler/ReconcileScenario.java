package dev.cfc.codegen.internal.wrangler;

import java.util.List;
import java.util.Set;

/**
 * A generated config, the desired state, and the text pieces cfc must not touch, in either
 * syntax: the file name decides the backend, as it does for a user's project.
 *
 * @param fileName {@code wrangler.toml}, {@code wrangler.jsonc} or {@code wrangler.json}
 * @param text the config as written by hand
 * @param desired the state the definitions ask for
 * @param previouslyManaged the classes cfc managed before this run
 * @param keep the hand-written pieces, in order, that must come out byte for byte
 * @param removed the managed classes the desired state no longer has
 */
record ReconcileScenario(
    String fileName,
    String text,
    DesiredState desired,
    Set<String> previouslyManaged,
    List<String> keep,
    Set<String> removed) {

  @Override
  public String toString() {
    return "--- " + fileName + "\n" + text + "\n--- desired " + desired + "\n--- managed "
        + previouslyManaged;
  }
}

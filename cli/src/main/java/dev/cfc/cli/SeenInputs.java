package dev.cfc.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a full run saw of its inputs. Each group of inputs is observed just before the run reads
 * it ({@code cfc.toml}, then the DSL sources, then what the compile reads), so that afterwards a
 * fingerprint is saved only if every input is still as the run saw it. Content decides, not
 * modification times: a file rewritten during the run under an old time ({@code cp -p},
 * {@code touch -r}, a restored backup) differs in content from what was seen.
 */
final class SeenInputs {

  private final Path excluded;
  private final Set<InputStates.Root> roots = new LinkedHashSet<>();
  private final Set<String> lines = new LinkedHashSet<>();

  /** @param excluded the directory left out of every tree (cfc's own {@code .cfc}) */
  SeenInputs(Path excluded) {
    this.excluded = excluded;
  }

  /** Observes the roots not observed yet; called just before the run reads them. */
  void beforeReading(List<InputStates.Root> group) throws IOException {
    List<InputStates.Root> fresh = new ArrayList<>();
    for (InputStates.Root root : group) {
      if (roots.add(root)) {
        fresh.add(root);
      }
    }
    lines.addAll(InputStates.observe(fresh, excluded).lines());
  }

  /** Every root observed, in the order the run read them. */
  List<InputStates.Root> roots() {
    return List.copyOf(roots);
  }

  /**
   * The first path whose state in {@code now} (observed over {@link #roots}) differs from what
   * the run saw, or null when every input is as it was.
   */
  Path changedIn(List<String> now) {
    Set<String> after = new LinkedHashSet<>(now);
    for (String line : after) {
      if (!lines.contains(line)) {
        return pathOf(line);
      }
    }
    for (String line : lines) {
      if (!after.contains(line)) {
        return pathOf(line);
      }
    }
    return null;
  }

  private static Path pathOf(String line) {
    return Path.of(line.substring(0, line.lastIndexOf('\t')));
  }
}

package dev.cfc.maven;

import dev.cfc.codegen.Diffs;
import dev.cfc.codegen.Generation;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code cfc diff} in Maven: logs the unified diff {@code cfc:generate} would write, or
 * {@code no changes}. Writes nothing and, unlike {@code cfc:check}, does not fail when files
 * are stale; only invalid definitions fail it. Like {@code cfc:generate} it first runs the
 * lifecycle up to {@code process-classes}.
 */
@Mojo(
    name = "diff",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class DiffMojo extends AbstractCfcMojo {

  @Override
  String goal() {
    return "diff";
  }

  @Override
  void apply(Generation.Outcome outcome) {
    String diff = Diffs.unified(outcome.result(), false);
    if (diff.isEmpty()) {
      getLog().info("no changes");
      return;
    }
    // One message, so the lines below the heading stay a patch that can be copied as it is.
    getLog().info("cfc:generate would write:\n" + diff.stripTrailing());
  }
}

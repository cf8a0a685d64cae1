package dev.cfc.maven;

import dev.cfc.codegen.Generation;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reconciles the wrangler config and writes the generated TypeScript and Java from the
 * project's compiled {@code ContainerSet}s, without forking a lifecycle: the goal to bind in a
 * build (phase {@code process-classes}, after the classes are compiled). On the command line use
 * {@code cfc:generate}, which compiles first.
 */
@Mojo(
    name = "generate-no-fork",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class GenerateNoForkMojo extends AbstractCfcMojo {

  @Override
  String goal() {
    return "generate";
  }

  @Override
  boolean writes() {
    return true;
  }

  @Override
  void apply(Generation.Outcome outcome) {
    for (String line : outcome.result().summaryLines()) {
      getLog().info(line);
    }
  }
}

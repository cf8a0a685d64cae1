package dev.cfc.maven;

import dev.cfc.codegen.Generation;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code cfc validate} in Maven: compiles the definitions against the wrangler config and logs
 * every finding as the CLI's located line. Fails the build on any error; warnings do not fail
 * it. Writes nothing. Like {@code cfc:generate} it first runs the lifecycle up to
 * {@code process-classes}, so {@code mvn cfc:validate} works from a clean checkout.
 */
@Mojo(
    name = "validate",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class ValidateMojo extends AbstractCfcMojo {

  @Override
  String goal() {
    return "validate";
  }

  @Override
  void apply(Generation.Outcome outcome) {
    getLog().info("ok: " + outcome.result().files().size() + " planned file(s) valid");
  }
}

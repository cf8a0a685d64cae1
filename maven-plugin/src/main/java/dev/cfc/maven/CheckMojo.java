package dev.cfc.maven;

import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Diffs;
import dev.cfc.codegen.Generation;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The CI gate: fails the build, logging the unified diff and the summary that {@code cfc check}
 * prints, when the checked-in wrangler config or generated files differ from what the
 * definitions produce. Writes nothing. Bind it into the build (phase {@code verify}).
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractCfcMojo {

  static final String STALE = "stale: run `mvn cfc:generate` and commit the result";

  @Override
  String goal() {
    return "check";
  }

  @Override
  void apply(Generation.Outcome outcome) throws MojoFailureException {
    CompileResult result = outcome.result();
    if (outcome.status() == Generation.Status.UP_TO_DATE) {
      getLog().info("up to date");
      return;
    }
    // One message, so the diff below the prefix stays a patch that can be copied as it is.
    getLog().error("generated files are stale:\n" + Diffs.withSummaries(result, false) + STALE);
    int stale = result.changedFiles().size();
    throw new MojoFailureException(stale + " generated file" + (stale == 1 ? " is" : "s are")
        + " stale: run `mvn cfc:generate` and commit the result");
  }
}

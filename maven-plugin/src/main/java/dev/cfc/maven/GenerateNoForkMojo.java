package dev.cfc.maven;

import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectLock;
import java.io.IOException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reconciles the wrangler config and writes the generated TypeScript and Java from the
 * project's compiled {@code ContainerSet}s, without forking a lifecycle: the goal to bind in a
 * build (phase {@code process-classes}, after the classes are compiled). On the command line use
 * {@code cfc:generate}, which compiles first.
 */
@Mojo(name = "generate-no-fork", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class GenerateNoForkMojo extends AbstractCfcMojo {

  @Override
  String goal() {
    return "generate";
  }

  @Override
  void apply(CompileRequest request, CompileResult result) throws IOException,
      MojoFailureException {
    CompileResult written = result;
    if (!result.changedFiles().isEmpty()) {
      // Planned again under the project's lock, as the CLI plans: a run that wrote in between
      // (another build, cfc generate) is built upon instead of failing this one.
      try (ProjectLock lock = ProjectLock.acquire(projectState())) {
        written = Compiler.compile(request);
        report(written.diagnostics().stream()
            .filter(diagnostic -> !result.diagnostics().contains(diagnostic)).toList());
        OutputWriter.write(lock, written);
      }
    }
    for (String line : written.summaryLines()) {
      getLog().info(line);
    }
  }
}

package dev.cfc.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reconciles the wrangler config and writes the generated TypeScript and Java from the
 * project's compiled {@code ContainerSet}s: {@code mvn cfc:generate}, run on demand like
 * {@code spotless:apply}. It first runs the lifecycle up to {@code process-classes}, so it works
 * from a clean checkout. To generate on every build, bind {@code generate-no-fork} instead,
 * which does not compile a second time.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class GenerateMojo extends GenerateNoForkMojo {}

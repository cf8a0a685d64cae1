package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;
import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.codegen.internal.model.BuildPaths;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The image: CFC080 (no image), CFC081 (a build path, Dockerfile or context that is not there),
 * CFC082 (a registry reference that does not look like one), CFC083 (build args on an image that is
 * never built).
 */
final class ImageRules implements ScopeRules {

  private static final Pattern REGISTRY_REFERENCE =
      Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\\d+)?(?:\\.[a-z0-9-]+)*"
          + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})");

  private final Path projectDir;
  private final SourceResolver resolver;
  private final Findings findings;

  /**
   * @param projectDir project directory, for {@code Image.build} paths
   * @param resolver shows the Dockerfile's path as the user wrote the project's
   */
  ImageRules(Path projectDir, SourceResolver resolver, Findings findings) {
    this.projectDir = projectDir;
    this.resolver = resolver;
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    Image image = s.image();
    if (image == null) {
      findings.error(
          "CFC080",
          definition.where(),
          "container " + quote(definition.name()) + " has no image"
              + (env == null ? "" : " in environment " + quote(env)),
          "add .image(Image.build(\"containers/" + definition.name()
              + "\")) or .image(Image.registry(\"registry.cloudflare.com/<account>/"
              + definition.name() + ":1.0\"))");
      return;
    }
    if (image instanceof Image.Build build) {
      BuildPaths paths;
      try {
        paths = BuildPaths.of(projectDir, build);
      } catch (java.nio.file.InvalidPathException e) {
        findings.error(
            "CFC081",
            build.where(),
            "image build path " + quote(build.path())
                + (build.dockerfile() == null
                    ? ""
                    : " with Dockerfile " + quote(build.dockerfile()))
                + " is not a valid path: " + e.getReason(),
            "use a plain relative path such as" + " \"containers/app\"");
        return;
      }
      if (!Files.exists(paths.path())) {
        findings.error(
            "CFC081",
            build.where(),
            "image build path " + quote(build.path())
                + " does not exist (relative to the project directory)",
            "create the directory with a Dockerfile, or fix the path");
      } else if (paths.dockerfileConflict()) {
        findings.error(
            "CFC081",
            build.where(),
            "image build path " + quote(build.path())
                + " is a file, so .dockerfile(" + quote(build.dockerfile())
                + ") has no directory to name it in",
            "build from the directory, Image.build(\"" + parentOf(build.path()) + "\").dockerfile("
                + quote(build.dockerfile()) + "), or name the file alone");
      } else if (!Files.isRegularFile(paths.dockerfile())) {
        findings.error(
            "CFC081",
            build.where(),
            "no Dockerfile at " + quote(resolver.display(paths.dockerfile())),
            "add a Dockerfile there, or name it with Image.build(\"" + build.path()
                + "\").dockerfile(\"Dockerfile.prod\")");
      }
      if (paths.context() != null && !Files.isDirectory(paths.context())) {
        findings.error(
            "CFC081",
            build.where(),
            "image build context " + quote(build.context()) + " is not a directory",
            "give a directory relative to the project");
      }
    } else if (image instanceof Image.Registry registry) {
      if (!REGISTRY_REFERENCE.matcher(registry.reference()).matches()) {
        findings.error(
            "CFC082",
            registry.where(),
            "image reference "
                + quote(registry.reference())
                + " does not look like host/repository:tag or host/repository@sha256:<digest>",
            "for example Image.registry(\"registry.cloudflare.com/acme/app:1.4\")");
      }
      for (String arg : s.buildArgs().keySet()) {
        if (env != null && !setInOverride(definition, env, arg)) {
          // The environment swapped a built image for a registry one: the container's build
          // args belong to the build and simply do not apply there.
          continue;
        }
        findings.error(
            "CFC083",
            at(definition, s, "buildArgs." + arg),
            "build arg "
                + quote(arg) + " is set, but the image " + quote(registry.reference())
                + " is pulled from a registry and never built",
            "remove .buildArg(\"" + arg + "\", …) or use Image.build(...)");
      }
    }
  }

  private static boolean setInOverride(ContainerDefinition definition, String env, String arg) {
    Settings override = definition.environments().get(env);
    return override != null && override.buildArgs().containsKey(arg);
  }

  private static String parentOf(String path) {
    int slash = path.replace('\\', '/').lastIndexOf('/');
    return slash <= 0 ? "." : path.substring(0, slash);
  }
}

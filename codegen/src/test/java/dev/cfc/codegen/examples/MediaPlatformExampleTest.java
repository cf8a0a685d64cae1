package dev.cfc.codegen.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.GoldenDirectory;
import dev.cfc.codegen.PlannedFile;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.codegen.proof.WranglerProof;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/media-platform}, which is committed fully generated: the committed wrangler
 * config, {@code cfc.lock}, TypeScript and Java are what {@code cfc generate} writes (so
 * {@code cfc check} passes), the Worker {@code src/index.ts} type-checks with the example's own
 * strict {@code tsconfig.json} against the real {@code @cloudflare/containers} and workers
 * types, and the real wrangler accepts the config at the top level and in both environments,
 * bundling that Worker. The transcoder's Java app is built and tested by the root reactor, of
 * which it is a module.
 *
 * <p>Everything runs on one copy of the example under {@code runtime-js-templates/target/}, so
 * the example directory is never written to and the copy's imports of
 * {@code @cloudflare/containers} resolve, by Node's parent-directory lookup, to
 * {@code runtime-js-templates/node_modules} (for tsc and for wrangler's esbuild bundle alike).
 */
class MediaPlatformExampleTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLE = ROOT.resolve("examples/media-platform");
  private static final Path RUNTIME = ROOT.resolve("runtime-js-templates");
  /** Build output and caches that a copy of the example leaves out. */
  private static final Set<String> NOT_COPIED =
      Set.of(".cfc", "target", ".wrangler", "node_modules");

  private static Path project;

  @BeforeAll
  static void copyTheExample() throws IOException {
    if (!Files.isRegularFile(RUNTIME.resolve("node_modules/typescript/bin/tsc"))
        || !Files.isDirectory(RUNTIME.resolve("node_modules/@cloudflare/containers"))) {
      fail("runtime-js-templates/node_modules is missing: build runtime-js-templates with its"
          + " tests first (it runs npm ci)");
    }
    project = Files.createTempDirectory(
        Files.createDirectories(RUNTIME.resolve("target")), "media-platform-");
    ExampleCopies.copy(EXAMPLE, project, NOT_COPIED);
  }

  @AfterAll
  static void deleteTheCopy() throws IOException {
    ExampleCopies.delete(project);
  }

  @Test
  void committedGeneratedFilesAreUpToDate() throws IOException {
    ProjectConfig.Loaded loadedConfig = ProjectConfig.load(project.resolve("cfc.toml"));
    assertThat(loadedConfig.diagnostics()).isEmpty();
    ProjectConfig config = loadedConfig.config();
    assertThat(config.environments()).containsExactly("staging", "production");
    DefinitionLoader.Loaded loaded = new DefinitionLoader(project, null).load(config.sourcesDir());
    assertThat(loaded.diagnostics()).isEmpty();
    assertThat(loaded.definitions())
        .extracting(d -> d.name())
        .containsExactly("transcoder", "jobs", "fetcher");

    CompileResult result = Compiler.compile(
        CompileRequest.from(config).definitions(loaded.definitions()).build());
    if (GoldenDirectory.UPDATE && result.diagnostics().isEmpty()) {
      writeBackToTheExample(result);
      result = Compiler.compile(
          CompileRequest.from(config).definitions(loaded.definitions()).build());
    }

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.files())
        .extracting(PlannedFile::displayName)
        .contains(
            "wrangler.toml",
            "cfc.lock",
            "src/_generated/index.ts",
            "src/_generated/TranscoderContainer.ts",
            "containers/transcoder/src/generated/java/media/generated/"
                + "TranscoderContainerConfig.java",
            "containers/transcoder/src/generated/java/media/generated/RequestMetadata.java");
    assertThat(result.changedFiles())
        .as("stale files in examples/media-platform: run ./cfc generate -C"
            + " examples/media-platform and commit the result")
        .extracting(PlannedFile::displayName)
        .isEmpty();
    assertThat(result.isStale()).isFalse();
  }

  /**
   * {@code -Dcfc.updateGoldens=true}: the example is committed generated, so it is one more
   * expected output; its changed files are written to the example and to the copy under test.
   */
  private static void writeBackToTheExample(CompileResult result) throws IOException {
    for (PlannedFile file : result.changedFiles()) {
      Path relative = project.relativize(file.path());
      for (Path target : List.of(EXAMPLE.resolve(relative.toString()), file.path())) {
        if (file.after() == null) {
          Files.deleteIfExists(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.writeString(target, file.after(), StandardCharsets.UTF_8);
        }
      }
    }
  }

  @Test
  void workerTypeChecksWithTheExamplesStrictTsconfig() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode options =
        json.readTree(project.resolve("tsconfig.json").toFile()).path("compilerOptions");
    JsonNode base =
        json.readTree(RUNTIME.resolve("tsconfig.base.json").toFile()).path("compilerOptions");
    for (Map.Entry<String, JsonNode> option : base.properties()) {
      assertThat(options.get(option.getKey()))
          .as("the example's tsconfig.json keeps the runtime's %s", option.getKey())
          .isEqualTo(option.getValue());
    }

    // --listFiles: the files tsc read, to show the types came from the real packages.
    Process tsc = new ProcessBuilder(
            "node",
            RUNTIME.resolve("node_modules/typescript/bin/tsc").toString(),
            "-p",
            "tsconfig.json",
            "--listFiles")
        .directory(project.toFile())
        .redirectErrorStream(true)
        .start();
    tsc.getOutputStream().close();
    String output = new String(tsc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tsc.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(tsc.exitValue()).as("tsc output:\n" + output).isZero();
    assertThat(output)
        .contains(project.resolve("src/index.ts").toString().replace('\\', '/'))
        .contains("runtime-js-templates/node_modules/@cloudflare/containers/")
        .contains("runtime-js-templates/node_modules/@cloudflare/workers-types/");
  }

  @Test
  void wranglerAcceptsTheConfigAndBundlesTheWorkerInEveryEnvironment() {
    WranglerProof.Result result =
        WranglerProof.prove(project.resolve("wrangler.toml"), List.of("staging", "production"));
    assertThat(result.ok()).as(result.output()).isTrue();
    assertThat(result.checks()).hasSize(7);
  }

  @Test
  void theRootBuildBuildsAndTestsTheTranscoderApp() throws IOException {
    String rootPom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    assertThat(rootPom).contains("<module>examples/media-platform/containers/transcoder</module>");
    String appPom =
        Files.readString(EXAMPLE.resolve("containers/transcoder/pom.xml"), StandardCharsets.UTF_8);
    assertThat(appPom)
        .as("the app has no parent, so it also builds from its own directory")
        .doesNotContain("<parent>")
        .contains("<source>src/generated/java</source>");
  }
}

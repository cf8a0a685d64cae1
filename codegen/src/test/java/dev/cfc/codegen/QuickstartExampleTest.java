package dev.cfc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/quickstart} end to end: its definitions load and compile, generate writes the
 * wrangler entries and TypeScript, a second compile changes nothing, and the example's Worker,
 * which imports the generated handles, type-checks under {@code tsc --strict} against the real
 * {@code @cloudflare/containers} and workers types.
 */
class QuickstartExampleTest {

  private static final Path EXAMPLE =
      Path.of("..", "examples", "quickstart").toAbsolutePath().normalize();
  private static final Path RUNTIME =
      Path.of("..", "runtime-js-templates").toAbsolutePath().normalize();

  private Path project;

  @BeforeEach
  void copyTheExample() throws IOException {
    if (!Files.isRegularFile(RUNTIME.resolve("node_modules/typescript/bin/tsc"))) {
      fail("runtime-js-templates/node_modules is missing: build runtime-js-templates with its"
          + " tests first (it runs npm ci)");
    }
    Path target = Files.createDirectories(RUNTIME.resolve("target"));
    project = Files.createTempDirectory(target, "quickstart-");
    try (Stream<Path> all = Files.walk(EXAMPLE)) {
      for (Path from : all.toList()) {
        Path relative = EXAMPLE.relativize(from);
        // The example as it is, generated or not: the README's first command generates it in
        // place, and the test must hold on such a checkout too.
        if (relative.startsWith(".cfc") || relative.startsWith("target")) {
          continue;
        }
        Path to = project.resolve(relative.toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  @AfterEach
  void delete() throws IOException {
    try (Stream<Path> all = Files.walk(project)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private CompileResult compile() throws IOException {
    ProjectConfig config = ProjectConfig.load(project.resolve("cfc.toml")).config();
    DefinitionLoader.Loaded loaded = new DefinitionLoader(project, null).load(config.sourcesDir());
    assertThat(loaded.diagnostics()).isEmpty();
    return Compiler.compile(
        CompileRequest.from(config).definitions(loaded.definitions()).build());
  }

  @Test
  void generatesAWorkerThatTypeChecksAndASecondRunChangesNothing() throws Exception {
    String handWritten = Files.readString(project.resolve("wrangler.toml"));
    CompileResult first = compile();
    assertThat(first.diagnostics()).isEmpty();
    OutputWriter.write(project, first);

    String wrangler = Files.readString(project.resolve("wrangler.toml"));
    assertThat(wrangler)
        .startsWith(handWritten.substring(0, handWritten.indexOf("[[migrations]]")))
        .contains("class_name = \"ApiContainer\"")
        .contains("image_vars = { NODE_VERSION = \"22\" }")
        .contains("new_sqlite_classes = [\"ApiContainer\", \"WorkerContainer\"]");
    assertThat(project.resolve("src/_generated/index.ts")).exists();

    CompileResult second = compile();
    assertThat(second.isStale()).isFalse();

    Files.writeString(
        project.resolve("tsconfig.json"),
        """
        {
          "extends": "%s",
          "compilerOptions": { "strict": true, "noEmit": true },
          "include": ["src/**/*.ts"]
        }
        """.formatted(RUNTIME.resolve("tsconfig.base.json").toString().replace("\\", "/")),
        StandardCharsets.UTF_8);
    Process tsc = new ProcessBuilder(
            "node",
            RUNTIME.resolve("node_modules/typescript/bin/tsc").toString(),
            "-p",
            "tsconfig.json")
        .directory(project.toFile())
        .redirectErrorStream(true)
        .start();
    tsc.getOutputStream().close();
    String output = new String(tsc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tsc.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(tsc.exitValue()).as("tsc output:\n" + output).isZero();
  }
}

package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * What a new user does first: {@code cfc init}, {@code cfc generate}; the scaffolded Worker must
 * type-check under {@code tsc --strict} against the real {@code @cloudflare/containers} and
 * workers types, and the real wrangler must accept the config in a dry-run deploy (it bundles
 * the Worker with the generated classes).
 */
class InitProjectEndToEndTest {

  private static final Path RUNTIME =
      Path.of("..", "runtime-js-templates").toAbsolutePath().normalize();
  private static final Path PROOF =
      Path.of("..", "codegen", "src", "test", "wrangler-proof").toAbsolutePath().normalize();

  private Path project;

  @BeforeEach
  void newProjectBesideTheRuntimePackages() throws IOException {
    if (!Files.isRegularFile(RUNTIME.resolve("node_modules/typescript/bin/tsc"))
        || !Files.isDirectory(PROOF.resolve("node_modules/wrangler"))) {
      fail("runtime-js-templates/node_modules or the wrangler proof's node_modules are missing:"
          + " run the build with tests (mvn -B verify), which installs both");
    }
    // Under runtime-js-templates so that @cloudflare/containers resolves from its node_modules.
    project =
        Files.createTempDirectory(Files.createDirectories(RUNTIME.resolve("target")), "init-");
  }

  @AfterEach
  void delete() throws IOException {
    try (Stream<Path> all = Files.walk(project)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private int cfc(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-C";
    all[1] = project.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Main.run(all, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  private static String run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish");
    }
    assertThat(process.exitValue())
        .as(String.join(" ", command) + "\n" + output)
        .isZero();
    return output;
  }

  @Test
  void aScaffoldedProjectGeneratesTypeChecksAndPassesTheRealWrangler() throws Exception {
    assertThat(cfc("init")).isEqualTo(0);
    assertThat(cfc("generate")).isEqualTo(0);
    assertThat(cfc("check")).isEqualTo(0);
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
    run(
        project,
        "node",
        RUNTIME.resolve("node_modules/typescript/bin/tsc").toString(),
        "-p",
        "tsconfig.json");
    String proof =
        run(PROOF, "node", "prove.mjs", project.resolve("wrangler.toml").toString());
    assertThat(proof).contains("ok wrangler.toml (top level) [dry-run");
  }
}

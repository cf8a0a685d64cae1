package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  private static String initOutput(Path dir) {
    StringWriter out = new StringWriter();
    int code = Main.run(
        new String[] {"-C", dir.toString(), "init"},
        new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    assertThat(code).as(out.toString()).isZero();
    return out.toString();
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void aScaffoldedProjectGeneratesTypeChecksWithItsOwnTsconfigAndPassesTheRealWrangler()
      throws Exception {
    String output = initOutput(project);
    assertThat(output)
        .contains("created package.json")
        .contains("created tsconfig.json")
        .contains("created containers/app/Dockerfile")
        .contains("  npm install")
        .contains("  npx wrangler dev")
        .doesNotContain("skipped");
    assertThat(cfc("generate")).isEqualTo(0);
    assertThat(cfc("check")).isEqualTo(0);
    // the tsconfig getting-started.md quotes is the one init writes
    String tsconfig = Files.readString(project.resolve("tsconfig.json"));
    Path quoted = Path.of("..", "docs", "snippets", "init", "tsconfig.json");
    if (Boolean.getBoolean("cfc.updateDocs") || Boolean.getBoolean("cfc.updateGoldens")) {
      Files.createDirectories(quoted.getParent());
      Files.writeString(quoted, tsconfig);
    }
    assertThat(quoted).as("run with -Dcfc.updateDocs=true").hasContent(tsconfig);
    // the tsconfig init wrote, unchanged, against the packages the build installed
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

  @Test
  void theWrittenPackageJsonPinsExactlyWhatTheBuildTestsAndProvesWith() throws IOException {
    initOutput(project);
    JsonNode written = json(project.resolve("package.json"));
    // what the wrangler proof and the runtime's tests actually run: their installed packages
    JsonNode proofWrangler = json(PROOF.resolve("node_modules/wrangler/package.json"));
    assertThat(written.path("devDependencies").path("wrangler").asText())
        .isEqualTo(proofWrangler.path("version").asText());
    for (String name : new String[] {"@cloudflare/workers-types", "typescript"}) {
      assertThat(written.path("devDependencies").path(name).asText())
          .as(name)
          .isEqualTo(json(RUNTIME.resolve("node_modules/" + name + "/package.json"))
              .path("version")
              .asText());
    }
    assertThat(written.path("dependencies").path("@cloudflare/containers").asText())
        .isEqualTo(json(RUNTIME.resolve("node_modules/@cloudflare/containers/package.json"))
            .path("version")
            .asText());
    assertThat(written.path("devDependencies").path("@cloudflare/workers-types").asText())
        .isEqualTo(json(PROOF.resolve("node_modules/@cloudflare/workers-types/package.json"))
            .path("version")
            .asText());
  }

  @Test
  void inAFolderWithAWorkerInitAddsOnlyWhatIsMissingAndSaysWhatItSkipped() throws IOException {
    Files.createDirectories(project.resolve("src"));
    String config = "// mine\n{ \"name\": \"mine\", \"main\": \"src/index.ts\" }\n";
    String worker = "export default { fetch() { return new Response(\"hi\"); } };\n";
    String packageJson = "{\n  \"devDependencies\": { \"wrangler\": \"4.0.0\" }\n}\n";
    String tsconfig = "{ }\n";
    Files.writeString(project.resolve("wrangler.jsonc"), config);
    Files.writeString(project.resolve("src/index.ts"), worker);
    Files.writeString(project.resolve("package.json"), packageJson);
    Files.writeString(project.resolve("tsconfig.json"), tsconfig);
    Files.writeString(project.resolve(".gitignore"), "node_modules\n");

    String output = initOutput(project);

    assertThat(Files.readString(project.resolve("wrangler.jsonc"))).isEqualTo(config);
    assertThat(Files.readString(project.resolve("src/index.ts"))).isEqualTo(worker);
    assertThat(Files.readString(project.resolve("package.json"))).isEqualTo(packageJson);
    assertThat(Files.readString(project.resolve("tsconfig.json"))).isEqualTo(tsconfig);
    assertThat(Files.exists(project.resolve("wrangler.toml"))).isFalse();
    assertThat(Files.readString(project.resolve(".gitignore")))
        .startsWith("node_modules\n")
        .contains(".cfc/\n", ".wrangler/\n", ".dev.vars\n")
        .doesNotContain("node_modules/");
    assertThat(output)
        .contains("created cfc.toml", "created cfc/app/AppContainers.java")
        .contains("skipped wrangler.jsonc (exists;")
        .contains("export { AppContainer }")
        .contains("skipped tsconfig.json (exists;")
        .contains("skipped package.json (exists; add what it lacks: npm install --save-exact"
            + " @cloudflare/containers@")
        .doesNotContain("created package.json", "created src/index.ts", "wrangler@4");
  }
}

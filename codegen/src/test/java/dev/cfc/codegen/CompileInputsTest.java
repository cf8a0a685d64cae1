package dev.cfc.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.Image;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paths a compile is said to read, which decide when cfc may skip the next one. */
class CompileInputsTest {

  private final Path dir = Path.of("shop").toAbsolutePath();

  @Test
  void discoveredConfigsTheLockImageBuildsAndTrees() {
    CompileRequest request = CompileRequest.builder(dir)
        .definitions(List.of(
            Container.define("api")
                .image(Image.build("containers/api"))
                .environment(
                    "production",
                    env -> env.image(Image.build("containers/api")
                        .dockerfile("Dockerfile.prod")
                        .context("containers")))
                .build(),
            Container.define("jobs")
                .image(Image.registry("registry.cloudflare.com/shop/jobs:1"))
                .build()))
        .sourceRoots(List.of(dir.resolve("cfc")))
        .typescriptOut(dir.resolve("src/_generated"))
        .javaOut(dir.resolve("app/src/main/java"))
        .build();

    CompileInputs inputs = Compiler.inputs(request);

    assertThat(inputs.paths())
        .containsExactly(
            dir.resolve("wrangler.json"), dir.resolve("wrangler.jsonc"),
            dir.resolve("wrangler.toml"), dir.resolve("cfc.lock"),
            dir.resolve("containers/api"), dir.resolve("containers/api/Dockerfile"),
            dir.resolve("containers/api/Dockerfile.prod"), dir.resolve("containers"));
    assertThat(inputs.trees())
        .containsExactly(
            new CompileInputs.Tree(dir.resolve("cfc"), ".java"),
            new CompileInputs.Tree(dir.resolve("src/_generated"), ".ts"),
            new CompileInputs.Tree(dir.resolve("app/src/main/java"), ".java"));
  }

  @Test
  void aNamedConfigBringsTheConfigsAndLockBesideIt() {
    CompileRequest request = CompileRequest.builder(dir)
        .wranglerConfig(Path.of("worker/wrangler.jsonc"))
        .build();

    assertThat(Compiler.inputs(request).paths())
        .containsExactly(
            dir.resolve("worker/wrangler.jsonc"), dir.resolve("worker/wrangler.json"),
            dir.resolve("worker/wrangler.toml"), dir.resolve("worker/cfc.lock"));
    assertThat(Compiler.inputs(request).trees()).isEmpty();
  }
}

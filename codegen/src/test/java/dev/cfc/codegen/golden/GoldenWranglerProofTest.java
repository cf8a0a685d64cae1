package dev.cfc.codegen.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.PlannedFile;
import dev.cfc.codegen.proof.WranglerProof;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real wrangler accepts what {@code cfc generate} writes for every golden case that
 * succeeds: each case's project is generated in a temporary directory and its wrangler config
 * proven with {@link WranglerProof} (closed schema, {@code wrangler deploy --dry-run} for the top
 * level and every environment the run wrote, SQLite-class check), with wrangler warnings counted
 * as failures. The case's stub {@code main} and Dockerfiles are what the dry run bundles and
 * builds. Proofs run two at a time; a config identical to one already proven (same text, same
 * stub {@code src/index.js} beside it, same environments) is proven once.
 */
class GoldenWranglerProofTest {

  private static final int PARALLEL_PROOFS = 2;

  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> everySuccessfulGoldenCasePassesTheWranglerProof() throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_PROOFS, runnable -> {
      Thread thread = new Thread(runnable, "wrangler-proof");
      thread.setDaemon(true);
      return thread;
    });
    List<DynamicTest> tests = new ArrayList<>();
    Set<String> proven = new HashSet<>();
    try {
      for (GoldenCase golden : GoldenCase.all()) {
        Path project = work.resolve(golden.name);
        golden.copyInputTo(project);
        GoldenCase.Run run = golden.compile(project);
        if (run.failed()) {
          continue;
        }
        OutputWriter.write(project, run.result());
        Path config = wranglerConfig(run);
        List<String> environments = golden.environments(run.config());
        Path main = config.resolveSibling("src/index.js");
        if (!proven.add(project.relativize(config) + "\n" + environments + "\n"
            + Files.readString(config) + "\n"
            + (Files.isRegularFile(main) ? Files.readString(main) : ""))) {
          continue;
        }
        CompletableFuture<WranglerProof.Result> proof =
            CompletableFuture.supplyAsync(() -> WranglerProof.prove(config, environments), pool);
        tests.add(DynamicTest.dynamicTest(golden.name, () -> {
          WranglerProof.Result result = proof.join();
          assertThat(result.ok())
              .as("wrangler proof of golden case " + golden.name + ":\n" + result.output())
              .isTrue();
          assertThat(result.checks())
              .as(result.output())
              .hasSize(1 + 2 * (1 + environments.size()));
        }));
      }
    } finally {
      pool.shutdown();
    }
    assertThat(tests).as("golden cases to prove").hasSizeGreaterThan(20);
    return tests.stream();
  }

  private static Path wranglerConfig(GoldenCase.Run run) {
    return run.result().files().stream()
        .map(PlannedFile::path)
        .filter(path -> path.getFileName().toString().matches("wrangler\\.(toml|jsonc|json)"))
        .findFirst()
        .orElseThrow(() -> new UncheckedIOException(new IOException("no wrangler config planned")));
  }
}

package dev.cfc.codegen.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Proves a wrangler config valid with the real wrangler, offline, by running the test-only harness
 * {@code src/test/wrangler-proof/prove.mjs}: a closed-schema check against wrangler's own
 * {@code config-schema.json}, {@code wrangler deploy --dry-run} for the top level and each named
 * environment, and a check that container classes are SQLite-backed. Needs {@code node} on the
 * PATH and the harness installed ({@code npm ci}, which codegen's build runs at
 * {@code generate-test-resources}).
 */
public final class WranglerProof {

  /** How long one whole proof (all environments) may take before it is killed. */
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /**
   * The outcome of one proof.
   *
   * @param ok whether every check passed (the harness exited 0)
   * @param exitCode the harness's exit status (0 ok, 1 a check failed, 2 a usage error)
   * @param output everything the harness printed: one {@code ok …} / {@code FAIL …} line per
   *     check, followed on failure by wrangler's own output indented with {@code "    | "}
   */
  public record Result(boolean ok, int exitCode, String output) {

    /** The {@code FAIL …} lines, one per failed check. */
    public List<String> failures() {
      return output.lines().filter(line -> line.startsWith("FAIL ")).toList();
    }

    /** The {@code ok …} and {@code FAIL …} lines, without wrangler's output. */
    public List<String> checks() {
      return output
          .lines()
          .filter(line -> line.startsWith("ok ") || line.startsWith("FAIL "))
          .toList();
    }
  }

  private WranglerProof() {}

  /**
   * Proves {@code configFile} ({@code wrangler.toml}, {@code .jsonc} or {@code .json}) for the
   * top level and each of {@code environments}; wrangler warnings count as failures.
   * wrangler runs with the config's directory as working directory, so the {@code main} module
   * and Dockerfiles the config names must exist next to it.
   */
  public static Result prove(Path configFile, List<String> environments) {
    return prove(configFile, environments, false);
  }

  /** As {@link #prove(Path, List)}, optionally letting wrangler warnings pass. */
  public static Result prove(Path configFile, List<String> environments, boolean allowWarnings) {
    Path harness = harnessDirectory();
    if (!Files.isRegularFile(harness.resolve("node_modules/wrangler/package.json"))) {
      throw new IllegalStateException("wrangler is not installed in " + harness
          + ": run `node install.mjs` (or `npm ci`) there,"
          + " or let Maven's generate-test-resources phase do it");
    }
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(harness.resolve("prove.mjs").toString());
    command.add(configFile.toAbsolutePath().toString());
    for (String environment : environments) {
      command.add("--env");
      command.add(environment);
    }
    if (allowWarnings) {
      command.add("--allow-warnings");
    }
    return run(command, harness);
  }

  /**
   * The harness directory: {@code -Dcfc.wranglerProof.dir} if set, else
   * {@code src/test/wrangler-proof} under the Maven module's {@code basedir} (set by surefire),
   * else under the working directory.
   */
  public static Path harnessDirectory() {
    String override = System.getProperty("cfc.wranglerProof.dir");
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    String basedir = System.getProperty("basedir");
    Path base = basedir != null && !basedir.isBlank() ? Path.of(basedir) : Path.of("");
    return base.resolve("src/test/wrangler-proof").toAbsolutePath();
  }

  private static Result run(List<String> command, Path workingDirectory) {
    Process process;
    try {
      process = new ProcessBuilder(command)
          .directory(workingDirectory.toFile())
          .redirectErrorStream(true)
          .start();
      process.getOutputStream().close(); // the harness reads nothing from stdin
    } catch (IOException e) {
      throw new UncheckedIOException("could not start `node` (is Node.js on the PATH?)", e);
    }
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    try {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "wrangler proof timed out after " + TIMEOUT + ":\n" + output.getNow(""));
      }
      int exitCode = process.exitValue();
      return new Result(exitCode == 0, exitCode, output.get());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while proving a wrangler config", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not read the harness output", e.getCause());
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

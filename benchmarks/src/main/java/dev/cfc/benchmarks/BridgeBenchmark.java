package dev.cfc.benchmarks;

import dev.cfc.container.BridgeClient;
import dev.cfc.container.BridgeOptions;
import dev.cfc.container.KvNamespace;
import dev.cfc.container.R2Bucket;
import dev.cfc.container.R2ObjectBody;
import dev.cfc.container.R2PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The bridge's cost per call: the container-side Java client ({@code cfc-container}) → HTTP →
 * the Node host of the handler ({@code runtime-js-templates/test/support/bridge-server.ts}) →
 * {@code createBridgeHandler} from {@code cfc-bridge.ts} → the in-memory fake binding.
 *
 * <ul>
 *   <li>KV get: sequential gets of a 100-byte value after a warm-up, median and p90. The fake's
 *       own time for the same get ({@code getWithMetadata(key, {type: "stream"})} and reading
 *       the stream, as the handler does) is measured in-process in Node and subtracted, so the
 *       figure is the bridge's overhead excluding the binding itself.
 *   <li>R2: a 256 MB object put from a file and read back streamed (each byte read and
 *       discarded), in MB/s (1 MB = 10^6 bytes).
 * </ul>
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.cfc.benchmarks.BridgeBenchmark [gets]
 * [megabytes]} from the repository root, after {@code mvn install} has built runtime-js-templates
 * with its tests (its {@code build/test} holds the compiled bridge-server); prints the figures and
 * writes them to {@code benchmarks/results/bridge.txt}.
 */
public final class BridgeBenchmark {

  private static final int WARM_UP_GETS = 2_000;
  private static final double KV_TARGET_MS = 1.0;
  private static final double R2_TARGET_MB_S = 200.0;
  private static final String GRANTS =
      "{\"CACHE\":{\"kind\":\"kv\",\"readOnly\":false},\"MEDIA\":{\"kind\":\"r2\",\"readOnly\":false}}";

  /** What the fake KV get costs in Node, per call, measured by {@link #FAKE_GET_SCRIPT}. */
  private static final String FAKE_GET_SCRIPT = """
      import { memoryKv } from "./build/src/cfc-testing.js";
      const kv = memoryKv();
      await kv.put("key", "v".repeat(100));
      const runs = Number(process.argv[1]);
      const times = [];
      for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        const found = await kv.getWithMetadata("key", { type: "stream" });
        await new Response(found.value).arrayBuffer();
        times.push(Number(process.hrtime.bigint() - start));
      }
      times.sort((a, b) => a - b);
      const measured = times.slice(runs / 2);
      console.log(measured[Math.ceil(measured.length / 2) - 1]);
      """;

  private BridgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int gets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    Path root = Path.of("").toAbsolutePath();
    Path runtime = root.resolve("runtime-js-templates");
    Path server = runtime.resolve("build/test/support/bridge-server.js");
    if (!Files.isRegularFile(server)) {
      throw new IllegalStateException(server + " is missing: build runtime-js-templates with its"
          + " tests first (mvn -B -q install -pl runtime-js-templates)");
    }
    String loadBefore = Machine.loadAverage();
    Process node = new ProcessBuilder(
            "node",
            "--import",
            "./test/support/register.mjs",
            server.toString(),
            "--env",
            "{\"CACHE\":\"kv\",\"MEDIA\":\"r2\"}",
            "--grants",
            GRANTS)
        .directory(runtime.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    Path file = Files.createTempFile("cfc-bridge-bench", ".bin");
    try {
      URI base = URI.create("http://127.0.0.1:" + port(node.getInputStream()));
      BridgeClient client = BridgeClient.connect(
          base,
          new BridgeOptions(Duration.ofSeconds(5), Duration.ofSeconds(300), 1, Duration.ZERO));

      KvNamespace kv = client.kv("CACHE");
      kv.put("key", "v".repeat(100));
      for (int i = 0; i < WARM_UP_GETS; i++) {
        kv.get("key").orElseThrow();
      }
      List<Long> nanos = new ArrayList<>(gets);
      for (int i = 0; i < gets; i++) {
        long start = System.nanoTime();
        kv.get("key").orElseThrow();
        nanos.add(System.nanoTime() - start);
      }
      long fakeNanos = fakeGetNanos(runtime, gets);

      R2Bucket r2 = client.r2("MEDIA");
      long size = (long) megabytes * 1_000_000;
      write(file, size);
      r2.put("warm-up", new byte[1 << 20], R2PutOptions.none());
      long putStart = System.nanoTime();
      long stored = r2.put("big", file, R2PutOptions.none()).size();
      long putNanos = System.nanoTime() - putStart;
      long getStart = System.nanoTime();
      long read;
      try (R2ObjectBody body = r2.get("big").orElseThrow();
          InputStream in = body.body()) {
        read = in.transferTo(OutputStream.nullOutputStream());
      }
      long getNanos = System.nanoTime() - getStart;
      if (stored != size || read != size) {
        throw new IllegalStateException("stored " + stored + ", read " + read + ", put " + size);
      }

      String report = report(gets, nanos, fakeNanos, size, putNanos, getNanos, loadBefore);
      System.out.print(report);
      Path results = root.resolve("benchmarks/results/bridge.txt");
      Files.writeString(results, report, StandardCharsets.UTF_8);
      System.out.println("written to " + root.relativize(results));
    } finally {
      node.destroy();
      node.waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(file);
    }
  }

  private static String port(InputStream out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = out.read(); c != -1 && c != '\n'; c = out.read()) {
      line.append((char) c);
    }
    if (!line.toString().startsWith("listening ")) {
      throw new IllegalStateException("bridge-server did not start: " + line);
    }
    return line.substring("listening ".length()).trim();
  }

  /** The median of the second half of {@code runs} in-process fake gets, in nanoseconds. */
  private static long fakeGetNanos(Path runtime, int runs) throws Exception {
    Process node = new ProcessBuilder(
            "node",
            "--import",
            "./test/support/register.mjs",
            "--input-type=module",
            "-e",
            FAKE_GET_SCRIPT,
            String.valueOf(runs))
        .directory(runtime.toFile())
        .redirectErrorStream(true)
        .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
      throw new IllegalStateException("the fake's own get failed: " + output);
    }
    return Long.parseLong(output.strip());
  }

  private static void write(Path file, long size) throws IOException {
    byte[] chunk = new byte[1_000_000];
    new Random(15).nextBytes(chunk);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
      }
    }
  }

  private static String report(
      int gets,
      List<Long> nanos,
      long fakeNanos,
      long size,
      long putNanos,
      long getNanos,
      String loadBefore)
      throws IOException {
    double median = Machine.percentile(nanos, 50) / 1e6;
    double p90 = Machine.percentile(nanos, 90) / 1e6;
    double fake = fakeNanos / 1e6;
    double overhead = median - fake;
    double putRate = size / 1e6 / (putNanos / 1e9);
    double getRate = size / 1e6 / (getNanos / 1e9);
    StringBuilder out = new StringBuilder();
    out.append("# bridge: Java client (cfc-container) -> HTTP -> Node bridge-server ->")
        .append(" createBridgeHandler -> in-memory fake\n");
    out.append("# ")
        .append(Machine.describe())
        .append(", load average before: ")
        .append(loadBefore)
        .append(", after: ")
        .append(Machine.loadAverage())
        .append('\n');
    out.append(String.format(
        "# %d sequential KV gets of a 100-byte value after %d warm-up gets; the fake's own get"
            + " (getWithMetadata as a stream, read to the end) timed in-process in Node%n",
        gets, WARM_UP_GETS));
    out.append(
        String.format("kv get through the bridge   median %.3f ms   p90 %.3f ms%n", median, p90));
    out.append(String.format("the fake binding's own get  median %.4f ms%n", fake));
    out.append(String.format(
        "bridge overhead per kv get  median %.3f ms   target <= %.1f ms %s%n",
        overhead, KV_TARGET_MS, overhead <= KV_TARGET_MS ? "met" : "NOT met"));
    out.append(String.format(
        "r2 put from a file, %d MB   %.0f MB/s   target >= %.0f MB/s %s%n",
        size / 1_000_000, putRate, R2_TARGET_MB_S, putRate >= R2_TARGET_MB_S ? "met" : "NOT met"));
    out.append(String.format(
        "r2 get streamed, %d MB      %.0f MB/s   target >= %.0f MB/s %s%n",
        size / 1_000_000, getRate, R2_TARGET_MB_S, getRate >= R2_TARGET_MB_S ? "met" : "NOT met"));
    return out.toString();
  }
}

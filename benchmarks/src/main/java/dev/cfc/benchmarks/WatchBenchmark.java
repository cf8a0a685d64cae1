package dev.cfc.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Save → files written for {@code cfc generate --watch}: starts the packaged CLI the way the
 * {@code cfc} launcher does on a copy of {@code examples/quickstart}, then saves the definition
 * with a new {@code maxInstances} over and over, half the saves written in place (truncate, then
 * write) and half as editors do (a temporary file renamed over the original). Each save is
 * timed from just before the write to the run's summary line, which cfc prints after the write
 * is committed, and the new value is checked in {@code wrangler.toml} and the generated
 * TypeScript.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.cfc.benchmarks.WatchBenchmark [edits]}
 * from the repository root (after {@code mvn install -DskipTests}); prints the figures and writes
 * them to {@code benchmarks/results/watch.txt}.
 */
public final class WatchBenchmark {

  private static final String DEFINITION = "cfc/app/QuickstartContainers.java";
  private static final int WARM_UP = 5;

  /** The JVM flags the {@code cfc} launcher gives every command; {@code -Dcfc.jvmFlags} others. */
  private static final String JVM_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private WatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int edits = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    Path root = Path.of("").toAbsolutePath();
    Path jar = root.resolve("cli/target/cfc.jar");
    Path project = Files.createTempDirectory("cfc-watch-bench");
    copy(root.resolve("examples/quickstart"), project);
    String original = Files.readString(project.resolve(DEFINITION));
    if (!original.contains(".maxInstances(5)")) {
      throw new IllegalStateException("the quickstart's api no longer has maxInstances(5)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("cfc.jvmFlags", JVM_FLAGS).split(" ")));
    command.addAll(
        List.of("-jar", jar.toString(), "-C", project.toString(), "generate", "--watch"));
    Process cfc = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    BlockingQueue<String> summaries = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader err =
          new BufferedReader(new InputStreamReader(cfc.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          if (line.startsWith("watch: run ")) {
            summaries.add(line);
          } else {
            System.err.println(line);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    List<Long> millis = new ArrayList<>();
    List<Long> runMillis = new ArrayList<>();
    try {
      System.out.println(next(summaries));
      for (int i = 0; i < WARM_UP + edits; i++) {
        int maxInstances = 6 + i % 20;
        String edited = original.replace(".maxInstances(5)", ".maxInstances(" + maxInstances + ")");
        long start = System.nanoTime();
        save(project.resolve(DEFINITION), edited, i % 2 == 0);
        String summary = next(summaries);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        check(project, maxInstances, summary);
        if (i >= WARM_UP) {
          millis.add(elapsed);
          runMillis.add(Long.parseLong(summary.replaceAll(".* in ([0-9]+) ms$", "$1")));
        }
      }
    } finally {
      cfc.destroy();
      cfc.waitFor(30, TimeUnit.SECONDS);
    }
    String report = report(edits, millis, runMillis);
    System.out.print(report);
    Path results = root.resolve("benchmarks/results/watch.txt");
    Files.writeString(results, report);
    System.out.println("written to " + root.relativize(results));
  }

  private static void save(Path file, String content, boolean inPlace) throws IOException {
    if (inPlace) {
      Files.writeString(file, content);
    } else {
      Path temp = file.resolveSibling(file.getFileName() + ".swp");
      Files.writeString(temp, content);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String next(BlockingQueue<String> summaries) throws InterruptedException {
    String line = summaries.poll(60, TimeUnit.SECONDS);
    if (line == null) {
      throw new IllegalStateException("cfc generate --watch printed no run within a minute");
    }
    return line;
  }

  private static void check(Path project, int maxInstances, String summary) throws IOException {
    if (!summary.contains(" 2 files written")) {
      throw new IllegalStateException("expected wrangler.toml and one TypeScript file: " + summary);
    }
    if (!Files.readString(project.resolve("wrangler.toml"))
        .contains("max_instances = " + maxInstances)) {
      throw new IllegalStateException("wrangler.toml lacks max_instances = " + maxInstances);
    }
  }

  private static String report(int edits, List<Long> millis, List<Long> runMillis)
      throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# cfc generate --watch on a copy of examples/quickstart: save -> files written\n");
    out.append("# ")
        .append(Machine.describe())
        .append(", load average after: ")
        .append(Machine.loadAverage())
        .append('\n');
    out.append("# ")
        .append(edits)
        .append(" saves after ")
        .append(WARM_UP)
        .append(" warm-up saves; each changes maxInstances of api (wrangler.toml and")
        .append(" src/_generated/ApiContainer.ts rewritten)\n");
    out.append(String.format(
        "save -> files written   median %4d ms   p90 %4d ms   min %4d ms   max %4d ms   target"
            + " median <= 100 ms %s%n",
        Machine.percentile(millis, 50),
        Machine.percentile(millis, 90),
        Collections.min(millis),
        Collections.max(millis),
        Machine.percentile(millis, 50) <= 100 ? "met" : "NOT met"));
    out.append(String.format(
        "of which the run itself median %4d ms   p90 %4d ms (the rest: notification, debounce)%n",
        Machine.percentile(runMillis, 50), Machine.percentile(runMillis, 90)));
    return out.toString();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        String relative = from.relativize(path).toString();
        if (relative.startsWith("src/_generated")
            || relative.equals("cfc.lock")
            || relative.startsWith(".cfc")
            || relative.startsWith("target")) {
          continue;
        }
        Path target = to.resolve(relative);
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}

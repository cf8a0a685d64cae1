package dev.cfc.benchmarks;

import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.PlannedFile;
import dev.cfc.dsl.ContainerDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reconciling a 10,000-line wrangler config: mostly hand-written content cfc must leave
 * byte-for-byte alone (comments, variables, KV, D1, routes, three environments), plus the
 * entries of 100 containers that cfc already manages. One definition's production
 * {@code maxInstances} changed, so the run parses the whole file, checks every managed entry
 * and plans a one-line edit. No TypeScript is planned: this is the reconcile alone.
 *
 * <p>The file is generated here. Setup writes the padded config, lets cfc add its entries once
 * (as a first {@code cfc generate} would), and checks the result is within a few lines of
 * {@value #TARGET_LINES}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReconcileBenchmark {

  static final int TARGET_LINES = 10_000;
  static final int MANAGED_CONTAINERS = 100;

  @Param({"toml", "jsonc"})
  public String format;

  private Path project;
  private CompileRequest request;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    LargeConfigs configs = LargeConfigs.of(format);
    List<ContainerDefinition> before = Workloads.definitions(MANAGED_CONTAINERS, 0);
    // First pass without padding: how many lines do cfc's own entries take?
    int managedLines = managedLines(configs, before);
    project = Workloads.project(configs.fileName(), configs.text(TARGET_LINES - managedLines));
    adopt(project, configs.fileName(), before);
    long lines = Workloads.lines(project.resolve(configs.fileName()));
    if (Math.abs(lines - TARGET_LINES) > 50) {
      throw new IllegalStateException("generated " + lines + " lines, wanted " + TARGET_LINES);
    }
    request = Workloads.request(
        project, configs.fileName(), Workloads.definitions(MANAGED_CONTAINERS, 1), false);
    CompileResult result = Workloads.compileOrFail(request);
    List<PlannedFile> changed = result.changedFiles();
    if (changed.size() != 1) {
      throw new IllegalStateException("expected one changed file, got " + changed);
    }
    System.out.println("# " + configs.fileName() + ": " + lines + " lines; planned: "
        + changed.get(0).summary());
  }

  private static int managedLines(LargeConfigs configs, List<ContainerDefinition> defs)
      throws IOException {
    Path probe = Workloads.project(configs.fileName(), configs.text(0));
    try {
      long base = Workloads.lines(probe.resolve(configs.fileName()));
      adopt(probe, configs.fileName(), defs);
      return (int) (Workloads.lines(probe.resolve(configs.fileName())) - base);
    } finally {
      Workloads.delete(probe);
    }
  }

  /** What a first {@code cfc generate} does: add the entries and write the config and lock. */
  private static void adopt(Path dir, String file, List<ContainerDefinition> defs)
      throws IOException {
    OutputWriter.write(dir, Workloads.compileOrFail(Workloads.request(dir, file, defs, false)));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Workloads.delete(project);
  }

  @Benchmark
  public CompileResult reconcile() {
    return Compiler.compile(request);
  }
}

package dev.cfc.benchmarks;

import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import java.nio.file.Path;
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
 * {@code Compiler.compile} of N containers × 3 environments into a project whose
 * {@code wrangler.toml} holds only name, main, compatibility_date and the three {@code [env.*]}
 * blocks: every container entry, binding and migration is new, and the TypeScript for every
 * container is planned. That is the largest amount of work one compile does for N containers.
 * 500 and 2000 are there to check that time grows linearly (2× containers ≤ 2.2× time).
 *
 * <p>The heap is fixed at 1 GB: with the default heap, G1 grows it while the verification parse
 * of the edited config (about 50,000 lines for 1,000 containers) is live, and those pauses made
 * the spread of one run larger than its mean. {@code -jvmArgsAppend -Xmx256m -prof gc} checks
 * the heap target instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompileBenchmark {

  @Param({"1", "100", "500", "1000", "2000"})
  public int containers;

  private Path project;
  private CompileRequest request;

  @Setup(Level.Trial)
  public void setUp() {
    project = Workloads.project("wrangler.toml", Workloads.minimalToml());
    request =
        Workloads.request(project, "wrangler.toml", Workloads.definitions(containers, 0), true);
    CompileResult first = Workloads.compileOrFail(request);
    if (first.changedFiles().isEmpty()) {
      throw new IllegalStateException("the workload plans no change");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Workloads.delete(project);
  }

  @Benchmark
  public CompileResult compile() {
    return Compiler.compile(request);
  }
}

package dev.cfc.codegen;

import dev.cfc.codegen.internal.ClassCache;
import dev.cfc.codegen.internal.DefinitionCompiler;
import dev.cfc.codegen.internal.DefinitionSources;
import dev.cfc.codegen.internal.ExternalReads;
import dev.cfc.codegen.internal.InMemoryClassLoader;
import dev.cfc.codegen.internal.IterationOrder;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads container definitions from a directory of DSL sources: compiles them in memory with
 * {@code javax.tools} against the DSL, caches the classes in the project's
 * {@link ProjectState#cacheDir} ({@code .cfc/cache/<hash>} for {@code cfc.toml}; the
 * hash covers every source and the cfc version), and instantiates every public
 * {@link ContainerSet} with a public no-arg constructor. An unchanged project skips javac.
 *
 * <p>A read-only loader uses the cache when it holds the sources' classes and otherwise
 * compiles without writing it, so that commands documented to write nothing work in a
 * read-only checkout; a writing loader that cannot write the cache carries on without it.
 */
public final class DefinitionLoader {

  private final Path projectDir;
  private final ClassCache cache;
  private final PrintWriter verbose;
  private final Duration timeLimit;
  private final boolean readOnly;
  private final JavacSession javac;

  /**
   * A loader for the project whose project file is {@code cfc.toml} in {@code projectDir}.
   *
   * @param projectDir the project directory; diagnostics print paths relative to it
   * @param verbose where to report cache hits and compile times, or null
   */
  public DefinitionLoader(Path projectDir, PrintWriter verbose) {
    this(ProjectState.ofDefault(projectDir.toAbsolutePath().normalize()), verbose);
  }

  /**
   * A loader that caches compiled definitions in the project's own state directory and gives
   * each {@code ContainerSet} the default time limit.
   *
   * @param state the project; diagnostics print paths relative to its directory
   * @param verbose where to report cache hits and compile times, or null
   */
  public DefinitionLoader(ProjectState state, PrintWriter verbose) {
    this(state, verbose, ProjectConfig.DEFAULT_DEFINITION_TIMEOUT, false);
  }

  /**
   * @param state the project; diagnostics print paths relative to its directory, and its
   *     {@link ProjectState#cacheDir} holds the compile cache
   * @param verbose where to report cache hits and compile times, or null
   * @param timeLimit how long one {@code ContainerSet} may take to load
   * @param readOnly whether to leave the project untouched: the cache is read, never written
   */
  public DefinitionLoader(
      ProjectState state, PrintWriter verbose, Duration timeLimit, boolean readOnly) {
    this(state, verbose, timeLimit, readOnly, null);
  }

  /**
   * A loader that compiles with a javac kept warm across loads.
   *
   * @param state the project; diagnostics print paths relative to its directory, and its
   *     {@link ProjectState#cacheDir} holds the compile cache
   * @param verbose where to report cache hits and compile times, or null
   * @param timeLimit how long one {@code ContainerSet} may take to load
   * @param readOnly whether to leave the project untouched: the cache is read, never written
   * @param javac the javac to compile with, or null to start one for each compile
   */
  public DefinitionLoader(
      ProjectState state,
      PrintWriter verbose,
      Duration timeLimit,
      boolean readOnly,
      JavacSession javac) {
    this.javac = javac;
    this.projectDir = state.projectDir();
    this.cache = new ClassCache(state.cacheDir(), this::say);
    this.verbose = verbose;
    this.timeLimit = timeLimit;
    this.readOnly = readOnly;
  }

  /**
   * The loaded definitions, or the diagnostics that prevented loading them.
   *
   * @param definitions the definitions of all sets, sets ordered by class name
   * @param diagnostics what loading found: errors, which leave {@code definitions} empty, and
   *     warnings about the definitions' code ({@code CFC095}), reported with the compile's
   *     own findings
   * @param cacheHit whether compiled classes came from the cache
   * @param externalReads classes the definitions use that could make them depend on more than
   *     their sources (the environment, files, the clock, randomness), such as
   *     {@code java.lang.System}; empty when the same sources always give the same definitions.
   *     Only {@link DefinitionLoader#load} looks; {@link ContainerSets} leaves it empty
   */
  public record Loaded(
      List<ContainerDefinition> definitions,
      List<Diagnostic> diagnostics,
      boolean cacheHit,
      List<String> externalReads) {
    public Loaded {
      definitions = List.copyOf(definitions);
      diagnostics = List.copyOf(diagnostics);
      externalReads = List.copyOf(externalReads);
    }
  }

  /**
   * Loads every definition under a sources directory.
   *
   * @param sourcesDir the directory of DSL sources, relative to the project or absolute
   * @throws IOException when a source or the cache cannot be read (a cache that cannot be
   *     written is skipped)
   */
  public Loaded load(Path sourcesDir) throws IOException {
    Path dir = projectDir.resolve(sourcesDir).normalize();
    String shown = display(dir);
    if (!Files.isDirectory(dir)) {
      return failed(Diagnostic.error(
          "CFC201",
          Diagnostic.Location.of("cfc.toml"),
          "sources directory " + shown + " does not exist",
          "create it with your ContainerSet classes, or set sources = \"<dir>\" in cfc.toml"));
    }
    DefinitionSources sources = DefinitionSources.in(dir);
    if (sources.files().isEmpty()) {
      return failed(ContainerSets.noContainerSet(shown));
    }
    String hash = sources.hash();
    Map<String, byte[]> kept = javac == null ? null : javac.compiled(hash);
    boolean hit = kept != null || cache.holds(hash);
    Map<String, byte[]> classes;
    if (kept != null) {
      say("sources unchanged: using the classes this process compiled (javac not run)");
      classes = kept;
    } else if (hit) {
      say("sources unchanged: using cached classes " + display(cache.entry(hash))
          + " (javac not run)");
      classes = cache.read(hash);
    } else {
      long start = System.nanoTime();
      DefinitionCompiler.Compiled compiled =
          new DefinitionCompiler(projectDir, javac == null ? null : javac.warm()).compile(sources);
      if (!compiled.errors().isEmpty()) {
        return new Loaded(List.of(), compiled.errors(), false, List.of());
      }
      classes = compiled.classes();
      int count = sources.files().size();
      say("compiled " + count + " source file" + (count == 1 ? "" : "s") + " with javac in "
          + (System.nanoTime() - start) / 1_000_000 + " ms");
      if (javac != null) {
        // A process that stays up keeps them itself: writing the cache on every save would
        // cost more than the compile saves.
        javac.keep(hash, classes);
      } else if (readOnly) {
        say("read-only command: the compiled classes are not cached");
      } else {
        cache.store(hash, classes);
      }
    }
    return instantiate(classes, dir, shown, hit);
  }

  private static Loaded failed(Diagnostic diagnostic) {
    return new Loaded(List.of(), List.of(diagnostic), false, List.of());
  }

  private void say(String message) {
    if (verbose != null) {
      verbose.println("cfc: " + message);
      verbose.flush();
    }
  }

  private String display(Path path) {
    return SourceResolver.display(projectDir, path);
  }

  private Loaded instantiate(
      Map<String, byte[]> classes, Path sourcesDir, String shown, boolean hit) throws IOException {
    // The loader stays reachable as long as the definitions: they may hold lambdas of its classes.
    ClassLoader loader = new InMemoryClassLoader(classes, ContainerSet.class.getClassLoader());
    Loaded loaded = new ContainerSets(projectDir, List.of(sourcesDir), timeLimit)
        .instantiate(loader, List.copyOf(classes.keySet()), shown);
    List<Diagnostic> unordered = IterationOrder.warnings(classes, sourcesDir, projectDir);
    List<Diagnostic> findings = new ArrayList<>(loaded.diagnostics());
    findings.addAll(unordered);
    List<String> reads = new ArrayList<>(ExternalReads.of(classes));
    if (!unordered.isEmpty()) {
      // Never fingerprinted, even with CFC095 suppressed: the order may differ in the next JVM.
      reads.add("collections with no fixed iteration order (CFC095)");
    }
    return new Loaded(loaded.definitions(), findings, hit, reads);
  }
}

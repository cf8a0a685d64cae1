package dev.cfc.codegen;

import dev.cfc.codegen.internal.DefinitionCompiler;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One in-process javac and its file manager, kept across the compiles of a process that loads
 * the definitions again and again ({@code cfc generate --watch}): javac's start-up, the indexing
 * of the JDK and the DSL jar and the JIT's work are paid once instead of on every run. Each
 * compile still reads every source afresh, so an edited, renamed or deleted source is never seen
 * stale. The classes of the last few compiles are kept by the hash of their sources, so that
 * undoing an edit does not compile again. Pass it to {@link DefinitionLoader#DefinitionLoader(ProjectState, java.io.PrintWriter,
 * java.time.Duration, boolean, JavacSession)}; close it when the process is done compiling.
 */
public final class JavacSession implements AutoCloseable {

  private static final int KEPT_COMPILES = 4;

  private final DefinitionCompiler.Warm warm = new DefinitionCompiler.Warm();
  private final Map<String, Map<String, byte[]>> compiled =
      new LinkedHashMap<>(KEPT_COMPILES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, byte[]>> eldest) {
          return size() > KEPT_COMPILES;
        }
      };

  /** The classes compiled from sources of this hash, or null. */
  synchronized Map<String, byte[]> compiled(String sourcesHash) {
    return compiled.get(sourcesHash);
  }

  synchronized void keep(String sourcesHash, Map<String, byte[]> classes) {
    compiled.put(sourcesHash, Collections.unmodifiableMap(new TreeMap<>(classes)));
  }

  DefinitionCompiler.Warm warm() {
    return warm;
  }

  @Override
  public void close() throws IOException {
    warm.close();
  }
}

package dev.cfc.codegen;

import dev.cfc.codegen.internal.model.SourceResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where cfc keeps one project's local state, which is never committed: the lock that runs on the
 * project take turns on, the no-change fingerprint and the compile cache. Each project file has
 * its own, so that several Workers' projects can share one folder ({@code cfc.api.toml} and
 * {@code cfc.jobs.toml}, each passed with {@code --config}) without one run taking the other's
 * lock, answering from its fingerprint or pruning its cache; a killed write is rolled back from
 * its journal. The project file {@code cfc.toml}
 * keeps its state in {@code .cfc/}; any other project file {@code <name>.toml} in
 * {@code .cfc/projects/<name>/}.
 *
 * @param projectDir the project directory
 * @param dir the state directory
 */
public record ProjectState(Path projectDir, Path dir) {

  private static final String STATE_DIR = ".cfc";

  public ProjectState {
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(dir, "dir");
  }

  /** The state of the project a project file describes (which need not exist). */
  public static ProjectState of(Path projectFile) {
    Path file = projectFile.toAbsolutePath().normalize();
    Path projectDir = file.getParent();
    Path root = projectDir.resolve(STATE_DIR);
    String name = file.getFileName().toString();
    if (name.equals(ProjectConfig.FILE_NAME)) {
      return new ProjectState(projectDir, root);
    }
    String stem = name.endsWith(".toml") ? name.substring(0, name.length() - 5) : name;
    return new ProjectState(projectDir, root.resolve("projects").resolve(stem));
  }

  /** The state of the project whose project file is {@code cfc.toml} in {@code projectDir}. */
  public static ProjectState ofDefault(Path projectDir) {
    return of(projectDir.resolve(ProjectConfig.FILE_NAME));
  }

  /** The file two runs on this project take turns on ({@link ProjectLock}). */
  public Path lockFile() {
    return dir.resolve("lock");
  }

  /**
   * The journal of a write in progress, which a run killed while writing leaves behind until the
   * next {@link ProjectLock#acquire} rolls it back.
   */
  public Path journalFile() {
    return dir.resolve("journal");
  }

  /**
   * The journals of writes in progress, or left by killed runs, of every project in
   * {@code projectDir}: commands that take no lock look for them to warn that files may be
   * half-written. Several projects' states share the folder, and their outputs may too.
   */
  public static List<Path> journals(Path projectDir) throws IOException {
    Path root = projectDir.toAbsolutePath().normalize().resolve(STATE_DIR);
    List<Path> found = new ArrayList<>();
    if (Files.exists(root.resolve("journal"))) {
      found.add(root.resolve("journal"));
    }
    Path projects = root.resolve("projects");
    if (Files.isDirectory(projects)) {
      try (Stream<Path> states = Files.list(projects)) {
        for (Path state : states.sorted().toList()) {
          if (Files.exists(state.resolve("journal"))) {
            found.add(state.resolve("journal"));
          }
        }
      }
    }
    return found;
  }

  /** The no-change fingerprint of the last settled {@code cfc generate}. */
  public Path fingerprintFile() {
    return dir.resolve("fingerprint");
  }

  /** The compiled definitions, one directory per content hash of the sources. */
  public Path cacheDir() {
    return dir.resolve("cache");
  }

  /**
   * {@code path} as shown to the user: relative to the project directory when inside it, with
   * {@code /}; {@code .} for the project directory itself.
   */
  public String display(Path path) {
    return display(projectDir, path);
  }

  /**
   * {@link #display(Path)} for the project in {@code projectDir}, whatever its project file; a
   * relative {@code path} is relative to {@code projectDir}. Both front ends and every
   * diagnostic show paths this way.
   */
  public static String display(Path projectDir, Path path) {
    return SourceResolver.display(projectDir, path);
  }
}

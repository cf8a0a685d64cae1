package dev.cfc.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a compile reads from disk besides the definitions themselves, so that a caller can
 * tell when compiling again would give the same result: if every path is in the same state (absent,
 * a directory, or a file with the same content) and every tree holds the same files with the same
 * content, the same definitions compile to the same {@link CompileResult}.
 *
 * <p>The set is generous rather than exact: it may name a path the compile did not need, never
 * leave out one it read.
 *
 * @param paths files whose content, or directories whose existence, the compile looks at: the
 *     wrangler configs wrangler would choose between, {@code cfc.lock}, and the image build
 *     paths, Dockerfiles and build contexts of the definitions
 * @param trees directories whose files of one kind the compile reads, at any depth: the DSL
 *     sources ({@code .java}) and the generated TypeScript ({@code .ts}) and Java ({@code .java})
 */
public record CompileInputs(List<Path> paths, List<Tree> trees) {

  public CompileInputs {
    paths = List.copyOf(paths);
    trees = List.copyOf(trees);
  }

  /**
   * A directory of which the compile reads every file whose name ends with {@code extension}.
   *
   * @param root the directory
   * @param extension the file name ending, such as {@code .java}
   */
  public record Tree(Path root, String extension) {}
}

package dev.cfc.codegen.internal;

import dev.cfc.codegen.CompileInputs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What watch mode watches: single paths (the project file, the wrangler configs, the Dockerfiles
 * and build contexts) and trees of one kind of file (the DSL sources, the generated code), and
 * the directories whose entries must be watched to see them change. A path whose directory does
 * not exist yet is watched through its nearest existing ancestor, so that creating the directory
 * is seen too.
 *
 * @param paths absolute, normalised paths
 * @param trees trees with absolute, normalised roots
 * @param excluded a directory left out of every tree (cfc's own state directory)
 */
public record WatchedPaths(Set<Path> paths, List<CompileInputs.Tree> trees, Path excluded) {

  public WatchedPaths {
    paths = Set.copyOf(paths);
    trees = List.copyOf(trees);
  }

  /** The paths and trees of both, in one set. */
  public WatchedPaths plus(WatchedPaths other) {
    return plus(new CompileInputs(List.copyOf(other.paths()), other.trees()));
  }

  /** The paths and trees of both, in one set. */
  public WatchedPaths plus(CompileInputs inputs) {
    Set<Path> allPaths = new LinkedHashSet<>(paths);
    for (Path path : inputs.paths()) {
      allPaths.add(path.toAbsolutePath().normalize());
    }
    Set<CompileInputs.Tree> allTrees = new LinkedHashSet<>(trees);
    for (CompileInputs.Tree tree : inputs.trees()) {
      allTrees.add(
          new CompileInputs.Tree(tree.root().toAbsolutePath().normalize(), tree.extension()));
    }
    return new WatchedPaths(allPaths, List.copyOf(allTrees), excluded);
  }

  /** Every directory whose entries must be watched, as it is on disk now. */
  public Set<Path> directories() throws IOException {
    Set<Path> directories = new LinkedHashSet<>();
    for (Path path : paths) {
      Path parent = path.getParent();
      if (parent != null) {
        directories.add(nearestExisting(parent));
      }
    }
    for (CompileInputs.Tree tree : trees) {
      if (Files.isDirectory(tree.root())) {
        addTree(tree.root(), directories);
      } else {
        directories.add(nearestExisting(tree.root()));
      }
    }
    return directories;
  }

  private void addTree(Path directory, Set<Path> directories) throws IOException {
    if (directory.equals(excluded) || !directories.add(directory)) {
      return;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
      for (Path child : children) {
        if (Files.isDirectory(child)) {
          addTree(child, directories);
        }
      }
    } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException gone) {
      // Deleted while listed; the parent's events report it.
    }
  }

  private static Path nearestExisting(Path directory) {
    Path existing = directory;
    while (existing.getParent() != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    return existing;
  }

  /**
   * Whether a change to {@code changed} can change what a run reads: it is a watched path, a
   * directory on the way to one, a file of a tree's kind or a directory within a tree, or one of
   * {@code watchedDirectories} (whose changes were lost).
   */
  public boolean covers(Path changed, Set<Path> watchedDirectories) {
    if (watchedDirectories.contains(changed) && !paths.contains(changed)) {
      return !changed.equals(excluded) && inTreeOrAbove(changed);
    }
    for (Path path : paths) {
      if (path.startsWith(changed)) {
        return true;
      }
    }
    for (CompileInputs.Tree tree : trees) {
      if (tree.root().startsWith(changed)) {
        return true;
      }
      if (changed.startsWith(tree.root())
          && !changed.startsWith(excluded)
          && (changed.getFileName().toString().endsWith(tree.extension())
              || Files.isDirectory(changed))) {
        return true;
      }
    }
    return false;
  }

  private boolean inTreeOrAbove(Path directory) {
    for (Path path : paths) {
      if (directory.equals(path.getParent()) || path.startsWith(directory)) {
        return true;
      }
    }
    for (CompileInputs.Tree tree : trees) {
      if (directory.startsWith(tree.root()) || tree.root().startsWith(directory)) {
        return true;
      }
    }
    return false;
  }
}

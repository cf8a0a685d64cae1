package dev.cfc.codegen.internal;

import dev.cfc.codegen.CfcVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The DSL sources under a directory and the hash that names their compiled classes in the
 * cache.
 *
 * @param dir the sources directory
 * @param files every {@code .java} file under it, sorted
 */
public record DefinitionSources(Path dir, List<Path> files) {

  public DefinitionSources {
    files = List.copyOf(files);
  }

  /** The {@code .java} files under {@code dir}, which must be a directory. */
  public static DefinitionSources in(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return new DefinitionSources(
          dir,
          walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
              .sorted()
              .toList());
    }
  }

  /**
   * A hash of every file's path and contents, the cfc version, the Java feature version and the
   * class rewrite of {@link IterationOrder}: what decides the compiled bytes. Timestamps are left
   * out, so touching a file or checking it out again reuses the cache.
   */
  public String hash() throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("cfc " + CfcVersion.get() + "\0" + Runtime.version().feature() + "\0"
              + IterationOrder.VERSION + "\0")
          .getBytes(StandardCharsets.UTF_8));
      for (Path file : files) {
        digest.update(
            dir.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

package dev.cfc.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory of expected emitted files with one extension: the emitted set must equal it file
 * for file, and {@code -Dcfc.updateGoldens=true} rewrites it from the emitted set.
 */
public final class GoldenDirectory {

  /**
   * {@code -Dcfc.updateGoldens=true}: the one switch that makes every kind of expected output
   * (whole-product, reconcile, TypeScript and Java goldens, the runtime's fixture, the committed
   * example and the docs' generated blocks) be rewritten from what cfc now produces, for review.
   */
  public static final boolean UPDATE = Boolean.getBoolean("cfc.updateGoldens");

  private GoldenDirectory() {}

  /**
   * @param dir the golden directory of one case
   * @param extension the extension of the files it holds, such as {@code .ts}
   * @param files emitted file name → content
   */
  public static void assertMatches(Path dir, String extension, Map<String, String> files)
      throws IOException {
    if (UPDATE) {
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.filter(p -> p.toString().endsWith(extension)).toList()) {
          Files.delete(p);
        }
      }
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    List<String> expectedNames;
    try (Stream<Path> list = Files.list(dir)) {
      expectedNames = list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(extension))
          .sorted()
          .toList();
    }
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames);
    for (Map.Entry<String, String> e : files.entrySet()) {
      String expected = Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8);
      assertThat(e.getValue()).as(dir.getFileName() + "/" + e.getKey()).isEqualTo(expected);
    }
  }
}

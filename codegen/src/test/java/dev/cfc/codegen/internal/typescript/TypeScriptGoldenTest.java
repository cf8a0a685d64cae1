package dev.cfc.codegen.internal.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.GoldenDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole-file comparison of the emitted classes and {@code index.ts} with
 * {@code src/test/resources/typescript/<case>/}. {@code -Dcfc.updateGoldens=true} rewrites the
 * expectations instead.
 */
class TypeScriptGoldenTest {

  static final Path ROOT = Path.of("src/test/resources/typescript");

  static Stream<String> cases() {
    return TsCases.all().keySet().stream();
  }

  /** The emitted files of a case without the runtime copies. */
  static Map<String, String> generated(TsCases.Case c) {
    Map<String, String> files = new LinkedHashMap<>(new TypeScriptEmitter(TsCases.VERSION)
        .emit(c.definitions(), c.workerName(), c.environments()));
    files.keySet().removeIf(name -> name.startsWith("cfc-"));
    return files;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void emittedFilesMatchTheGolden(String name) throws IOException {
    Map<String, String> files = generated(TsCases.all().get(name));
    GoldenDirectory.assertMatches(ROOT.resolve(name), ".ts", files);
  }

  /**
   * The runtime's own tests compile and run against this fixture, so it must be what the emitter
   * writes; its header line carries a placeholder instead of a version.
   * {@code -Dcfc.updateGoldens=true} rewrites the rest.
   */
  @Test
  void twoContainersMatchTheRuntimeFixtureBelowTheHeaderLine() throws IOException {
    Path fixture = Path.of("..", "runtime-js-templates", "test", "fixture-generated");
    Map<String, String> files = generated(TsCases.twoContainers());
    for (String name :
        List.of("TranscoderContainer.ts", "JobContainer.ts", "handles.ts", "index.ts")) {
      String expected = Files.readString(fixture.resolve(name), StandardCharsets.UTF_8);
      if (GoldenDirectory.UPDATE) {
        expected =
            expected.substring(0, expected.indexOf('\n') + 1) + withoutFirstLine(files.get(name));
        Files.writeString(fixture.resolve(name), expected, StandardCharsets.UTF_8);
      }
      assertThat(withoutFirstLine(files.get(name))).as(name).isEqualTo(withoutFirstLine(expected));
    }
  }

  private static String withoutFirstLine(String text) {
    return text.substring(text.indexOf('\n') + 1);
  }
}

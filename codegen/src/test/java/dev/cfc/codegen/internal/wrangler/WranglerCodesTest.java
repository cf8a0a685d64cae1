package dev.cfc.codegen.internal.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documented codes are the ones the engine reports, and CODES.md is their rendering. */
class WranglerCodesTest {

  private static final Path CODES_MD = GoldenCase.ROOT.resolve("CODES.md");

  @Test
  void codesAreUniqueInRangeAndComplete() {
    Set<String> seen = new LinkedHashSet<>();
    for (WranglerCodes.Code c : WranglerCodes.ALL) {
      assertThat(seen.add(c.code())).as("unique %s", c.code()).isTrue();
      assertThat(c.code()).matches("CFC1[0-3][0-9]");
      assertThat(c.title()).isNotBlank();
      assertThat(c.explanation()).isNotBlank();
      assertThat(c.badExample()).isNotBlank();
      assertThat(c.fix()).isNotBlank();
    }
  }

  @Test
  void everyCodeUsedInTheEngineIsDocumented() throws IOException {
    Path sources = Path.of("src/main/java/dev/cfc/codegen/internal/wrangler");
    Pattern use = Pattern.compile("WranglerCodes\\.([A-Z_]+)");
    Set<String> used = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(sources)) {
      for (Path f : files.toList()) {
        Matcher m = use.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).equals("ALL")) {
            used.add(m.group(1));
          }
        }
      }
    }
    for (String constant : used) {
      String code = constant(constant);
      assertThat(WranglerCodes.find(code)).as("%s (%s) documented", constant, code).isPresent();
    }
  }

  @Test
  void codesMarkdownIsUpToDate() {
    String md = render();
    if (Boolean.getBoolean("cfc.updateGoldens")) {
      GoldenCase.write(CODES_MD, md);
    }
    assertThat(CODES_MD).as("write it with -Dcfc.updateGoldens=true").exists();
    assertThat(GoldenCase.read(CODES_MD)).isEqualTo(md);
  }

  /** The markdown entries for docs/diagnostics.md. */
  static String render() {
    StringBuilder out = new StringBuilder("# wrangler config diagnostics (CFC100–CFC139)\n\n")
        .append("Generated from `WranglerCodes`; `-Dcfc.updateGoldens=true` rewrites it.\n");
    for (WranglerCodes.Code c : WranglerCodes.ALL) {
      out.append("\n## ").append(c.code()).append(": ").append(c.title()).append("\n\n")
          .append(c.explanation()).append("\n\n")
          .append("```toml\n").append(c.badExample()).append("\n```\n\n")
          .append("Fix: ").append(c.fix()).append("\n");
    }
    return out.toString();
  }

  private static String constant(String name) {
    try {
      return (String) WranglerCodes.class.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(name, e);
    }
  }
}

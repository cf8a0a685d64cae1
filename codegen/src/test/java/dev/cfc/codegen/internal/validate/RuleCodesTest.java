package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.DiagnosticCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each rule family's Javadoc lists exactly the codes it reports, the classes the families share
 * report none, and the catalogue knows each code with the severity the family reports it at.
 */
class RuleCodesTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/cfc/codegen/internal/validate");
  private static final Pattern REPORTED =
      // \s* after the parenthesis: a formatter may put the code on the line after the call.
      Pattern.compile(
          "\\.(error|warning)\\(\\s*\"(CFC\\d{3})\"|Diagnostic\\.(error)\\(\\s*\"(CFC\\d{3})\"");
  private static final Pattern LITERAL = Pattern.compile("\"(CFC\\d{3})\"");
  private static final Pattern CLASS_DOC =
      Pattern.compile("(?s)/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:final class|class|interface) ");
  private static final Pattern MENTIONED = Pattern.compile("CFC\\d{3}");

  /** Source of every rule family, by class name. */
  private static Map<String, String> families() throws IOException {
    Map<String, String> families = new TreeMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith("Rules.java") && !name.equals("ScopeRules.java")) {
          families.put(name.replace(".java", ""), Files.readString(file));
        }
      }
    }
    return families;
  }

  private static Set<String> all(Pattern pattern, int group, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  @Test
  void eachFamilysJavadocListsExactlyTheCodesItReports() throws IOException {
    Map<String, String> families = families();
    assertThat(families).hasSizeGreaterThanOrEqualTo(10);
    families.forEach((family, source) -> {
      Matcher doc = CLASS_DOC.matcher(source);
      assertThat(doc.find()).as(family + " has a class Javadoc").isTrue();
      Set<String> reported = all(LITERAL, 1, source);
      assertThat(reported).as(family + " reports codes").isNotEmpty();
      assertThat(all(MENTIONED, 0, doc.group(1))).as(family + "'s Javadoc").isEqualTo(reported);
    });
  }

  @Test
  void theEntryPointAndTheSharedClassesReportNoCodeThemselves() throws IOException {
    for (String shared :
        new String[] {"Validator", "Findings", "ConfigSyntax", "ValidationContext"}) {
      assertThat(all(LITERAL, 1, Files.readString(SOURCES.resolve(shared + ".java"))))
          .as(shared)
          .isEmpty();
    }
  }

  @Test
  void everyReportedCodeIsCataloguedWithTheSeverityItIsReportedAt() throws IOException {
    for (Map.Entry<String, String> family : families().entrySet()) {
      Set<String> reported = new TreeSet<>();
      Matcher m = REPORTED.matcher(family.getValue());
      while (m.find()) {
        boolean warning = "warning".equals(m.group(1));
        String code = m.group(2) != null ? m.group(2) : m.group(4);
        reported.add(code);
        assertThat(DiagnosticCatalog.entry(code))
            .as(code + " in " + family.getKey())
            .isPresent();
        assertThat(DiagnosticCatalog.isWarning(code))
            .as(code + " is catalogued as " + (warning ? "a warning" : "an error"))
            .isEqualTo(warning);
      }
      assertThat(reported)
          .as("codes " + family.getKey() + " reports as findings")
          .isEqualTo(all(LITERAL, 1, family.getValue()));
    }
  }
}

package dev.cfc.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md documents every code the sources can emit, and nothing else. */
class DiagnosticCatalogTest {

  private static final Pattern CODE = Pattern.compile("\"(CFC\\d{3})\"");

  private static Set<String> codesIn(Path root) throws IOException {
    Set<String> codes = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return codes;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CODE.matcher(Files.readString(file));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    }
    return codes;
  }

  @Test
  void everyEmittedCodeIsDocumentedWithAnExampleAndAFix() throws IOException {
    Set<String> emitted = codesIn(Path.of("src/main/java"));
    emitted.addAll(codesIn(Path.of("../cli/src/main/java")));
    emitted.addAll(codesIn(Path.of("../maven-plugin/src/main/java")));
    assertThat(emitted).hasSizeGreaterThan(40);
    assertThat(DiagnosticCatalog.entries().keySet()).containsAll(emitted);
    DiagnosticCatalog.entries()
        .forEach((code, entry) -> assertThat(entry).as(code).contains("Bad").contains("Fix"));
  }

  @Test
  void everyDocumentedCodeIsEmitted() throws IOException {
    Set<String> emitted = codesIn(Path.of("src/main/java"));
    emitted.addAll(codesIn(Path.of("../cli/src/main/java")));
    assertThat(emitted).containsAll(DiagnosticCatalog.entries().keySet());
  }

  @Test
  void theBundledCatalogueIsDocsDiagnosticsMdHeadingByHeading() throws IOException {
    String docs = Files.readString(Path.of("../docs/diagnostics.md"));
    List<String> headings = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^## (CFC\\d{3})\\b").matcher(docs);
    while (m.find()) {
      headings.add(m.group(1));
    }
    assertThat(DiagnosticCatalog.entries().keySet()).containsExactlyElementsOf(headings);
    DiagnosticCatalog.entries()
        .forEach((code, entry) -> assertThat(docs).as(code).contains(entry.strip()));
  }

  @Test
  void explainFindsAnEntryCaseInsensitively() {
    assertThat(DiagnosticCatalog.entry("cfc031"))
        .hasValueSatisfying(e -> assertThat(e).startsWith("## CFC031").contains("\"0s\""));
    assertThat(DiagnosticCatalog.entry("CFC999")).isEmpty();
  }
}

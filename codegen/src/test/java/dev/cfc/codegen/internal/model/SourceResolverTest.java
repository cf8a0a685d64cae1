package dev.cfc.codegen.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DSL value's location gets the column of the DSL call, found by name on its line. */
class SourceResolverTest {

  @TempDir
  Path project;

  @Test
  void theColumnIsWhereTheCalledMethodsNameStarts() {
    assertThat(SourceResolver.columnOf("            .maxInstances(5)", "maxInstances"))
        .isEqualTo(14);
    assertThat(SourceResolver.columnOf("        Container.define(\"api\")", "define"))
        .isEqualTo(19);
    assertThat(SourceResolver.columnOf("    .sleepAfter (\"5m\")", "sleepAfter"))
        .isEqualTo(6);
  }

  @Test
  void aLongerNameThatEndsOrStartsWithTheMethodIsNotItsCall() {
    String line =
        "    .environment(\"staging\", e -> e.env(\"A\", \"1\")).withEnv(1).env(\"B\", \"2\")";
    assertThat(SourceResolver.columnOf(line, "env")).isEqualTo(line.indexOf("env(\"A\"") + 1);
    assertThat(SourceResolver.columnOf("    .envFrom(x)", "env")).isZero();
  }

  @Test
  void resolveReadsTheLineOfTheSourceUnderTheSourceRoot() throws IOException {
    Path source = Files.createDirectories(project.resolve("cfc/app")).resolve("Defs.java");
    Files.writeString(
        source, "package app;\n\nclass Defs {\n  int x = Container\n      .maxInstances(3);\n}\n");
    SourceResolver resolver = new SourceResolver(project, List.of(Path.of("cfc")));

    Diagnostic.Location at =
        resolver.resolve(new SourceLocation("app.Defs", "Defs.java", 5, "maxInstances"));
    assertThat(at).isEqualTo(new Diagnostic.Location("cfc/app/Defs.java", 5, 8));

    // without the method, or when the name is not on the line, the line alone: column 1
    assertThat(resolver.resolve(new SourceLocation("app.Defs", "Defs.java", 5)).column())
        .isEqualTo(1);
    assertThat(resolver
            .resolve(new SourceLocation("app.Defs", "Defs.java", 4, "maxInstances"))
            .column())
        .isEqualTo(1);
  }
}

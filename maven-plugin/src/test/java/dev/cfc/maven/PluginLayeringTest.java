package dev.cfc.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectLock;
import dev.cfc.codegen.ProjectState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Maven plugin is a thin front end: it fills a request from Maven's parameters and calls
 * codegen's public API, as the CLI does; it never reaches into codegen's internals or the CLI.
 */
class PluginLayeringTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.cfc");

  @Test
  void thePluginUsesOnlyCodegensPublicApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.maven..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.cfc.codegen.internal..")
        .check(classes);
  }

  @Test
  void thePluginDoesNotUseTheCliOrPicocli() {
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.maven..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.cfc.cli..", "picocli..")
        .check(classes);
  }

  @Test
  void nothingButThePluginUsesMavenApis() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.cfc.maven..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.maven..")
        .check(classes);
  }

  @Test
  void thePluginLeavesLockingAndWritingToGeneration() {
    // The order lock, plan, write lives once, in codegen's Generation.
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.maven..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(ProjectLock.class)
        .orShould()
        .callMethod(OutputWriter.class, "write", ProjectLock.class, CompileResult.class)
        .orShould()
        .callMethod(OutputWriter.class, "write", ProjectState.class, CompileResult.class)
        .orShould()
        .callMethod(OutputWriter.class, "write", Path.class, CompileResult.class)
        .check(classes);
  }
}

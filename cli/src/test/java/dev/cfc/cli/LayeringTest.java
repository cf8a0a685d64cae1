package dev.cfc.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

/** Dependencies point one way: dsl ← codegen ← cli; only the CLI may use picocli. */
class LayeringTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.cfc");

  @Test
  void dslDependsOnNothingButTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.cfc.dsl..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.cfc.dsl..", "java..")
        .check(classes);
  }

  @Test
  void onlyTheCliUsesPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.cfc.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void codegenDoesNotKnowTheCliOrMaven() {
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.codegen..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.cfc.cli..", "dev.cfc.maven..", "org.apache.maven..")
        .check(classes);
  }

  @Test
  void onlyTheMavenPluginUsesMavenApis() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.cfc.maven..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.maven..")
        .check(classes);
  }

  @Test
  void theCliUsesOnlyCodegensPublicApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.cfc.codegen.internal..")
        .check(classes);
  }

  @Test
  void theNoChangeShortcutLoadsNoLibrary() {
    // It runs before anything else, to answer in a fraction of the time a compile takes.
    noClasses()
        .that()
        .haveSimpleNameStartingWith("NoChangeShortcut")
        .or()
        .haveSimpleNameStartingWith("InputStates")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "picocli..", "com.fasterxml..", "org.tomlj..", "com.palantir.javapoet..")
        .check(classes);
  }

  @Test
  void theCliLeavesLockingAndWritingToGeneration() {
    // The order lock, plan, write lives once, in codegen's Generation.
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.cli..")
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

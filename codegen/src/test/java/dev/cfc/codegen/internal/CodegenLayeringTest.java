package dev.cfc.codegen.internal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Inside codegen, dependencies point one way: the model knows nothing of the wrangler reconcile,
 * and the TOML and JSONC backends never reach into each other, so a change to one syntax cannot
 * break the other.
 */
class CodegenLayeringTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.cfc.codegen");

  @Test
  void theModelDoesNotDependOnTheWranglerPackage() {
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.codegen.internal.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.cfc.codegen.internal.wrangler..",
            "dev.cfc.codegen.internal.typescript..",
            "dev.cfc.codegen.internal.java..")
        .check(classes);
  }

  @Test
  void theTomlBackendDoesNotUseTheJsoncOne() {
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.codegen.internal.wrangler")
        .and()
        .haveSimpleNameStartingWith("Toml")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("Jsonc")
        .check(classes);
  }

  @Test
  void theJsoncBackendDoesNotUseTheTomlOne() {
    noClasses()
        .that()
        .resideInAPackage("dev.cfc.codegen.internal.wrangler")
        .and()
        .haveSimpleNameStartingWith("Jsonc")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("Toml")
        .check(classes);
  }

  @Test
  void theCodeGeneratorsStayOutOfTheReconcile() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.cfc.codegen.internal.typescript..", "dev.cfc.codegen.internal.java..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.cfc.codegen.internal.wrangler..")
        .check(classes);
  }
}

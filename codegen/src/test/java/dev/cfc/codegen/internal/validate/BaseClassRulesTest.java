package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The team's class a generated class extends (CFC130–CFC133). Failing cases assert the code, the
 * line of the {@code extendsClass} call and the hint.
 */
class BaseClassRulesTest extends ValidationFixture {

  private static final String MODULE = "src/containers/app-hooks.ts";

  @BeforeEach
  void hooksModule() throws IOException {
    Files.createDirectories(project.resolve("src/containers"));
    Files.writeString(
        project.resolve(MODULE),
        "import { CfcContainer } from \"../_generated/cfc-runtime.js\";\n"
            + "export abstract class AppHooks extends CfcContainer {}\n"
            + "abstract class Internal extends CfcContainer {}\n"
            + "abstract class Listed extends CfcContainer {}\n"
            + "export { Listed };\n");
  }

  @Test
  void anExistingModuleExportingTheClassIsValid() {
    assertValid(b -> b.extendsClass(MODULE, "AppHooks"));
    assertValid(b -> b.extendsClass("./src/containers/../containers/app-hooks.ts", "AppHooks"));
    assertValid(b -> b.extendsClass(MODULE, "Listed"));
  }

  @Test
  void aMissingModuleIsRefusedAtItsCall() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().extendsClass("src/containers/missing.ts", "AppHooks").build()), "CFC130");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message())
        .isEqualTo("extendsClass(\"src/containers/missing.ts\", \"AppHooks\") of container \"app\":"
            + " module \"src/containers/missing.ts\" does not exist (relative to the project"
            + " directory)");
    assertThat(d.hint()).contains("export abstract class AppHooks extends CfcContainer");
    assertThat(only(validate(app().extendsClass("src/containers", "AppHooks").build()), "CFC132"))
        .isNotNull();
    assertThat(only(validate(app().extendsClass("src/containers/", "AppHooks").build()), "CFC132"))
        .isNotNull();
  }

  @Test
  void anExportThatIsNoClassNameIsRefused() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().extendsClass(MODULE, "app-hooks").build()), "CFC131");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).endsWith("\"app-hooks\" is not a JavaScript identifier");
    assertThat(d.hint()).contains("extendsClass(\"src/containers/app-hooks.ts\", \"AppHooks\")");
    assertThat(only(validate(app().extendsClass(MODULE, "class").build()), "CFC131")
            .message())
        .endsWith("is a reserved word in JavaScript or TypeScript");
    assertThat(only(validate(app().extendsClass(MODULE, "AppContainer").build()), "CFC131")
            .message())
        .endsWith("is the generated class's own name");
    assertThat(only(validate(app().extendsClass(MODULE, "runHook").build()), "CFC131")
            .message())
        .endsWith("is a name the generated class already imports");
  }

  @Test
  void aPathThatIsNoModuleInsideTheProjectIsRefused() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().extendsClass("../shared/hooks.ts", "AppHooks").build()), "CFC132");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("relative to the project directory");
    for (String bad : new String[] {
      project.resolve(MODULE).toString(),
      "src/containers/app-hooks",
      "src/containers/app-hooks.d.ts",
      "src\\containers\\app-hooks.ts",
      ""
    }) {
      assertThat(only(validate(app().extendsClass(bad, "AppHooks").build()), "CFC132"))
          .as(bad)
          .isNotNull();
    }
  }

  @Test
  void aModuleWithoutTheExportIsRefused() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().extendsClass(MODULE, "Internal").build()), "CFC133");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).endsWith("does not export \"Internal\"");
    assertThat(d.hint()).contains("export abstract class Internal extends CfcContainer");
  }

  @Test
  void aModuleReExportingEverythingMayExportTheClass() throws IOException {
    Files.writeString(
        project.resolve("src/containers/index.ts"), "export * from \"./app-hooks.js\";\n");
    assertValid(b -> b.extendsClass("src/containers/index.ts", "AppHooks"));
  }
}

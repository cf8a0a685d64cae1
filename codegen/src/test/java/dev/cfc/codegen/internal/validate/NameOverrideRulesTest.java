package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerBuilder;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code className(...)}, {@code binding(...)} and a class named in {@code renamedFrom}: each
 * rule with a failing case located at the call that wrote the bad name, and the valid forms.
 */
class NameOverrideRulesTest {

  @TempDir
  Path project;

  private static int nextLine() {
    return StackWalker.getInstance()
            .walk(s -> s.skip(1).findFirst())
            .orElseThrow()
            .getLineNumber()
        + 1;
  }

  private static ContainerBuilder define(String name) {
    return Container.define(name).image(Image.registry("registry.cloudflare.com/acme/app:1.0"));
  }

  private List<Diagnostic> validate(ContainerDefinition... definitions) {
    return new Validator(project, new SourceResolver(project, List.of()), List.of(), null)
        .validate(Arrays.asList(definitions));
  }

  private static Diagnostic only(List<Diagnostic> diagnostics, String code) {
    assertThat(diagnostics).extracting(Diagnostic::code).containsExactly(code);
    return diagnostics.get(0);
  }

  @Test
  void validOverridesHaveNoFindings() {
    assertThat(validate(
            define("sandbox").className("Sandbox").binding("MY_CONTAINER").build(),
            define("small").className("MyContainerSmall").binding("_small2").build(),
            define("plain").className("Container").build()))
        .isEmpty();
  }

  @Test
  void aClassNameMustBeAJavaScriptClassIdentifierLocatedAtTheCall() {
    ContainerBuilder b = define("sandbox");
    // spotless:off
    int line = nextLine();
    b.className("My-Sandbox");
    // spotless:on
    Diagnostic d = only(validate(b.build()), "CFC008");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("className(\"My-Sandbox\")", "not a JavaScript class name");
    assertThat(d.hint()).contains("className(\"Sandbox\")");
    only(validate(define("sandbox").className("1Box").build()), "CFC008");
    only(validate(define("sandbox").className("").build()), "CFC008");
  }

  @Test
  void aClassNameMayNotBeAReservedWordOrANameTheGeneratedFilesUse() {
    assertThat(only(validate(define("sandbox").className("class").build()), "CFC008")
            .message())
        .contains("reserved word");
    assertThat(only(validate(define("sandbox").className("CfcContainer").build()), "CFC008")
            .message())
        .contains("generated TypeScript");
    // index.ts on a case-insensitive file system
    only(validate(define("sandbox").className("Index").build()), "CFC008");
    only(validate(define("sandbox").className("Env").build()), "CFC008");
  }

  @Test
  void aBindingMustBeABindingIdentifierLocatedAtTheCall() {
    ContainerBuilder b = define("sandbox");
    // spotless:off
    int line = nextLine();
    b.binding("MY-CONTAINER");
    // spotless:on
    Diagnostic d = only(validate(b.build()), "CFC009");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains("binding(\"MY_CONTAINER\")");
    only(validate(define("sandbox").binding("1X").build()), "CFC009");
    only(validate(define("sandbox").binding("$X").build()), "CFC009");
  }

  @Test
  void overriddenNamesMustBeUniqueAcrossDefinitionsIncludingDerivedOnes() {
    // An override equal to another definition's derived class.
    assertThat(only(
                validate(
                    define("sandbox").build(),
                    define("box").className("SandboxContainer").build()),
                "CFC003")
            .message())
        .contains("SandboxContainer");
    // Two equal binding overrides.
    only(
        validate(
            define("one").binding("SHARED").build(),
            define("two").binding("SHARED").build()),
        "CFC003");
    // Derived names that clash stop clashing when one of them is overridden.
    only(validate(define("fooBar").build(), define("fooBAR").build()), "CFC003");
    assertThat(validate(
            define("fooBar").build(),
            define("fooBAR").className("FooCaps").binding("FOO_CAPS").build()))
        .isEmpty();
  }

  @Test
  void renamedFromMayNameThePreviousClass() {
    assertThat(validate(define("sandbox").renamedFrom("Sandbox").build())).isEmpty();
    ContainerBuilder b = define("sandbox").className("Sandbox");
    // spotless:off
    int line = nextLine();
    b.renamedFrom("Sandbox");
    // spotless:on
    Diagnostic d = only(validate(b.build()), "CFC004");
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("the class it already has");
    only(validate(define("sandbox").renamedFrom("Old-Box").build()), "CFC004");
  }

  @Test
  void theDslRecordsOverridesAndWhereTheyWereWritten() {
    ContainerBuilder b = define("sandbox");
    // spotless:off
    int classLine = nextLine();
    b.className("Sandbox");
    // spotless:on
    // spotless:off
    int bindingLine = nextLine();
    b.binding("MY_CONTAINER");
    // spotless:on
    ContainerDefinition d = b.build();
    assertThat(d.className()).isEqualTo("Sandbox");
    assertThat(d.binding()).isEqualTo("MY_CONTAINER");
    assertThat(d.sources().get("className").line()).isEqualTo(classLine);
    assertThat(d.sources().get("binding").line()).isEqualTo(bindingLine);
    ContainerDefinition plain = define("sandbox").build();
    assertThat(plain.className()).isNull();
    assertThat(plain.binding()).isNull();
  }
}

package dev.cfc.codegen.internal.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.DiagnosticCatalog;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconcile's codes are unique, in their range, and each has its entry in the catalogue. */
class WranglerCodesTest {

  private static List<String> codes() throws IllegalAccessException {
    List<String> codes = new ArrayList<>();
    for (Field field : WranglerCodes.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        codes.add((String) field.get(null));
      }
    }
    return codes;
  }

  @Test
  void codesAreUniqueAndInTheReconcilesRange() throws IllegalAccessException {
    assertThat(codes())
        .hasSizeGreaterThan(15)
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("CFC1[0-3][0-9]"));
  }

  @Test
  void everyCodeHasACatalogueEntryWithAnExampleAndAFix() throws IllegalAccessException {
    for (String code : codes()) {
      assertThat(DiagnosticCatalog.entry(code))
          .as(code)
          .hasValueSatisfying(entry -> assertThat(entry).contains("Bad").contains("Fix"));
    }
  }
}

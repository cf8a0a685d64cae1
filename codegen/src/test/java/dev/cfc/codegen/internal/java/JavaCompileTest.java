package dev.cfc.codegen.internal.java;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden case compiles under {@code javac -Xlint:all -Xdoclint:all -Werror}. */
class JavaCompileTest {

  static Stream<String> cases() {
    return JavaCases.all().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void compilesWithoutAnyWarning(String name, @TempDir Path dir) throws Exception {
    JavaCases.Case c = JavaCases.all().get(name);
    GeneratedJava.compileCleanly(
        dir, new JavaEmitter(JavaCases.VERSION).emit(c.definitions(), JavaCases.PACKAGE));
  }
}

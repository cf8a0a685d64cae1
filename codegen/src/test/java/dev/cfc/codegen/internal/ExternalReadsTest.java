package dev.cfc.codegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.dsl.ContainerSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which compiled definitions may depend on more than their sources. */
class ExternalReadsTest {

  @TempDir
  Path dir;

  @Test
  void whatJavacEmitsForOrdinaryDefinitionCodeIsNotARead() throws Exception {
    assertThat(readsOf("""
        package app;
        import dev.cfc.dsl.*;
        import java.time.Duration;
        import java.util.*;
        import java.util.stream.*;
        public final class Pure implements ContainerSet {
          record Size(int max) {}
          enum Tier { SMALL, LARGE }
          @Override public List<ContainerDefinition> containers() {
            Map<String, Integer> sizes = new TreeMap<>(Map.of("api", 3, "worker", 2));
            return sizes.entrySet().stream()
                .map(e -> Container.define(e.getKey())
                    .image(Image.registry("registry.cloudflare.com/acme/" + e.getKey() + ":1"))
                    .maxInstances(new Size(e.getValue()).max())
                    .sleepAfter(Duration.ofMinutes(switch (Tier.valueOf("SMALL")) {
                      case SMALL -> 5;
                      case LARGE -> 10;
                    }))
                    .build())
                .collect(Collectors.toList());
          }
          static String label(Object o) {
            return o instanceof String s ? s.toUpperCase(Locale.ROOT) : String.valueOf(o);
          }
        }
        """)).isEmpty();
  }

  @Test
  void theEnvironmentFilesClockAndRandomnessAreReads() throws Exception {
    assertThat(readsOf("""
        package app;
        import java.nio.file.*;
        public final class Impure {
          String tag() throws Exception {
            return System.getenv("TAG") + Files.readString(Path.of("version.txt"))
                + java.time.LocalDate.now() + new java.util.Random().nextInt()
                + getClass().getName();
          }
        }
        """))
        .containsExactly(
            "java.lang.Class",
            "java.lang.System",
            "java.nio.file.Files",
            "java.nio.file.Path",
            "java.time.LocalDate",
            "java.util.Random");
  }

  @Test
  void safeClassesStillHaveMembersThatRead() throws Exception {
    assertThat(readsOf("""
        package app;
        public final class Members {
          double pick() {
            return Math.random() + Integer.getInteger("max", 3) + (Boolean.getBoolean("x") ? 1 : 0)
                + java.util.Locale.getDefault().hashCode();
          }
        }
        """))
        .containsExactly(
            "java.lang.Boolean.getBoolean",
            "java.lang.Integer.getInteger",
            "java.lang.Math.random",
            "java.util.Locale.getDefault");
  }

  @Test
  void aProjectsOwnClassesAreJudgedByWhatTheyUse() throws Exception {
    assertThat(readsOf("""
        package app;
        public final class Sets {
          static final class Helper { static int max() { return Integer.parseInt(System.getProperty("max")); } }
          int max() { return Helper.max(); }
        }
        """)).containsExactly("java.lang.System");
  }

  private List<String> readsOf(String source) throws IOException {
    String name = source.replaceAll("(?s).*public final class (\\w+).*", "$1");
    Path file = dir.resolve("src/app/" + name + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String dsl = Path.of(ContainerSet.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .getPath())
        .toString();
    int code = javac.run(null, null, null, "-d", classes.toString(), "-cp", dsl, file.toString());
    assertThat(code).as("javac").isZero();
    return ExternalReads.in(classes);
  }
}

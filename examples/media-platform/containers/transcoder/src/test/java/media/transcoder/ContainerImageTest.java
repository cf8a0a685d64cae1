package media.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile builds the image from what {@code mvn package} leaves in {@code target/}: the app
 * depends on cfc-container, which no registry serves, so the image cannot run Maven itself. No
 * Docker daemon is needed: these check the Dockerfile and {@code .dockerignore} against the
 * build's outputs, which this module's pom names ({@code finalName} transcoder, dependencies in
 * {@code target/lib}).
 */
class ContainerImageTest {

  private static final Path DIR = Path.of("").toAbsolutePath();

  @Test
  void theImageRunsThePackagedJarOnAJreAsANonRootUser() throws IOException {
    List<String> instructions = instructions();
    List<String> froms = instructions.stream().filter(line -> line.startsWith("FROM ")).toList();
    assertEquals(List.of("FROM eclipse-temurin:${JAVA_VERSION}-jre"), froms,
        "one stage, JRE only: the jar is built before docker build");
    for (String line : instructions) {
      assertFalse(line.startsWith("RUN mvn"), line);
    }
    assertEquals(List.of("target/lib/", "target/transcoder.jar"), copied(instructions));
    List<String> users = instructions.stream().filter(line -> line.startsWith("USER ")).toList();
    assertEquals(1, users.size(), "the image leaves root: " + users);
    assertFalse(users.get(0).matches("USER (root|0)(:.*)?"), users.get(0));
    assertTrue(instructions.get(instructions.size() - 1)
        .startsWith("ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\""));
  }

  @Test
  void theBuildContextHoldsExactlyTheBuildOutputs() throws IOException {
    List<String> ignore = Files.readAllLines(DIR.resolve(".dockerignore"), StandardCharsets.UTF_8)
        .stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
    assertEquals("*", ignore.get(0), "everything else (sources, IDE files) stays out");
    assertEquals(copied(instructions()).stream().map(source -> "!" + source.replaceAll("/$", ""))
        .sorted().toList(), ignore.subList(1, ignore.size()).stream().sorted().toList(),
        "the context lets in what the Dockerfile copies, nothing more");
    String pom = Files.readString(DIR.resolve("pom.xml"), StandardCharsets.UTF_8);
    assertTrue(pom.contains("<finalName>transcoder</finalName>"), "target/transcoder.jar");
    assertTrue(pom.contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>"),
        "target/lib");
    assertTrue(pom.contains("<classpathPrefix>lib/</classpathPrefix>"),
        "the jar finds lib/ next to it, as in /app");
  }

  private static List<String> copied(List<String> instructions) {
    return instructions.stream()
        .filter(line -> line.startsWith("COPY "))
        .map(line -> line.split("\\s+")[1])
        .toList();
  }

  /** The Dockerfile's instructions, one per line, comments and blank lines left out. */
  private static List<String> instructions() throws IOException {
    return Files.readAllLines(DIR.resolve("Dockerfile"), StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}

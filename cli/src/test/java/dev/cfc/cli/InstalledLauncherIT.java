package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfc.codegen.CfcVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * cfc outside its checkout: the executable jar and the launcher script as {@code mvn install}
 * puts them into a Maven repository (the build installs both with the real install plugin into a
 * repository under {@code target/} first), run from a folder that is not the checkout.
 */
class InstalledLauncherIT {

  private final Path root =
      Path.of(System.getProperty("cfc.it.root", "..")).toAbsolutePath().normalize();
  private final Path repository = Path.of(
          System.getProperty("cfc.it.repository", "target/it-repository"))
      .toAbsolutePath()
      .normalize();
  private final String version = System.getProperty("cfc.it.version", CfcVersion.get());

  private Path installed(String file) {
    return repository.resolve("dev/cfc/cfc-cli").resolve(version).resolve(file);
  }

  /** A folder outside the checkout that exists everywhere; {@code --version} writes nothing. */
  private Path outsideTheCheckout() {
    Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    assertThat(temp.startsWith(root)).as("%s is inside the checkout", temp).isFalse();
    return temp;
  }

  private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().remove("CFC_MAVEN_REPOSITORY");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(String.join(" ", command) + "\n" + output)
        .isZero();
    return output;
  }

  @Test
  void theInstalledLauncherRunsTheInstalledJarFromAnotherFolder() throws Exception {
    Path launcher = installed("cfc-cli-" + version + "-launcher.sh");
    assertThat(installed("cfc-cli-" + version + "-all.jar")).isRegularFile();
    assertThat(launcher).isRegularFile();

    String output = run(outsideTheCheckout(), Map.of(), "sh", launcher.toString(), "--version");

    assertThat(output).isEqualTo("cfc " + version + "\n");
  }

  /**
   * {@code jbang cfc@…} runs the catalog's Maven coordinates, which JBang resolves from the local
   * repository: they must name the executable jar this build installs.
   */
  @Test
  void theJbangCatalogAliasNamesTheInstalledExecutableJar() throws Exception {
    JsonNode catalog =
        new ObjectMapper().readTree(root.resolve("jbang-catalog.json").toFile());
    String[] gav =
        catalog.path("aliases").path("cfc").path("script-ref").asText().split(":");
    assertThat(gav).hasSize(4);
    assertThat(gav[2]).as("the catalog's version").isEqualTo(version);
    Path jar = repository
        .resolve(gav[0].replace('.', '/'))
        .resolve(gav[1])
        .resolve(gav[2])
        .resolve(gav[1] + "-" + gav[2] + "-" + gav[3] + ".jar");
    assertThat(jar).isRegularFile();

    String output = run(
        outsideTheCheckout(),
        Map.of(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar",
        jar.toString(),
        "--version");

    assertThat(output).isEqualTo("cfc " + version + "\n");
  }

  @Test
  void aCopyOnThePathFindsTheJarInTheMavenRepository() throws Exception {
    Path bin = Files.createDirectories(root.resolve("cli/target/launcher-it-bin"));
    Path copy = bin.resolve("cfc");
    Files.copy(
        installed("cfc-cli-" + version + "-launcher.sh"),
        copy,
        StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));

    String output = run(
        outsideTheCheckout(),
        Map.of("CFC_MAVEN_REPOSITORY", repository.toString()),
        List.of(copy.toString(), "--version").toArray(String[]::new));

    assertThat(output).isEqualTo("cfc " + version + "\n");
  }
}

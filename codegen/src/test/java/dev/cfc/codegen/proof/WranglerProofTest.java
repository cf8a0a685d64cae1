package dev.cfc.codegen.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrangler proof harness accepts valid configs and is able to fail: each broken fixture under
 * {@code wrangler-proof-fixtures/broken} is rejected, and the assertions record which part of the
 * harness rejects it (wrangler's dry run, the closed schema, or the SQLite check), since wrangler
 * 4.86 lets several of them through.
 */
class WranglerProofTest {

  private static final Path FIXTURES = WranglerProof.harnessDirectory()
      .resolve("../resources/wrangler-proof-fixtures")
      .normalize();

  @TempDir
  Path work;

  @Test
  void tomlWithDockerfileAndRegistryContainersPassesAtTopLevelAndInStaging() {
    WranglerProof.Result result = prove("valid-toml", "wrangler.toml", List.of("staging"));

    assertThat(result.ok()).as(result.output()).isTrue();
    assertThat(result.checks())
        .hasSize(5)
        .allMatch(line -> line.startsWith("ok "))
        .anyMatch(line -> line.startsWith("ok wrangler.toml [schema"))
        .anyMatch(line -> line.startsWith("ok wrangler.toml (top level) [dry-run"))
        .anyMatch(line -> line.startsWith("ok wrangler.toml --env staging [dry-run"));
  }

  @Test
  void jsoncWithCommentsAndTrailingCommasPassesAtTopLevelAndInStaging() {
    WranglerProof.Result result = prove("valid-jsonc", "wrangler.jsonc", List.of("staging"));

    assertThat(result.ok()).as(result.output()).isTrue();
    assertThat(result.checks())
        .hasSize(5)
        .allMatch(line -> line.startsWith("ok "))
        .anyMatch(line -> line.startsWith("ok wrangler.jsonc --env staging [dry-run"));
  }

  @Test
  void unknownKeyInAContainerEntryIsRejectedByTheSchema() {
    WranglerProof.Result result = prove("broken", "unknown-container-key.toml", List.of());

    assertThat(result.ok()).isFalse();
    assertThat(result.failures())
        .contains(
            "FAIL unknown-container-key.toml [schema]: /containers/0: unknown key \"max_instance\"");
  }

  @Test
  void wranglerOnlyWarnsAboutAnUnknownContainerKey() {
    WranglerProof.Result strict = prove("broken", "unknown-container-key.toml", List.of());
    WranglerProof.Result lenient =
        WranglerProof.prove(copy("broken").resolve("unknown-container-key.toml"), List.of(), true);

    assertThat(strict.failures())
        .anyMatch(line -> line.startsWith(
                "FAIL unknown-container-key.toml (top level) [dry-run]: wrangler warned:")
            && line.contains("Unexpected fields found in containers field: \"max_instance\""));
    assertThat(lenient.checks())
        .anyMatch(line -> line.startsWith("ok unknown-container-key.toml (top level) [dry-run"));
    assertThat(lenient.ok()).isFalse(); // the schema still rejects it
  }

  @Test
  void anUpperCaseApplicationNameFailsTheImageBuildAsDockerRefusesIt() {
    WranglerProof.Result result = prove("broken", "upper-case-application-name.toml", List.of());

    assertThat(result.ok()).isFalse();
    assertThat(result.failures())
        .anyMatch(
            line -> line.startsWith("FAIL upper-case-application-name.toml (top level) [dry-run]"));
    assertThat(result.output())
        .contains("invalid tag \"acme-videoTranscoder:")
        .contains("repository name must be lowercase");
  }

  @Test
  void aSingleRolloutStepWranglerDoesNotAcceptFailsTheDryRun() {
    WranglerProof.Result result = prove("broken", "rollout-step-not-accepted.toml", List.of());

    assertThat(result.ok()).isFalse();
    assertThat(result.output())
        .contains("\"containers.rollout_step_percentage\" must be one of [5, 10, 20, 25, 50, 100]");
  }

  @Test
  void newClassesForAContainerClassPassesWranglerButFailsTheSqliteCheck() {
    WranglerProof.Result result = prove("broken", "new-classes-container.toml", List.of());

    assertThat(result.ok()).isFalse();
    assertThat(result.checks())
        .anyMatch(line -> line.startsWith("ok new-classes-container.toml [schema"))
        .anyMatch(line -> line.startsWith("ok new-classes-container.toml (top level) [dry-run"));
    assertThat(result.failures())
        .containsExactly(
            "FAIL new-classes-container.toml (top level) [sqlite]: container class ApiContainer is"
                + " created by new_classes; containers need a SQLite-backed Durable Object"
                + " (new_sqlite_classes)");
  }

  @Test
  void containerClassWithoutAnyDurableObjectIsRejectedByWrangler() {
    WranglerProof.Result result =
        prove("broken", "container-without-durable-object.toml", List.of());

    assertThat(result.ok()).isFalse();
    assertThat(result.failures())
        .anyMatch(line ->
            line.startsWith("FAIL container-without-durable-object.toml (top level) [dry-run]:")
                && line.contains(
                    "The container class_name ApiContainer does not match any durable object"
                        + " class_name"));
  }

  @Test
  void boundContainerClassWithoutMigrationPassesWranglerButFailsTheSqliteCheck() {
    WranglerProof.Result result =
        prove("broken", "container-class-without-migration.toml", List.of());

    assertThat(result.ok()).isFalse();
    assertThat(result.checks())
        .anyMatch(line ->
            line.startsWith("ok container-class-without-migration.toml (top level) [dry-run"));
    assertThat(result.failures())
        .containsExactly(
            "FAIL container-class-without-migration.toml (top level) [sqlite]: container class"
                + " ApiContainer is not created by any new_sqlite_classes migration");
  }

  @Test
  void unknownInstanceTypeIsRejectedByWranglerAndTheSchema() {
    WranglerProof.Result result = prove("broken", "bad-instance-type.toml", List.of());

    assertThat(result.ok()).isFalse();
    assertThat(result.failures())
        .anyMatch(line -> line.startsWith("FAIL bad-instance-type.toml (top level) [dry-run]:")
            && line.contains("\"containers.instance_type\" field to be one of")
            && line.contains("but got \"standard-9\""))
        .anyMatch(line ->
            line.startsWith("FAIL bad-instance-type.toml [schema]: /containers/0/instance_type:")
                && line.contains("\"standard-9\" is not one of"));
  }

  @Test
  void environmentThatDoesNotRepeatContainersFailsOnWranglersWarning() {
    WranglerProof.Result result =
        prove("broken", "env-without-containers.toml", List.of("staging"));

    assertThat(result.ok()).isFalse();
    assertThat(result.checks())
        .anyMatch(line -> line.startsWith("ok env-without-containers.toml (top level) [dry-run"));
    assertThat(result.failures())
        .singleElement()
        .satisfies(line -> assertThat(line)
            .startsWith(
                "FAIL env-without-containers.toml --env staging [dry-run]: wrangler warned:")
            .contains("\"containers\" exists at the top level, but not on \"env.staging\""));
  }

  private WranglerProof.Result prove(String fixture, String config, List<String> environments) {
    return WranglerProof.prove(copy(fixture).resolve(config), environments);
  }

  /** Copies a fixture project so wrangler's scratch files never land in the source tree. */
  private Path copy(String fixture) {
    Path source = FIXTURES.resolve(fixture);
    Path target = work.resolve(fixture);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path destination = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(destination);
        } else if (!Files.exists(destination)) {
          Files.copy(file, destination);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}

package dev.cfc.codegen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.proof.WranglerProof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code cfc import} makes of each part of the container schema, and what it refuses. */
class ImporterTest {

  @TempDir
  Path dir;

  private static final String HEADER = """
      name = "media"
      main = "src/index.js"
      compatibility_date = "2025-11-17"

      """;

  private static final String BINDINGS = """

      [[durable_objects.bindings]]
      name = "SANDBOX"
      class_name = "Sandbox"

      [[migrations]]
      tag = "v1"
      new_sqlite_classes = ["Sandbox"]
      """;

  private ImportedProject importAndGenerate(String config) throws IOException {
    ImportedProject project = ImportedProject.of(dir, "wrangler.toml", config);
    project.writeImport();
    project.generateKeeping(config);
    return project;
  }

  @Test
  void everyKeyOfTheContainerSchemaBecomesItsDslCallAndSurvivesGenerate() throws IOException {
    String config = HEADER + """
        [[containers]]
        class_name = "Sandbox"
        image = "./containers/sandbox/Dockerfile"
        image_build_context = "."
        image_vars = { NODE_VERSION = "22" }
        instance_type = { vcpu = 4, memory_mib = 12288, disk_mb = 20000 }
        max_instances = 5
        rollout_step_percentage = [10, 50, 100]
        rollout_active_grace_period = 60
        rollout_kind = "full_manual"
        scheduling_policy = "regional"
        constraints = { regions = ["WEUR", "EEUR"], jurisdiction = "eu" }
        ssh = { enabled = true, port = 2222 }
        authorized_keys = [{ name = "ci", public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGv1" }]
        trusted_user_ca_keys = [{ public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICa1" }]
        affinities = { colocation = "datacenter" }
        """ + BINDINGS;
    ImportedProject project = importAndGenerate(config);
    assertThat(project.imported.diagnostics()).isEmpty();
    assertThat(project.source())
        .contains(".image(Image.build(\"containers/sandbox/Dockerfile\").context(\".\"))")
        .contains(".buildArg(\"NODE_VERSION\", \"22\")")
        .contains(".instanceType(InstanceType.custom(4, 12288, 20000))")
        .contains(".maxInstances(5)")
        .contains(".rolloutSteps(10, 50, 100)")
        .contains(".rolloutGracePeriod(60)")
        .contains(".rolloutKind(RolloutKind.FULL_MANUAL)")
        .contains(".schedulingPolicy(SchedulingPolicy.REGIONAL)")
        .contains(".regions(Region.WEUR, Region.EEUR)")
        .contains(".jurisdiction(Jurisdiction.EU)")
        .contains(".ssh(true, 2222)")
        .contains(".authorizedKey(\"ci\", \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGv1\")")
        .contains(".trustedUserCaKey(\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICa1\")")
        .contains(".wranglerKey(\"affinities\", \"{\\\"colocation\\\":\\\"datacenter\\\"}\")");

    // cfc owns what it imported: dropping a call removes the key
    project.replaceInSource(".rolloutKind(RolloutKind.FULL_MANUAL)", "");
    assertThat(project.generate().hasErrors()).isFalse();
    assertThat(project.config()).doesNotContain("rollout_kind").contains("scheduling_policy");
  }

  @Test
  void environmentsBecomeOverridesAndTheWranglerProofPassesForEach() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(
        dir.resolve("src/index.js"),
        "export class Sandbox {}\nexport default { fetch() { return new Response(\"ok\"); } };\n");
    String config = HEADER + """
        [[containers]]
        class_name = "Sandbox"
        image = "./Dockerfile"
        instance_type = "lite"
        max_instances = 2
        """ + BINDINGS + """

        [env.production]
        name = "media-production"

        [[env.production.containers]]
        class_name = "Sandbox"
        image = "registry.cloudflare.com/acme/sandbox:1.4"
        instance_type = "standard-1"
        max_instances = 20
        rollout_step_percentage = 25

        [[env.production.durable_objects.bindings]]
        name = "SANDBOX"
        class_name = "Sandbox"
        """;
    ImportedProject project = importAndGenerate(config);
    assertThat(project.imported.environments()).containsExactly("production");
    assertThat(project.source())
        .contains(".instanceType(InstanceType.LITE)")
        .contains(".environment(\"production\", e -> e.image(Image.registry("
            + "\"registry.cloudflare.com/acme/sandbox:1.4\")).instanceType("
            + "InstanceType.STANDARD_1).maxInstances(20).rollout(25))");
    WranglerProof.Result proof =
        WranglerProof.prove(dir.resolve("wrangler.toml"), List.of("production"));
    assertThat(proof.ok()).as(proof.output()).isTrue();
  }

  @Test
  void aKeyNoDslCallCanWriteStaysAsWrittenWithALocatedWarning() throws IOException {
    String config = HEADER + """
        [[containers]]
        class_name = "Sandbox"
        image = "./Dockerfile"
        ssh = { enabled = true }
        instances = 2
        constraints = { cities = ["LHR"] }
        """ + BINDINGS + """

        [env.staging]
        name = "media-staging"

        [[env.staging.containers]]
        class_name = "Sandbox"
        image = "./Dockerfile"
        instances = 2
        constraints = { cities = ["LHR"] }

        [[env.staging.durable_objects.bindings]]
        name = "SANDBOX"
        class_name = "Sandbox"
        """;
    ImportedProject project = importAndGenerate(config);
    List<String> warnings =
        project.imported.diagnostics().stream().map(Diagnostic::render).toList();
    assertThat(warnings).hasSize(3).allMatch(w -> w.contains("warning CFC241"));
    assertThat(warnings.get(0))
        .startsWith("wrangler.toml:8:1: warning CFC241: ssh of class Sandbox stays as written")
        .contains("env staging leaves it out");
    assertThat(warnings.get(1))
        .startsWith("wrangler.toml:9:1: warning CFC241: instances of class Sandbox");
    assertThat(warnings.get(2))
        .startsWith("wrangler.toml:10:1: warning CFC241: constraints of class Sandbox");
    assertThat(project.source()).doesNotContain("ssh(").doesNotContain("instances");
  }

  @Test
  void anEntryNoDefinitionCanWriteIsALocatedErrorAndNothingIsRendered() throws IOException {
    String config = HEADER + """
        [[containers]]
        class_name = "Sandbox"
        image = "./Dockerfile"
        """ + BINDINGS + """

        [env.staging]
        name = "media-staging"

        [[env.staging.containers]]
        class_name = "Other"
        image = "./Dockerfile"
        """;
    ImportedProject project = ImportedProject.of(dir, "wrangler.toml", config);
    assertThat(project.imported.hasErrors()).isTrue();
    assertThat(project.imported.source()).isNull();
    assertThat(project.imported.diagnostics().stream().map(Diagnostic::render))
        .anyMatch(d -> d.startsWith("wrangler.toml:5:1: error CFC242: class Sandbox has no"
            + " container entry in env staging"))
        .anyMatch(d -> d.startsWith("wrangler.toml:20:1: error CFC242: class Other has a"
            + " container entry only in environments (staging)"));

    ImportedProject only = ImportedProject.of(dir.resolve("only"), "wrangler.toml", config);
    assertThat(only.runImport(List.of("Sandbox")).hasErrors()).isFalse();
  }

  @Test
  void aClassWithoutBindingOrMigrationIsAWarningAndGenerateCompletesIt() throws IOException {
    String config = HEADER + """
        [[containers]]
        class_name = "Sandbox"
        image = "./Dockerfile"
        """;
    ImportedProject project = ImportedProject.of(dir, "wrangler.toml", config);
    assertThat(project.imported.diagnostics().stream().map(Diagnostic::render))
        .containsExactly("wrangler.toml:6:1: warning CFC245: class Sandbox has no Durable"
            + " Object binding in the top level and no migration that creates it, so wrangler"
            + " cannot deploy it as it is; the next cfc generate adds them\n"
            + "    review that change in the diff of cfc generate");
  }

  @Test
  void derivedNamesAreUsedWhenTheConfigFollowsThemAndClashingNamesStayUnique() throws IOException {
    String config = HEADER + """
        [[containers]]
        class_name = "TranscoderContainer"
        image = "./Dockerfile"
        instance_type = "dev"

        [[containers]]
        class_name = "Transcoder"
        image = "./Dockerfile"

        [[durable_objects.bindings]]
        name = "CONTAINER_TRANSCODER"
        class_name = "TranscoderContainer"

        [[durable_objects.bindings]]
        name = "TRANSCODER"
        class_name = "Transcoder"

        [[migrations]]
        tag = "v1"
        new_sqlite_classes = ["TranscoderContainer", "Transcoder"]
        """;
    ImportedProject project = importAndGenerate(config);
    assertThat(project.source())
        .contains("Container.define(\"transcoder\")\n        .image(")
        .contains(".instanceType(InstanceType.LITE)")
        .contains("Container.define(\"transcoder2\")\n        .className(\"Transcoder\")\n"
            + "        .binding(\"TRANSCODER\")");
  }
}

package dev.cfc.codegen.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfc.codegen.CfcVersion;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.ConfigChanges;
import dev.cfc.codegen.ConfigChanges.ContainerChange;
import dev.cfc.codegen.ConfigChanges.FieldChange;
import dev.cfc.codegen.ConfigChanges.Kind;
import dev.cfc.codegen.ConfigChanges.ScopeChanges;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.GoldenDirectory;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.codegen.ReviewPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfc plan}: the structured facts of each kind of wrangler config change, read from whole
 * golden projects, and their markdown, JSON and text renderings.
 */
class ReviewPlanTest {

  /** The reviewed markdown of {@link #aReviewSeesEveryKindOfChangePerEnvironment}. */
  private static final Path MARKDOWN_GOLDEN =
      GoldenCase.ROOT.resolveSibling("plan").resolve("environments-edited.md");

  @TempDir
  Path project;

  private CompileResult goldenCase(String name) throws IOException {
    GoldenCase c = GoldenCase.load(name);
    c.copyInputTo(project);
    GoldenCase.Run run = c.compile(project);
    assertThat(run.failed()).as(run.output()).isFalse();
    return run.result();
  }

  private CompileResult compile(boolean allowDestroy) throws IOException {
    ProjectConfig config =
        ProjectConfig.load(project.resolve(ProjectConfig.FILE_NAME)).config();
    DefinitionLoader.Loaded definitions =
        new DefinitionLoader(project, null).load(config.sourcesDir());
    assertThat(definitions.diagnostics()).isEmpty();
    CompileResult result = Compiler.compile(CompileRequest.from(config)
        .definitions(definitions.definitions())
        .allowDestroy(allowDestroy)
        .build());
    assertThat(result.hasErrors()).as("%s", result.diagnostics()).isFalse();
    return result;
  }

  private static List<ContainerChange> only(ConfigChanges changes) {
    assertThat(changes.scopes()).extracting(ScopeChanges::scope).containsExactly("");
    return changes.scopes().get(0).containers();
  }

  @Test
  void aRenameIsOneRenamedEntryAndARenamingMigration() throws IOException {
    ConfigChanges changes = goldenCase("rename").configChanges();
    assertThat(only(changes))
        .containsExactly(new ContainerChange(
            Kind.RENAMED, "PreviewerContainer", "ThumbnailerContainer", List.of()));
    assertThat(changes.migrations()).singleElement().satisfies(m -> {
      assertThat(m.tag()).isEqualTo("v2");
      assertThat(m.renamed())
          .containsExactly(List.of("ThumbnailerContainer", "PreviewerContainer"));
      assertThat(m.destroysData()).isFalse();
    });
  }

  @Test
  void aRemovalIsDestroyedInEveryScopeAndItsMigrationDestroysData() throws IOException {
    ConfigChanges changes = goldenCase("removal-allowed-environments").configChanges();
    assertThat(changes.scopes())
        .extracting(ScopeChanges::scope)
        .containsExactly("", "staging", "production");
    assertThat(changes.scopes())
        .allSatisfy(scope -> assertThat(scope.containers())
            .containsExactly(
                new ContainerChange(Kind.DESTROYED, "ThumbnailerContainer", null, List.of())));
    assertThat(changes.migrations()).singleElement().satisfies(m -> {
      assertThat(m.deleted()).containsExactly("ThumbnailerContainer");
      assertThat(m.destroysData()).isTrue();
    });
    assertThat(changes.destroysData()).isTrue();
  }

  @Test
  void anAdoptedHandWrittenEntryShowsTheFieldsCfcTakesOver() throws IOException {
    ConfigChanges changes = goldenCase("adopt").configChanges();
    assertThat(only(changes))
        .containsExactly(
            new ContainerChange(
                Kind.ADOPTED,
                "TranscoderContainer",
                null,
                List.of(new FieldChange("max_instances", "10", "3"))),
            new ContainerChange(Kind.CREATED, "ThumbnailerContainer", null, List.of()));
    assertThat(changes.migrations())
        .singleElement()
        .satisfies(m -> assertThat(m.created()).containsExactly("ThumbnailerContainer"));
  }

  @Test
  void aChangedFieldShowsOldAndNewAndARemovedOneHasNoNewValue() throws IOException {
    assertThat(only(goldenCase("field-changed").configChanges()))
        .containsExactly(new ContainerChange(
            Kind.CHANGED,
            "TranscoderContainer",
            null,
            List.of(new FieldChange("max_instances", "3", "5"))));
    ConfigChanges removed = goldenCase("field-removed-jsonc").configChanges();
    assertThat(only(removed))
        .singleElement()
        .extracting(ContainerChange::fields)
        .isEqualTo(List.of(new FieldChange("instance_type", "\"standard-1\"", null)));
    assertThat(removed.migrations()).isEmpty();
  }

  @Test
  void aProjectWithNothingToDoPlansNoChanges() throws IOException {
    goldenCase("environments");
    OutputWriter.write(project, compile(false));
    ReviewPlan plan = ReviewPlan.of(compile(false), false);
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.render(ReviewPlan.Format.TEXT)).isEqualTo("no changes\n");
  }

  /**
   * The environments project, generated, then edited: production's max_instances changes, the
   * thumbnailer is removed (with --allow-destroy) and an encoder is added.
   */
  private ReviewPlan editedEnvironments(boolean all) throws IOException {
    goldenCase("environments");
    OutputWriter.write(project, compile(false));
    Path dsl = project.resolve("cfc/app/MediaContainers.java");
    String source = Files.readString(dsl, StandardCharsets.UTF_8);
    String edited = source
        .replace(".maxInstances(20)", ".maxInstances(30)")
        .replace("define(\"thumbnailer\")", "define(\"encoder\")")
        .replace("acme/thumbnailer:1.0", "acme/encoder:2.0");
    assertThat(edited).isNotEqualTo(source);
    Files.writeString(dsl, edited, StandardCharsets.UTF_8);
    return ReviewPlan.of(compile(true), all);
  }

  @Test
  void aReviewSeesEveryKindOfChangePerEnvironment() throws IOException {
    ReviewPlan plan = editedEnvironments(false);
    assertThat(plan.changes().scopes())
        .extracting(ScopeChanges::scope)
        .containsExactly("", "staging", "production");
    Map<String, List<ContainerChange>> byScope = new java.util.HashMap<>();
    plan.changes().scopes().forEach(s -> byScope.put(s.scope(), s.containers()));
    assertThat(byScope.get("production"))
        .extracting(ContainerChange::kind, ContainerChange::className)
        .containsExactlyInAnyOrder(
            tuple(Kind.CHANGED, "TranscoderContainer"),
            tuple(Kind.CREATED, "EncoderContainer"),
            tuple(Kind.DESTROYED, "ThumbnailerContainer"));
    assertThat(byScope.get("production"))
        .filteredOn(c -> c.kind() == Kind.CHANGED)
        .singleElement()
        .extracting(ContainerChange::fields)
        .isEqualTo(List.of(new FieldChange("max_instances", "20", "30")));
    assertThat(byScope.get(""))
        .extracting(ContainerChange::kind)
        .containsExactlyInAnyOrder(Kind.CREATED, Kind.DESTROYED);
    assertThat(plan.changes().migrations()).singleElement().satisfies(m -> {
      assertThat(m.created()).containsExactly("EncoderContainer");
      assertThat(m.deleted()).containsExactly("ThumbnailerContainer");
    });
    String markdown =
        plan.render(ReviewPlan.Format.MARKDOWN).replace(CfcVersion.get(), GoldenCase.VERSION_TOKEN);
    GoldenDirectory.assertMatches(
        MARKDOWN_GOLDEN.getParent(),
        ".md",
        Map.of(MARKDOWN_GOLDEN.getFileName().toString(), markdown));
  }

  @Test
  void theRuntimeIsOneLineUnlessAllIsAsked() throws IOException {
    CompileResult first = goldenCase("fresh");
    ReviewPlan summarised = ReviewPlan.of(first, false);
    ReviewPlan all = ReviewPlan.of(first, true);
    assertThat(summarised.runtimeFiles()).isPositive();
    assertThat(summarised.render(ReviewPlan.Format.TEXT))
        .contains("runtime updated to cfc " + CfcVersion.get())
        .doesNotContain("cfc-runtime.ts");
    assertThat(all.runtimeFiles()).isZero();
    assertThat(all.files()).hasSize(summarised.files().size() + summarised.runtimeFiles());
    assertThat(all.render(ReviewPlan.Format.TEXT))
        .contains("cfc-runtime.ts")
        .doesNotContain("runtime updated");
  }

  @Test
  void theJsonFollowsTheDocumentedSchema() throws IOException {
    JsonNode json =
        new ObjectMapper().readTree(editedEnvironments(false).render(ReviewPlan.Format.JSON));
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(ReviewPlan.JSON_SCHEMA_VERSION);
    assertThat(json.get("config").asText()).isEqualTo("wrangler.toml");
    assertThat(json.get("destroysData").asBoolean()).isTrue();
    assertThat(json.get("scopes").get(0).get("environment").isNull()).isTrue();
    assertThat(json.get("scopes").get(2).get("environment").asText()).isEqualTo("production");
    JsonNode changed = null;
    for (JsonNode c : json.get("scopes").get(2).get("containers")) {
      if (c.get("change").asText().equals("changed")) {
        changed = c;
      }
    }
    assertThat(changed).isNotNull();
    assertThat(changed.get("class").asText()).isEqualTo("TranscoderContainer");
    assertThat(changed.get("fields").get(0).get("key").asText()).isEqualTo("max_instances");
    assertThat(changed.get("fields").get(0).get("before").asText()).isEqualTo("20");
    assertThat(changed.get("fields").get(0).get("after").asText()).isEqualTo("30");
    JsonNode migration = json.get("migrations").get(0);
    assertThat(migration.get("deleted").get(0).asText()).isEqualTo("ThumbnailerContainer");
    assertThat(migration.get("destroysData").asBoolean()).isTrue();
    assertThat(json.get("files")).isNotEmpty();
    assertThat(json.get("runtime").isNull()).isTrue();
  }
}

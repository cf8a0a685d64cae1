package dev.cfc.codegen.internal.wrangler;

import static dev.cfc.codegen.internal.wrangler.Fixtures.codes;
import static dev.cfc.codegen.internal.wrangler.Fixtures.container;
import static dev.cfc.codegen.internal.wrangler.Fixtures.fields;
import static dev.cfc.codegen.internal.wrangler.Fixtures.reconcile;
import static dev.cfc.codegen.internal.wrangler.Fixtures.simple;
import static dev.cfc.codegen.internal.wrangler.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileBehaviourTest {

  static final String MIGRATED = """
      name = "media"

      [[containers]]
      class_name = "TranscoderContainer"
      name = "media-transcoder"
      image = "./Dockerfile"

      [[durable_objects.bindings]]
      name = "CONTAINER_TRANSCODER"
      class_name = "TranscoderContainer"

      [[migrations]]
      tag = "v1"
      new_sqlite_classes = ["TranscoderContainer"]
      """;

  @Test
  void changingOneValueChangesExactlyOneLine() {
    GoldenCase c = GoldenCase.load("field-changed");
    ReconcileOutcome outcome = c.run();
    Patch<String> patch =
        DiffUtils.diff(c.input().lines().toList(), outcome.newText().lines().toList());
    assertThat(patch.getDeltas()).hasSize(1);
    AbstractDelta<String> delta = patch.getDeltas().get(0);
    assertThat(delta.getSource().getLines()).containsExactly("max_instances = 3");
    assertThat(delta.getTarget().getLines()).containsExactly("max_instances = 5");
    assertThat(outcome.summary().render()).isEqualTo("wrangler.toml: ~1 field");
  }

  @Test
  void aNewContainerBeforeAllExistingOnesGoesAboveTheFirstAndItsComment() {
    ReconcileOutcome outcome = reconcile(
        MIGRATED.replace("[[containers]]", "# the transcoder\n[[containers]]"),
        state(
            simple("alpha", "image", "./a"),
            simple("transcoder", "name", "media-transcoder", "image", "./Dockerfile")),
        "TranscoderContainer");
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText()).contains("""
        [[containers]]
        class_name = "AlphaContainer"
        image = "./a"

        # the transcoder
        [[containers]]
        class_name = "TranscoderContainer"
        """);
    assertThat(outcome.newText()).contains("new_sqlite_classes = [\"AlphaContainer\"]");
  }

  @Test
  void aFileWithoutTrailingNewlineKeepsHavingNone() {
    ReconcileOutcome outcome =
        reconcile("name = \"media\"", state(simple("alpha", "image", "./a")));
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText())
        .startsWith("name = \"media\"\n\n[[containers]]\n")
        .doesNotEndWith("\n");
    ReconcileOutcome again =
        reconcile(outcome.newText(), state(simple("alpha", "image", "./a")), "AlphaContainer");
    assertThat(again.newText()).isEqualTo(outcome.newText());
  }

  @Test
  void entriesAppendedToACrlfFileUseCrlf() {
    ReconcileOutcome outcome = reconcile(
        "name = \"m\"\r\n# end\r\n",
        state(simple("alpha", "image", "./a", "image_vars", fields("A", "1"))));
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText())
        .startsWith("name = \"m\"\r\n# end\r\n\r\n[[containers]]\r\n")
        .endsWith("\r\n");
    assertThat(outcome.newText().replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void aRenameUpdatesEveryScopeAndIsThenStable() {
    String toml = """
        name = "m"

        [[containers]]
        class_name = "OldContainer"
        image = "./a"

        [[durable_objects.bindings]]
        name = "CONTAINER_OLD"
        class_name = "OldContainer"

        [[env.staging.containers]]
        class_name = "OldContainer"
        image = "./a"

        [[env.staging.durable_objects.bindings]]
        name = "CONTAINER_OLD"
        class_name = "OldContainer"

        [[migrations]]
        tag = "v1"
        new_sqlite_classes = ["OldContainer"]
        """;
    DesiredState desired = new DesiredState(
        List.of(Fixtures.container(
            "alpha",
            "OldContainer",
            false,
            Map.of("", fields("image", "./a"), "staging", fields("image", "./a")))),
        List.of("staging"),
        false,
        false);
    ReconcileOutcome outcome = reconcile(toml, desired, "OldContainer");
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText())
        .doesNotContain("class_name = \"OldContainer\"")
        .doesNotContain("CONTAINER_OLD")
        .endsWith("renamed_classes = [{ from = \"OldContainer\", to = \"AlphaContainer\" }]\n");
    assertThat(outcome.managedClasses()).containsExactly("AlphaContainer");
    ReconcileOutcome again = WranglerReconciler.reconcile(
        new ConfigSource(Path.of("wrangler.toml"), outcome.newText()),
        desired,
        outcome.managedClasses());
    assertThat(again.diagnostics()).isEmpty();
    assertThat(again.newText()).isEqualTo(outcome.newText());
  }

  @Test
  void anEmptyFileGetsEverything() {
    ReconcileOutcome outcome = reconcile("", state(simple("alpha", "image", "./a")));
    assertThat(outcome.newText()).startsWith("[[containers]]\n").endsWith("\n");
  }

  @Test
  void adoptAllTakesOverHandWrittenEntries() {
    DesiredState desired = new DesiredState(
        List.of(simple("transcoder", "name", "media-transcoder", "image", "./Dockerfile")),
        List.of(),
        false,
        true);
    ReconcileOutcome outcome = reconcile(MIGRATED, desired);
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText()).isEqualTo(MIGRATED);
    assertThat(outcome.managedClasses()).containsExactly("TranscoderContainer");
  }

  @Test
  void aHandWrittenBindingUsingTheDerivedNameIsAnError() {
    String toml = MIGRATED.replace(
        "class_name = \"TranscoderContainer\"\n\n[[migrations]]",
        "class_name = \"Other\"\n\n[[migrations]]");
    ReconcileOutcome outcome = reconcile(
        toml,
        state(simple("transcoder", "name", "media-transcoder", "image", "./Dockerfile")),
        "TranscoderContainer");
    assertThat(codes(outcome)).containsExactly(WranglerCodes.BINDING_NAME_TAKEN);
    assertThat(outcome.diagnostics().get(0).location().line()).isEqualTo(9);
  }

  @Test
  void aClassListedTwiceInOneScopeIsAnError() {
    String toml = MIGRATED.replace("[[durable_objects.bindings]]", """
        [[containers]]
        class_name = "TranscoderContainer"
        image = "./other"

        [[durable_objects.bindings]]""");
    ReconcileOutcome outcome = reconcile(
        toml,
        state(simple("transcoder", "name", "media-transcoder", "image", "./Dockerfile")),
        "TranscoderContainer");
    assertThat(codes(outcome)).containsExactly(WranglerCodes.DUPLICATE_ENTRY);
    assertThat(outcome.newText()).isEqualTo(toml);
  }

  @Test
  void environmentMigrationsBlockAppendingAMigration() {
    String toml = "name = \"m\"\n\n[env.staging]\nmigrations = []\n";
    DesiredState desired = new DesiredState(
        List.of(Fixtures.container(
            "alpha", Map.of("", fields("image", "./a"), "staging", fields("image", "./a")))),
        List.of("staging"),
        false,
        false);
    ReconcileOutcome outcome = reconcile(toml, desired);
    assertThat(codes(outcome)).containsExactly(WranglerCodes.ENV_MIGRATIONS);
    assertThat(outcome.diagnostics().get(0).location().line()).isEqualTo(4);
  }

  @Test
  void historyErrorsAreLocated() {
    String toml = """
        name = "m"

        [[migrations]]
        new_sqlite_classes = ["A"]

        [[migrations]]
        tag = "v2"
        deleted_classes = ["Never"]
        renamed_classes = [{ from = "Nope", to = "B" }]
        """;
    ReconcileOutcome outcome = reconcile(toml, state());
    assertThat(outcome.diagnostics())
        .extracting(d -> d.code() + "@" + d.location().line())
        .containsExactly("CFC110@3", "CFC113@8", "CFC113@9");
  }

  @Test
  void aNewTagIsOnePastTheHighestVnAndNeverFillsAGap() {
    assertThat(MigrationTags.next(List.of())).isEqualTo("v1");
    assertThat(MigrationTags.next(List.of("v1", "v2", "v3", "v5", "v6"))).isEqualTo("v7");
    assertThat(MigrationTags.next(List.of("v2"))).isEqualTo("v3");
    assertThat(MigrationTags.next(List.of("v9", "v3"))).isEqualTo("v10");
  }

  @Test
  void aHistoryWithoutVnTagsGetsAUniqueTagPastItsLength() {
    assertThat(MigrationTags.next(List.of("initial", "2024-01-01"))).isEqualTo("v3");
    assertThat(MigrationTags.next(List.of("initial", "v3", "add"))).isEqualTo("v4");
    assertThat(MigrationTags.next(List.of("a", "v2", "v3"))).isEqualTo("v4");
    assertThat(MigrationTags.next(List.of("v99999999999999999999")))
        .isEqualTo("v100000000000000000000");
  }

  @Test
  void theMigrationAfterAGapInTheHistoryIsTaggedPastTheHighest() {
    String toml = "name = \"m\"\n\n[[migrations]]\ntag = \"v2\"\nnew_sqlite_classes = [\"X\"]\n"
        + "\n[[migrations]]\ntag = \"v4\"\nnew_sqlite_classes = [\"Y\"]\n";
    ReconcileOutcome outcome = reconcile(toml, state(simple("alpha", "image", "./a")));
    assertThat(outcome.newText()).contains("""
        [[migrations]]
        tag = "v4"
        new_sqlite_classes = ["Y"]

        [[migrations]]
        tag = "v5"
        new_sqlite_classes = ["AlphaContainer"]
        """);
  }

  @Test
  void aMigrationIsAppendedAfterTheLastMigrationEvenWhenTagsAreNotVn() {
    String toml =
        "name = \"m\"\n\n[[migrations]]\ntag = \"initial\"\nnew_sqlite_classes = [\"X\"]\n"
            + "\n[vars]\nA = \"1\"\n";
    ReconcileOutcome outcome = reconcile(toml, state(simple("alpha", "image", "./a")));
    assertThat(outcome.newText()).contains("""
        new_sqlite_classes = ["X"]

        [[migrations]]
        tag = "v2"
        new_sqlite_classes = ["AlphaContainer"]

        [vars]
        """);
  }

  @Test
  void anInlineParentTableIsReportedNotCorrupted() {
    String toml = "name = \"m\"\ndurable_objects = { }\n";
    ReconcileOutcome outcome = reconcile(toml, state(simple("alpha", "image", "./a")));
    assertThat(codes(outcome)).containsExactly(WranglerCodes.UNSUPPORTED_LAYOUT);
    assertThat(outcome.diagnostics().get(0).location().line()).isEqualTo(2);
    assertThat(outcome.newText()).isEqualTo(toml);
  }

  @Test
  void anUnknownFileTypeIsReported() {
    ReconcileOutcome outcome = WranglerReconciler.reconcile(
        new ConfigSource(Path.of("wrangler.yaml"), "name: x"), state(), Set.of());
    assertThat(codes(outcome)).containsExactly(WranglerCodes.UNSUPPORTED_FILE);
  }

  @Test
  void summaryRendersEveryCount() {
    ChangeSummary s = new ChangeSummary("wrangler.toml", 1, 2, 3, 1, 0, List.of("v3"));
    assertThat(s.render())
        .isEqualTo("wrangler.toml: +1 container, -2 containers, +1 binding, ~3 fields,"
            + " +1 migration v3");
    assertThat(ChangeSummary.none("wrangler.toml").render()).isEqualTo("wrangler.toml: no changes");
  }

  @Test
  void aStrayRenamedFromOnAClassThatExistsBesideTheOldOneIsRefusedAndKeepsBothNames() {
    String toml = """
        name = "media"

        [[containers]]
        class_name = "AlphaContainer"
        name = "media-alpha"
        image = "./a"

        [[containers]]
        class_name = "BetaContainer"
        name = "media-beta"
        image = "./b"

        [[migrations]]
        tag = "v1"
        new_sqlite_classes = ["AlphaContainer", "BetaContainer"]
        """;
    DesiredContainer beta = container(
        "beta",
        "AlphaContainer",
        false,
        Map.of("", fields("class_name", "BetaContainer", "name", "media-beta", "image", "./b")));
    ReconcileOutcome outcome = reconcile(
        toml,
        state(
            simple("alpha", "class_name", "AlphaContainer", "name", "media-alpha", "image", "./a"),
            beta),
        "AlphaContainer",
        "BetaContainer");
    assertThat(codes(outcome)).containsExactly("CFC116");
    assertThat(outcome.diagnostics().get(0).message())
        .contains("both BetaContainer and AlphaContainer exist");
    assertThat(outcome.newText()).isEqualTo(toml);
  }

  @Test
  void aKeyCfcWroteIsRemovedWhenTheDefinitionStopsSettingItAndAHandWrittenOneStays() {
    String toml = """
        name = "media"

        [[containers]]
        class_name = "AlphaContainer"
        image = "./a"
        max_instances = 4
        constraints = { jurisdiction = "eu" } # never leave the EU

        [[migrations]]
        tag = "v1"
        new_sqlite_classes = ["AlphaContainer"]
        """;
    WrittenKeys written = new WrittenKeys(
        java.util.Map.of("AlphaContainer", List.of("class_name", "image", "max_instances")));
    ReconcileOutcome outcome = new WranglerReconciler()
        .run(
            new ConfigSource(java.nio.file.Path.of("wrangler.toml"), toml),
            state(simple("alpha", "class_name", "AlphaContainer", "image", "./a")),
            Set.of("AlphaContainer"),
            written);
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.newText()).startsWith(toml.replace("max_instances = 4\n", ""));
    assertThat(outcome.writtenKeys().byEntry())
        .containsEntry("AlphaContainer", List.of("class_name", "image"));
  }

  @Test
  void withoutARecordOfKeysAnAdoptedEntryLosesNothingAndAManagedOneOnlyKeysCfcModels() {
    String toml = """
        name = "media"

        [[containers]]
        class_name = "AlphaContainer"
        image = "./a"
        max_instances = 4
        ssh = { enabled = true }
        """;
    DesiredContainer adopted = container(
        "alpha", null, true, Map.of("", fields("class_name", "AlphaContainer", "image", "./a")));
    ReconcileOutcome adopting = reconcile(
        toml + "\n[[migrations]]\ntag = \"v1\"\n" + "new_sqlite_classes = [\"AlphaContainer\"]\n",
        state(adopted));
    assertThat(adopting.newText())
        .contains("max_instances = 4")
        .contains("ssh = { enabled = true }");
    ReconcileOutcome managed = reconcile(
        toml + "\n[[migrations]]\ntag = \"v1\"\n" + "new_sqlite_classes = [\"AlphaContainer\"]\n",
        state(simple("alpha", "class_name", "AlphaContainer", "image", "./a")),
        "AlphaContainer");
    assertThat(managed.newText())
        .doesNotContain("max_instances")
        .contains("ssh = { enabled = true }");
  }

  @Test
  void valuesThatDeployTheSameAreLeftAsWritten() {
    String toml = """
        name = "media"

        [[containers]]
        class_name = "AlphaContainer"
        image = "containers/a/Dockerfile"
        instance_type = "dev"

        [[containers]]
        class_name = "BetaContainer"
        image = "./containers/b/../b/Dockerfile"
        instance_type = "standard"

        [[migrations]]
        tag = "v1"
        new_sqlite_classes = ["AlphaContainer", "BetaContainer"]
        """;
    ReconcileOutcome outcome = reconcile(
        toml,
        state(
            simple(
                "alpha",
                "class_name",
                "AlphaContainer",
                "image",
                "./containers/a/Dockerfile",
                "instance_type",
                "lite"),
            simple(
                "beta",
                "class_name",
                "BetaContainer",
                "image",
                "./containers/b/Dockerfile",
                "instance_type",
                "standard-1")),
        "AlphaContainer",
        "BetaContainer");
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.summary().render()).doesNotContain("field");
    assertThat(outcome.newText()).startsWith(toml);
    ReconcileOutcome changed = reconcile(
        toml,
        state(
            simple(
                "alpha",
                "class_name",
                "AlphaContainer",
                "image",
                "./containers/a/Dockerfile",
                "instance_type",
                "basic"),
            simple(
                "beta",
                "class_name",
                "BetaContainer",
                "image",
                "./containers/c/Dockerfile",
                "instance_type",
                "standard-1")),
        "AlphaContainer",
        "BetaContainer");
    assertThat(changed.newText())
        .contains("instance_type = \"basic\"")
        .contains("image = \"./containers/c/Dockerfile\"")
        .contains("instance_type = \"standard\"");
  }
}

package dev.cfc.codegen.internal.wrangler;

import static dev.cfc.codegen.internal.wrangler.Fixtures.simple;
import static dev.cfc.codegen.internal.wrangler.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A compile parses its config once: validation and the reconcile share the parse. */
class ParsedConfigTest {

  /** The real TOML backend, counting the texts it parses. */
  private static final class CountingBackend implements ConfigBackend {
    private final TomlBackend toml = new TomlBackend();
    private int parses;

    @Override
    public ConfigSource.Syntax syntax() {
      return toml.syntax();
    }

    @Override
    public Parsed parse(ConfigSource source) {
      parses++;
      return toml.parse(source);
    }

    @Override
    public Emitted apply(ConfigDocument document, EditPlan plan) {
      return toml.apply(document, plan);
    }
  }

  private final CountingBackend backend = new CountingBackend();
  private final WranglerReconciler reconciler = new WranglerReconciler(List.of(backend));
  private final ConfigSource source =
      new ConfigSource(Path.of("wrangler.toml"), ReconcileBehaviourTest.MIGRATED);

  /** Reconciles the one parse with the transcoder's image set to {@code image}. */
  private ReconcileOutcome reconcileOnceParsed(String image) {
    ParsedConfig parsed = reconciler.parse(source);
    ReconcileOutcome outcome = reconciler.run(
        parsed,
        state(simple("transcoder", "name", "media-transcoder", "image", image)),
        Set.of("TranscoderContainer"),
        WrittenKeys.none());
    assertThat(outcome.diagnostics()).isEmpty();
    return outcome;
  }

  @Test
  void reconcilingAParsedConfigDoesNotParseItAgain() {
    assertThat(reconcileOnceParsed("./Dockerfile").newText())
        .isEqualTo(ReconcileBehaviourTest.MIGRATED);
    assertThat(backend.parses).isEqualTo(1);
  }

  @Test
  void onlyTheEditedTextIsParsedAgainToVerifyIt() {
    assertThat(reconcileOnceParsed("./Dockerfile.prod").newText())
        .contains("image = \"./Dockerfile.prod\"");
    assertThat(backend.parses).isEqualTo(2);
  }
}

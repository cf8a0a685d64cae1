package dev.cfc.codegen.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project configured with {@code wrangler.jsonc} or {@code wrangler.json} is told how to fix
 * its config in JSON: no diagnostic of a failing JSON golden case may suggest TOML such as
 * {@code [[env.staging.secrets_store_secrets]]}, {@code name = "my-worker"} or
 * {@code [[migrations]]}, which would break the config if pasted into it.
 */
class GoldenJsoncHintsTest {

  @TempDir
  Path temp;

  @Test
  void diagnosticsOfJsonConfigsSuggestJsonNotToml() throws IOException {
    List<String> toml = new ArrayList<>();
    int checked = 0;
    for (GoldenCase golden : GoldenCase.all()) {
      boolean json;
      try (var files = Files.list(golden.input())) {
        json = files.anyMatch(f -> f.getFileName().toString().matches("wrangler\\.jsonc?"));
      }
      if (!json) {
        continue;
      }
      Path project = temp.resolve(golden.name);
      golden.copyInputTo(project);
      GoldenCase.Run run = golden.compile(project);
      if (run.result() == null) {
        continue;
      }
      for (Diagnostic diagnostic : run.result().diagnostics()) {
        checked++;
        String text = diagnostic.message() + "\n" + diagnostic.hint();
        if (text.contains("[[") || text.matches("(?s).*\\b[a-z_]+ = \".*")) {
          toml.add(golden.name + ": " + diagnostic.render());
        }
      }
    }
    assertThat(checked).as("diagnostics of JSON cases").isGreaterThan(5);
    assertThat(toml).as("diagnostics of JSON configs that suggest TOML").isEmpty();
  }
}

package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import dev.cfc.codegen.internal.wrangler.ConfigFacts;
import dev.cfc.codegen.internal.wrangler.ConfigSource;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerBuilder;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project with a Dockerfile at {@code containers/app} and definitions validated through
 * {@link Validator}, as the compiler runs it, so a family's test also proves it is run.
 */
abstract class ValidationFixture {

  @TempDir
  Path project;

  static final String REGISTRY = "registry.cloudflare.com/acme/app:1.0";

  @BeforeEach
  void dockerfile() throws IOException {
    Files.createDirectories(project.resolve("containers/app"));
    Files.writeString(project.resolve("containers/app/Dockerfile"), "FROM scratch\n");
  }

  /** The line after the caller's line: where the next statement's bad value is written. */
  static int nextLine() {
    return StackWalker.getInstance()
            .walk(s -> s.skip(1).findFirst())
            .orElseThrow()
            .getLineNumber()
        + 1;
  }

  static ContainerBuilder app() {
    return Container.define("app").image(Image.registry(REGISTRY));
  }

  List<Diagnostic> validate(ContainerDefinition... definitions) {
    return validate(null, List.of(), definitions);
  }

  List<Diagnostic> validate(
      ConfigFacts config, List<String> environments, ContainerDefinition... definitions) {
    SourceResolver resolver = new SourceResolver(project, List.of());
    return new Validator(project, resolver, environments, config)
        .validate(Arrays.asList(definitions));
  }

  static Diagnostic only(List<Diagnostic> diagnostics, String code) {
    assertThat(diagnostics).extracting(Diagnostic::code).containsExactly(code);
    return diagnostics.get(0);
  }

  void assertValid(UnaryOperator<ContainerBuilder> configure) {
    assertThat(validate(configure.apply(app()).build())).isEmpty();
  }

  /** Facts of a {@code wrangler.toml}, as validation receives them. */
  static ConfigFacts facts(
      String workerName,
      String compatibilityDate,
      Diagnostic.Location compatibilityDateAt,
      Map<String, List<String>> secretsStoreBindings) {
    return new ConfigFacts(
        new ConfigSource(Path.of("wrangler.toml"), ""),
        workerName,
        Diagnostic.Location.of("wrangler.toml"),
        compatibilityDate,
        compatibilityDateAt,
        secretsStoreBindings,
        true);
  }
}

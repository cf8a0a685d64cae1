package dev.cfc.benchmarks;

import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Probe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The generated inputs every benchmark uses: container definitions built in code and temporary
 * projects holding a wrangler config. Nothing here is read from the repository, so a benchmark
 * measures the same work on every machine.
 */
final class Workloads {

  /** The three environments every generated project maintains. */
  static final List<String> ENVIRONMENTS = List.of("staging", "production", "preview");

  /** The date from which wrangler accepts the egress settings some definitions use. */
  static final String COMPATIBILITY_DATE = "2025-11-17";

  private static final InstanceType[] TYPES = {
    InstanceType.LITE, InstanceType.BASIC, InstanceType.STANDARD_1, InstanceType.STANDARD_2
  };

  private Workloads() {}

  /**
   * {@code count} definitions with a realistic spread of settings, each with an override in
   * every environment. {@code bump} adds to one container's production {@code maxInstances}, so
   * a second set differs from the first by exactly one value.
   */
  static List<ContainerDefinition> definitions(int count, int bump) {
    List<ContainerDefinition> definitions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = i;
      var builder = Container.define(String.format("svc%04d", i))
          .image(Image.registry("registry.cloudflare.com/acme/svc" + i + ":1." + (i % 7)))
          .defaultPort(8080)
          .instanceType(TYPES[i % TYPES.length])
          .maxInstances(1 + i % 10)
          .sleepAfter((1 + i % 9) + "m")
          .env("LOG_LEVEL", i % 2 == 0 ? "info" : "debug")
          .env("SERVICE_INDEX", Integer.toString(i))
          .label("team", "team" + (i % 12));
      if (i % 3 == 0) {
        builder
            .requiredPorts(8080, 9090)
            .readyOn(Probe.path("/ready"), Probe.path("/live").port(9090).status(204));
      }
      if (i % 4 == 0) {
        builder.hardTimeout("2h").secrets("API_KEY_" + i);
      }
      if (i % 5 == 0) {
        builder
            .enableInternet(false)
            .allowedHosts("*.stripe.com", "api" + i + ".example.com")
            .deniedHosts("*.evil.com");
      }
      if (i % 6 == 0) {
        builder.rollout(25, 300).forwardMetadata(true);
      }
      definitions.add(builder
          .environment("staging", e -> e.maxInstances(1))
          .environment(
              "production",
              e -> e.maxInstances(4 + n % 20 + (n == 0 ? bump : 0))
                  .image(Image.registry("registry.cloudflare.com/acme/svc" + n + ":2.0")))
          .environment("preview", e -> e.maxInstances(1).instanceType(InstanceType.LITE))
          .build());
    }
    return definitions;
  }

  /** A fresh temporary project directory holding {@code fileName} with {@code text}. */
  static Path project(String fileName, String text) {
    try {
      Path dir = Files.createTempDirectory("cfc-bench-");
      Files.createDirectories(dir.resolve("src"));
      Files.writeString(
          dir.resolve("src/index.ts"), "export default {};\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(fileName), text, StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** name, main, compatibility_date and one empty block per environment. */
  static String minimalToml() {
    StringBuilder toml = new StringBuilder()
        .append("name = \"bench\"\n")
        .append("main = \"src/index.ts\"\n")
        .append("compatibility_date = \"")
        .append(COMPATIBILITY_DATE)
        .append("\"\n");
    for (String env : ENVIRONMENTS) {
      toml.append("\n[env.")
          .append(env)
          .append("]\n")
          .append("vars = { STAGE = \"")
          .append(env)
          .append("\" }\n");
    }
    return toml.toString();
  }

  /** The request {@code cfc generate} would build for this project. */
  static CompileRequest request(
      Path dir, String configFile, List<ContainerDefinition> defs, boolean typescript) {
    return CompileRequest.builder(dir)
        .definitions(defs)
        .wranglerConfig(dir.resolve(configFile))
        .typescriptOut(typescript ? dir.resolve("src/_generated") : null)
        .environments(ENVIRONMENTS)
        .build();
  }

  /** Compiles and fails loudly on any error, so a benchmark never times a rejected input. */
  static CompileResult compileOrFail(CompileRequest request) {
    CompileResult result = Compiler.compile(request);
    if (result.hasErrors()) {
      throw new IllegalStateException("the generated workload does not compile:\n"
          + result.diagnostics().stream()
              .limit(20)
              .map(Diagnostic::render)
              .collect(Collectors.joining("\n")));
    }
    return result;
  }

  static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a temporary project. */
  static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

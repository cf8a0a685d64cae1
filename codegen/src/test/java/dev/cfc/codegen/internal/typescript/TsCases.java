package dev.cfc.codegen.internal.typescript;

import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import dev.cfc.dsl.Probe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition sets of the golden cases under {@code src/test/resources/typescript/<case>/}:
 * the expected {@code <Class>.ts} and {@code index.ts} of each (the runtime copies are checked
 * separately), emitted with version {@link #VERSION}.
 */
final class TsCases {

  static final String VERSION = "0.1.0";
  static final String WORKER = "media-api";
  /**
   * {@code typescript-out} of every case, relative to the project: where the runtime's fixture
   * sits in {@code runtime-js-templates}, so that {@link #hooks()} imports the fixture's user
   * class from where it is.
   */
  static final Path OUTPUT_DIR = Path.of("test", "fixture-generated");
  /** The user's class of {@link #hooks()}, relative to the project. */
  static final String HOOKS_MODULE = "test/fixture-user/hooked-base.ts";

  /** Every value a hostile DSL string can carry into TypeScript. */
  static final String HOSTILE = "q\" s' b` ${x} */ /* \\ \\\" nl\n cr\r tab\t ls\u2028 ps\u2029"
      + " nul\u0000 </script> é 😀 lone\uD800";

  private TsCases() {}

  record Case(
      String name,
      String workerName,
      List<ContainerDefinition> definitions,
      List<String> environments) {
    Case(String name, String workerName, List<ContainerDefinition> definitions) {
      this(name, workerName, definitions, List.of());
    }
  }

  static Map<String, Case> all() {
    Map<String, Case> cases = new LinkedHashMap<>();
    for (Case c : List.of(
        twoContainers(),
        hostileStrings(),
        minimal(),
        noContainers(),
        namedClasses(),
        hooks(),
        bridge())) {
      cases.put(c.name(), c);
    }
    return cases;
  }

  /**
   * The same two containers as runtime-js-templates/test/fixture-generated, deployed to staging
   * (top-level values) and production (run-time values of its own).
   */
  static Case twoContainers() {
    return new Case(
        "two-containers",
        WORKER,
        List.of(
            Container.define("transcoder")
                .image(Image.build("containers/transcoder"))
                .defaultPort(8080)
                .requiredPorts(8080, 9090)
                .maxInstances(5)
                .sleepAfter("5m")
                .hardTimeout("1h")
                .entrypoint("java", "-jar", "/app.jar")
                .enableInternet(false)
                .interceptHttps(true)
                .allowedHosts("*.stripe.com", "api.github.com")
                .deniedHosts("*.evil.com")
                .pingEndpoint("/ping")
                .env("LOG_LEVEL", "info")
                .env("GREETING", "say \"hi\" `${not}` */ \n")
                .secrets("TRANSCODER_API_KEY")
                .secretsStore("STRIPE_KEY", "STRIPE_SECRET")
                .readyOn(Probe.path("/ready"), Probe.path("/live").port(9090).status(204))
                .forwardMetadata(true)
                .label("team", "media")
                .label("tier", "gpu")
                .environment(
                    "production",
                    e -> e.env("LOG_LEVEL", "warn")
                        .secrets("TRANSCODER_API_KEY", "TRANSCODER_LICENSE")
                        .secretsStore("STRIPE_KEY", "STRIPE_LIVE_SECRET")
                        .sleepAfter("30m")
                        .hardTimeout("2h")
                        .enableInternet(true)
                        .allowedHosts("api.stripe.com")
                        .readyOn(Probe.path("/ready").port(8080))
                        .readinessBudget(Duration.ofMinutes(1), Duration.ofSeconds(1))
                        .label("tier", "gpu-large")
                        .maxInstances(10))
                .build(),
            Container.define("job")
                .image(Image.registry("registry.cloudflare.com/media/job:1.0"))
                .defaultPort(8080)
                .requiredPorts(8080, 9091)
                .build()),
        List.of("staging", "production"));
  }

  /**
   * Classes and bindings named by the team: {@code Sandbox.ts} exports {@code Sandbox}, and
   * {@code Env} types {@code MY_CONTAINER}; the second keeps its derived binding.
   */
  static Case namedClasses() {
    return new Case(
        "named-classes",
        WORKER,
        List.of(
            Container.define("sandbox")
                .className("Sandbox")
                .binding("MY_CONTAINER")
                .image(Image.registry("registry.cloudflare.com/media/sandbox:1.0"))
                .defaultPort(8080)
                .build(),
            Container.define("small")
                .className("MyContainerSmall")
                .image(Image.registry("registry.cloudflare.com/media/small:1.0"))
                .build()));
  }

  /** Hostile strings in every place a DSL string reaches, valid or not. */
  static Case hostileStrings() {
    return new Case("hostile-strings", "worker\"*/`${w}`\n", List.of(hostileDefinition()));
  }

  static ContainerDefinition hostileDefinition() {
    return Container.define("evil")
        .image(Image.build("containers/evil"))
        .defaultPort(8080)
        .sleepAfter("30s")
        .entrypoint("sh", "-c", HOSTILE)
        .allowedHosts(HOSTILE, "*.ok.example")
        .deniedHosts("x\"*/`${y}`.example")
        .pingEndpoint(HOSTILE)
        .env("PLAIN", HOSTILE)
        .env("KEY\"*/`${k}`\n", "v")
        .secrets("API_KEY", "ODD-SECRET\"*/")
        .secretsStore("DB_PASSWORD", "DB\"*/`${s}`")
        .label("team", HOSTILE)
        .label("*/ \"key\" ${k}\n", "v")
        .readyOn(Probe.path(HOSTILE), Probe.path("/ok").port(8080).status(200))
        .readinessBudget(Duration.ofSeconds(45), Duration.ofMillis(250))
        .forwardMetadata(true)
        .build();
  }

  /** One container with nothing but an image: every default. */
  static Case minimal() {
    return new Case(
        "minimal",
        null,
        List.of(Container.define("app").image(Image.build("containers/app")).build()));
  }

  /**
   * A class extending the user's {@code HookedBase}, as runtime-js-templates/test/fixture-generated
   * has it: hooks, outbound handlers and a hard timeout whose guard must survive the user's hook.
   */
  static Case hooks() {
    return new Case(
        "hooks",
        WORKER,
        List.of(Container.define("hooked")
            .image(Image.registry("registry.cloudflare.com/media/hooked:1.0"))
            .defaultPort(8080)
            .hardTimeout("30m")
            .allowedHosts("api.partner.example", "*.mirror.example")
            .extendsClass(HOOKS_MODULE, "HookedBase")
            .build()));
  }

  /** No containers at all: index.ts still type-checks. */
  static Case noContainers() {
    return new Case("no-containers", WORKER, List.of());
  }

  /**
   * Bridge grants of all five kinds, one read-only, on a container with an allow-list that
   * staging replaces, and a second container sharing one binding: {@code Env} types each binding
   * once, both allow-lists name the bridge host, {@code index.ts} exports ContainerProxy.
   */
  static Case bridge() {
    return new Case(
        "bridge",
        WORKER,
        List.of(
            Container.define("transcoder")
                .image(Image.build("containers/transcoder"))
                .defaultPort(8080)
                .enableInternet(false)
                .allowedHosts("*.stripe.com")
                .environment("staging", e -> e.allowedHosts("sandbox.stripe.com"))
                .bridge(
                    Bridge.kv("CACHE").readOnly(),
                    Bridge.r2("MEDIA"),
                    Bridge.d1("DB"),
                    Bridge.queue("PROGRESS"),
                    Bridge.service("BILLING"))
                .build(),
            Container.define("thumbnailer")
                .image(Image.registry("registry.cloudflare.com/media/thumbnailer:1.0"))
                .bridge(Bridge.r2("MEDIA").readOnly())
                .build()),
        List.of("staging"));
  }
}

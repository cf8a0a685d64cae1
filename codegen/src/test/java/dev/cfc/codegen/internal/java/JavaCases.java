package dev.cfc.codegen.internal.java;

import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefaults;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Image;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition sets of the golden cases under {@code src/test/resources/java/<case>/}, emitted
 * with version {@link #VERSION} into package {@link #PACKAGE}.
 */
final class JavaCases {

  static final String VERSION = "0.1.0";
  static final String PACKAGE = "app.generated";

  /** Every value a hostile DSL string can carry into Java source. */
  static final String HOSTILE = "q\" s' b` */ /* \\ \\\" \\u0022 nl\n cr\r tab\t nul\u0000"
      + " nel\u0085 ls\u2028 ps\u2029 é 😀 lone\uD800 end";

  private JavaCases() {}

  record Case(String name, List<ContainerDefinition> definitions) {}

  static Map<String, Case> all() {
    Map<String, Case> cases = new LinkedHashMap<>();
    for (Case c : List.of(
        twoContainers(),
        hostileStrings(),
        nameClashes(),
        minimal(),
        noContainers(),
        bridge(),
        bridgeNames())) {
      cases.put(c.name(), c);
    }
    return cases;
  }

  /** A transcoder with every kind of value, and a job with none. */
  static Case twoContainers() {
    return new Case(
        "two-containers",
        List.of(
            Container.define("transcoder")
                .image(Image.build("containers/transcoder"))
                .defaultPort(8080)
                .requiredPorts(8080, 9090)
                .env("LOG_LEVEL", "info")
                .env("S3_BUCKET", "media")
                .secrets("TRANSCODER_API_KEY")
                .secretsStore("STRIPE_KEY", "STRIPE_SECRET")
                .forwardMetadata(true)
                .build(),
            Container.define("job")
                .image(Image.registry("registry.cloudflare.com/media/job:1.0"))
                .build()));
  }

  /** Hostile strings as values and names; validation rejects the names, the emitter copes. */
  static Case hostileStrings() {
    return new Case("hostile-strings", List.of(hostileDefinition()));
  }

  static ContainerDefinition hostileDefinition() {
    return Container.define("evil")
        .image(Image.build("containers/evil"))
        .env("PLAIN", HOSTILE)
        .env("EMPTY", "")
        .env("KEY\"*/`${k}`\n", "v")
        .secrets("API_KEY", "ODD-SECRET\"*/\\u002a/")
        .secretsStore("DB_PASSWORD", "DB\"*/`${s}`")
        .build();
  }

  /** Names that clash with each other, with keywords, record members and port accessors. */
  static Case nameClashes() {
    ContainerDefaults profile =
        ContainerDefaults.builder().env("FROM", "profile").build();
    return new Case(
        "name-clashes",
        List.of(Container.define("clash")
            .defaults(profile)
            .image(Image.build("containers/clash"))
            .defaultPort(8080)
            .requiredPorts(8080)
            .env("log_level", "lower")
            .env("LOG_LEVEL", "upper")
            .env("LOG_LEVEL2", "two")
            .env("CLASS", "keyword")
            .env("TO_STRING", "member")
            .env("DEFAULT_PORT", "port accessor")
            .env("PORT_8080", "port accessor")
            .env("ENV", "the from() parameter's name")
            .env("MISSING", "a local's name")
            .env("2FA", "digit first")
            .env("__", "no letters")
            .secrets("HTTPProxy", "log__level")
            .secretsStore("Log_Level", "STORE")
            .build()));
  }

  /** One container with nothing but an image: an empty record. */
  static Case minimal() {
    return new Case(
        "minimal",
        List.of(Container.define("app").image(Image.build("containers/app")).build()));
  }

  /** No containers at all: only RequestMetadata. */
  static Case noContainers() {
    return new Case("no-containers", List.of());
  }

  /**
   * An uploader granted every kind of binding, read-only KV, R2 and D1 among them, beside an indexer
   * with no grant (no bridge record).
   */
  static Case bridge() {
    return new Case(
        "bridge",
        List.of(
            Container.define("uploader")
                .image(Image.build("containers/uploader"))
                .defaultPort(8080)
                .env("LOG_LEVEL", "info")
                .bridge(
                    Bridge.kv("CACHE").readOnly(),
                    Bridge.r2("MEDIA_BUCKET"),
                    Bridge.r2("ARCHIVE").readOnly(),
                    Bridge.d1("DB").readOnly(),
                    Bridge.queue("PROGRESS"),
                    Bridge.service("BILLING"))
                .build(),
            Container.define("indexer")
                .image(Image.registry("registry.cloudflare.com/media/indexer:1.0"))
                .build()));
  }

  /**
   * Binding names that are keywords, record members or the record's factories, and one that is
   * not a Java identifier at all.
   */
  static Case bridgeNames() {
    return new Case(
        "bridge-names",
        List.of(Container.define("keywords")
            .image(Image.build("containers/keywords"))
            .bridge(
                Bridge.kv("CLASS"),
                Bridge.kv("TO_STRING"),
                Bridge.r2("HASH_CODE").readOnly(),
                Bridge.r2("GET_CLASS"),
                Bridge.d1("CONNECT"),
                Bridge.queue("IN_MEMORY"),
                Bridge.service("RECORD"),
                Bridge.service("CLIENT"),
                Bridge.kv("2FA"),
                Bridge.kv("odd\"*/name"))
            .build()));
  }
}

package dev.cfc.codegen.internal.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.OutputWriter;
import dev.cfc.codegen.PlannedFile;
import dev.cfc.container.BridgeClient;
import dev.cfc.container.BridgeException;
import dev.cfc.container.BridgeOptions;
import dev.cfc.container.D1Database;
import dev.cfc.container.D1Result;
import dev.cfc.container.KvEntry;
import dev.cfc.container.KvKey;
import dev.cfc.container.KvList;
import dev.cfc.container.KvListOptions;
import dev.cfc.container.KvNamespace;
import dev.cfc.container.KvPutOptions;
import dev.cfc.container.KvReader;
import dev.cfc.container.QueueProducer;
import dev.cfc.container.R2Bucket;
import dev.cfc.container.R2ListOptions;
import dev.cfc.container.R2Object;
import dev.cfc.container.R2ObjectBody;
import dev.cfc.container.R2Objects;
import dev.cfc.container.R2PutOptions;
import dev.cfc.container.R2Reader;
import dev.cfc.container.ServiceBinding;
import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.Image;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both generated halves of the bridge together: cfc generates a project whose container is
 * granted every kind of binding, read-only and writable; the real tsc compiles the generated
 * TypeScript (with its runtime copies) against the real {@code @cloudflare/containers}; Node
 * serves the compiled class's bridge through the real {@code ContainerProxy}
 * ({@code runtime-js-templates/test/support/bridge-server.ts}, in-memory fakes of every binding);
 * javac compiles the generated {@code UploaderBridge} against {@code cfc-container}, and the test
 * calls every operation through it over HTTP. The grants the handler enforces are the table cfc
 * generated, not a hand-written one.
 */
class BridgeIntegrationTest {

  private static final Path RUNTIME =
      Path.of("..", "runtime-js-templates").toAbsolutePath().normalize();
  private static final Path BRIDGE_SERVER = RUNTIME.resolve("build/test/support/bridge-server.js");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final String WRANGLER = """
      name = "media"
      main = "src/index.ts"
      compatibility_date = "2025-12-01"

      [[kv_namespaces]]
      binding = "CACHE"
      id = "0123456789abcdef0123456789abcdef"

      [[kv_namespaces]]
      binding = "SETTINGS"
      id = "1123456789abcdef0123456789abcdef"

      [[kv_namespaces]]
      binding = "SECRETS_KV"
      id = "2123456789abcdef0123456789abcdef"

      [[r2_buckets]]
      binding = "MEDIA"
      bucket_name = "media"

      [[r2_buckets]]
      binding = "ARCHIVE"
      bucket_name = "archive"

      [[d1_databases]]
      binding = "DB"
      database_name = "db"
      database_id = "00000000-0000-0000-0000-000000000000"

      [[d1_databases]]
      binding = "REPORTS"
      database_name = "reports"
      database_id = "00000000-0000-0000-0000-000000000001"

      [[queues.producers]]
      binding = "PROGRESS"
      queue = "progress"

      [[services]]
      binding = "BILLING"
      service = "billing"

      [[services]]
      binding = "STATUS"
      service = "status"
      """;

  /** Every binding of the Worker, granted or not, as bridge-server's fakes. */
  private static final String FAKES = "{\"CACHE\":\"kv\",\"SETTINGS\":\"kv\",\"SECRETS_KV\":\"kv\","
      + "\"MEDIA\":\"r2\",\"ARCHIVE\":\"r2\",\"DB\":\"d1\",\"REPORTS\":\"d1\","
      + "\"PROGRESS\":\"queue\",\"BILLING\":\"service\",\"STATUS\":\"service\"}";

  /** Strings an app may well use as keys and values, and that break naive encoders. */
  static final List<String> HOSTILE = List.of(
      "quote\"s and 'single' \\ back",
      "new\nline\r\ttab",
      "../../etc/passwd",
      "%2e%2e/%2F",
      "a+b&c=d#e?f",
      "Кириллица/ключ",
      "emoji 🎬📦",
      " leading and trailing ",
      "semi;colon,comma=equals");

  private static Path work;
  private static Process node;
  private static Path nodeLog;
  private static URI base;
  private static BridgeClient client;
  private static Map<String, Object> bridge;
  private static Class<?> bridgeClass;

  @BeforeAll
  static void generateCompileAndServe() throws Throwable {
    if (!Files.isRegularFile(RUNTIME.resolve("node_modules/typescript/bin/tsc"))
        || !Files.isRegularFile(BRIDGE_SERVER)) {
      fail("runtime-js-templates/node_modules or build/test is missing: build"
          + " runtime-js-templates with its tests first (it runs npm ci and compiles its tests)");
    }
    work = Files.createTempDirectory(
        Files.createDirectories(RUNTIME.resolve("target")), "bridge-integration-");
    Path wrangler = work.resolve("wrangler.toml");
    Files.writeString(wrangler, WRANGLER, StandardCharsets.UTF_8);

    CompileResult result = Compiler.compile(CompileRequest.builder(work)
        .definitions(List.of(Container.define("uploader")
            .image(Image.registry("registry.cloudflare.com/media/uploader:1.0"))
            .defaultPort(8080)
            .bridge(
                Bridge.kv("CACHE"),
                Bridge.kv("SETTINGS").readOnly(),
                Bridge.r2("MEDIA"),
                Bridge.r2("ARCHIVE").readOnly(),
                Bridge.d1("DB"),
                Bridge.d1("REPORTS").readOnly(),
                Bridge.queue("PROGRESS"),
                Bridge.service("BILLING"),
                Bridge.service("STATUS").readOnly())
            .build()))
        .wranglerConfig(wrangler)
        .typescriptOut(work.resolve("src/_generated"))
        .javaOut(work.resolve("java"))
        .javaPackage("app.generated")
        .build());
    assertThat(result.diagnostics()).isEmpty();
    OutputWriter.write(work, result);

    compileTypeScript();
    bridgeClass = compileJavaBridge(result);
    startNode();
    client = BridgeClient.connect(base, BridgeOptions.defaults());
    bridge = GeneratedJava.components(GeneratedJava.callStatic(
        bridgeClass, "connect", new Class<?>[] {BridgeClient.class}, client));
  }

  private static void compileTypeScript() throws Exception {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("rootDir", "src/_generated");
    options.put("outDir", "build");
    Map<String, Object> tsconfig = new LinkedHashMap<>();
    tsconfig.put("extends", RUNTIME.resolve("tsconfig.base.json").toString());
    tsconfig.put("compilerOptions", options);
    tsconfig.put("include", List.of("src/_generated/*.ts"));
    JSON.writeValue(work.resolve("tsconfig.json").toFile(), tsconfig);
    Process tsc = new ProcessBuilder(
            "node",
            RUNTIME.resolve("node_modules/typescript/bin/tsc").toString(),
            "-p",
            "tsconfig.json",
            "--strict")
        .directory(work.toFile())
        .redirectErrorStream(true)
        .start();
    tsc.getOutputStream().close();
    String output = new String(tsc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tsc.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(tsc.exitValue()).as("tsc output:\n" + output).isZero();
    assertThat(work.resolve("build/UploaderContainer.js")).isRegularFile();
  }

  private static Class<?> compileJavaBridge(CompileResult result) throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    Path javaOut = work.resolve("java");
    for (PlannedFile file : result.files()) {
      if (file.after() != null && file.path().startsWith(javaOut)) {
        sources.put(javaOut.relativize(file.path()).toString(), file.after());
      }
    }
    assertThat(sources).containsKey("app/generated/UploaderBridge.java");
    GeneratedJava.Compiled compiled = GeneratedJava.compileCleanly(work.resolve("javac"), sources);
    @SuppressWarnings("resource") // the classes stay loadable for the whole test
    URLClassLoader loader = compiled.loader();
    return loader.loadClass("app.generated.UploaderBridge");
  }

  private static void startNode() throws Exception {
    nodeLog = work.resolve("node.log");
    node = new ProcessBuilder(
            "node",
            "--import",
            "./test/support/register.mjs",
            BRIDGE_SERVER.toString(),
            "--env",
            FAKES,
            "--module",
            work.resolve("build/UploaderContainer.js").toString(),
            "--class",
            "UploaderContainer")
        .directory(RUNTIME.toFile())
        .redirectError(nodeLog.toFile())
        .start();
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
      try {
        StringBuilder line = new StringBuilder();
        InputStream out = node.getInputStream();
        for (int c = out.read(); c != -1 && c != '\n'; c = out.read()) {
          line.append((char) c);
        }
        return line.toString();
      } catch (IOException e) {
        return e.toString();
      }
    });
    String line = first.get(60, TimeUnit.SECONDS);
    assertThat(line)
        .as("bridge-server's first line; its log:\n%s", nodeOutput())
        .startsWith("listening ");
    base =
        URI.create("http://127.0.0.1:" + line.substring("listening ".length()).trim());
  }

  @AfterAll
  static void stopNodeAndDelete() throws IOException, InterruptedException {
    if (node != null) {
      node.destroy();
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (work != null) {
      try (Stream<Path> all = Files.walk(work)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String nodeOutput() {
    try {
      return nodeLog == null || !Files.exists(nodeLog) ? "" : Files.readString(nodeLog);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Runs a test body; a failure carries what the Node process printed. */
  private static void withNodeLog(Body body) throws Exception {
    try {
      body.run();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n--- bridge-server output:\n" + nodeOutput(), e);
    }
  }

  @FunctionalInterface
  private interface Body {
    void run() throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T binding(String component) {
    assertThat(bridge).containsKey(component);
    return (T) bridge.get(component);
  }

  /** The fakes' own endpoints of bridge-server, for seeding and introspection. */
  private static HttpResponse<String> fakes(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static BridgeException refused(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(BridgeException.class);
    return (BridgeException) thrown;
  }

  @Test
  void theGeneratedBridgeHasOneTypedComponentPerGrant() throws Exception {
    withNodeLog(() -> {
      assertThat(bridge.keySet())
          .containsExactly(
              "cache",
              "settings",
              "media",
              "archive",
              "db",
              "reports",
              "progress",
              "billing",
              "status");
      Map<String, Class<?>> types = new LinkedHashMap<>();
      for (RecordComponent c : bridgeClass.getRecordComponents()) {
        types.put(c.getName(), c.getType());
      }
      assertThat(types)
          .containsEntry("cache", KvNamespace.class)
          .containsEntry("settings", KvReader.class)
          .containsEntry("media", R2Bucket.class)
          .containsEntry("archive", R2Reader.class)
          .containsEntry("reports", D1Database.class)
          .containsEntry("status", ServiceBinding.class);
    });
  }

  @Test
  void kvGetsPutsWithTtlAndMetadataDeletesAndPagesAList() throws Exception {
    withNodeLog(() -> {
      KvNamespace cache = binding("cache");
      assertThat(cache.get("kv/absent")).isEmpty();
      cache.put("kv/plain", "hello");
      assertThat(cache.get("kv/plain")).contains("hello");
      byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0x80, 10, 13};
      cache.put("kv/binary", binary, KvPutOptions.none());
      assertThat(cache.getBytes("kv/binary"))
          .hasValueSatisfying(v -> assertThat(v).containsExactly(binary));
      cache.put(
          "kv/meta",
          "with metadata",
          KvPutOptions.ttl(Duration.ofHours(1)).metadata(Map.of("owner", "ана", "n", 3)));
      KvEntry entry = cache.getWithMetadata("kv/meta").orElseThrow();
      assertThat(entry.text()).isEqualTo("with metadata");
      JsonNode metadata = entry.metadata().orElseThrow();
      assertThat(metadata.path("owner").asText()).isEqualTo("ана");
      assertThat(metadata.path("n").asInt()).isEqualTo(3);
      assertThat(cache.getWithMetadata("kv/plain").orElseThrow().metadata()).isEmpty();

      KvList withTtl = cache.list("kv/meta");
      assertThat(withTtl.keys()).extracting(KvKey::name).containsExactly("kv/meta");
      assertThat(withTtl.keys().get(0).expiration()).isPresent();

      for (int i = 0; i < 7; i++) {
        cache.put("page/" + i, "v" + i);
      }
      List<String> names = new ArrayList<>();
      int pages = 0;
      KvListOptions options = KvListOptions.prefix("page/").limit(3);
      while (true) {
        KvList page = cache.list(options);
        pages++;
        assertThat(page.keys()).hasSizeLessThanOrEqualTo(3);
        page.keys().forEach(k -> names.add(k.name()));
        if (page.complete()) {
          break;
        }
        options = options.cursor(page.cursor().orElseThrow());
      }
      assertThat(pages).isEqualTo(3);
      assertThat(names)
          .containsExactly("page/0", "page/1", "page/2", "page/3", "page/4", "page/5", "page/6");

      cache.delete("kv/plain");
      assertThat(cache.get("kv/plain")).isEmpty();
      cache.delete("kv/plain");
    });
  }

  @Test
  void r2PutsFromFileStreamAndBytesGetsStreamedHeadsDeletesAndLists() throws Exception {
    withNodeLog(() -> {
      R2Bucket media = binding("media");
      Path file = Files.writeString(work.resolve("upload.txt"), "from a file");
      R2Object fromFile = media.put(
          "r2/file.txt",
          file,
          R2PutOptions.contentType("text/plain").customMetadata(Map.of("source", "файл")));
      assertThat(fromFile.size()).isEqualTo(11);
      byte[] streamed = "from a stream".getBytes(StandardCharsets.UTF_8);
      media.put(
          "r2/stream.bin",
          new ByteArrayInputStream(streamed),
          streamed.length,
          R2PutOptions.none());
      media.put("r2/dir/bytes.bin", new byte[] {1, 2, 3}, R2PutOptions.none());

      try (R2ObjectBody body = media.get("r2/file.txt").orElseThrow()) {
        assertThat(body.object().contentType()).contains("text/plain");
        assertThat(body.object().customMetadata()).containsEntry("source", "файл");
        assertThat(new String(body.body().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("from a file");
      }
      assertThat(media.get("r2/stream.bin").orElseThrow().bytes()).containsExactly(streamed);
      assertThat(media.get("r2/dir/bytes.bin").orElseThrow().bytes()).containsExactly(1, 2, 3);
      assertThat(media.get("r2/absent")).isEmpty();

      R2Object head = media.head("r2/file.txt").orElseThrow();
      assertThat(head.size()).isEqualTo(11);
      assertThat(head.etag()).isEqualTo(fromFile.etag());
      assertThat(media.head("r2/absent")).isEmpty();

      R2Objects delimited = media.list(R2ListOptions.prefix("r2/").delimiter("/"));
      assertThat(delimited.objects())
          .extracting(R2Object::key)
          .containsExactly("r2/file.txt", "r2/stream.bin");
      assertThat(delimited.delimitedPrefixes()).containsExactly("r2/dir/");

      List<String> keys = new ArrayList<>();
      R2ListOptions options = R2ListOptions.prefix("r2/").limit(2);
      while (true) {
        R2Objects page = media.list(options);
        page.objects().forEach(o -> keys.add(o.key()));
        if (!page.truncated()) {
          break;
        }
        options = options.cursor(page.cursor().orElseThrow());
      }
      assertThat(keys).containsExactly("r2/dir/bytes.bin", "r2/file.txt", "r2/stream.bin");

      media.delete("r2/stream.bin");
      assertThat(media.head("r2/stream.bin")).isEmpty();
    });
  }

  /** A typed D1 row. */
  public record Item(long id, String name, double price, String note) {}

  @Test
  void d1BindsEveryParameterTypeAndAnswersRowsAsMapsAndTypedRows() throws Exception {
    withNodeLog(() -> {
      D1Database db = binding("db");
      db.query("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL, note TEXT)");
      D1Result inserted = db.query(
          "INSERT INTO items (id, name, price, note) VALUES (?, ?, ?, ?)",
          1L,
          "it's \"quoted\"",
          2.5,
          null);
      assertThat(inserted.meta().changes()).isEqualTo(1);
      db.query(
          "INSERT INTO items (id, name, price, note) VALUES (?, ?, ?, ?)",
          2,
          "Кириллица 🎬",
          10.0,
          "n");

      D1Result bound =
          db.query("SELECT ? AS s, ? AS i, ? AS d, ? AS b, ? AS n", "text", 42L, 0.125, true, null);
      Map<String, Object> row = bound.rows().get(0);
      assertThat(row.get("s")).isEqualTo("text");
      assertThat(((Number) row.get("i")).longValue()).isEqualTo(42L);
      assertThat(((Number) row.get("d")).doubleValue()).isEqualTo(0.125);
      assertThat(((Number) row.get("b")).intValue()).isEqualTo(1);
      assertThat(row).containsEntry("n", null);

      List<Item> items = db.query(Item.class, "SELECT * FROM items WHERE price > ? ORDER BY id", 1);
      assertThat(items)
          .containsExactly(
              new Item(1, "it's \"quoted\"", 2.5, null), new Item(2, "Кириллица 🎬", 10.0, "n"));

      BridgeException bad = refused(() -> db.query("SELEC nonsense"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.code()).isEqualTo("query_error");
    });
  }

  @Test
  void queueSendsAMessageWithADelayAndABatch() throws Exception {
    withNodeLog(() -> {
      QueueProducer progress = binding("progress");
      progress.send(Map.of("job", "j1", "percent", 10));
      progress.send(Map.of("job", "j1", "percent", 50), Duration.ofSeconds(30));
      progress.sendBatch(List.of("a \"quoted\"\nline", 3, List.of(true, "ü")));

      JsonNode sent = JSON.readTree(fakes("GET", "/__fakes/queue/PROGRESS", "").body());
      assertThat(sent).hasSize(5);
      assertThat(sent.get(0).path("body").path("percent").asInt()).isEqualTo(10);
      assertThat(sent.get(0).path("contentType").asText()).isEqualTo("json");
      assertThat(sent.get(1).path("delaySeconds").asInt()).isEqualTo(30);
      assertThat(sent.get(2).path("body").asText()).isEqualTo("a \"quoted\"\nline");
      assertThat(sent.get(3).path("body").asInt()).isEqualTo(3);
      assertThat(sent.get(4).path("body").get(1).asText()).isEqualTo("ü");
    });
  }

  @Test
  void serviceFetchesGetAndPostWithHeadersAndBody() throws Exception {
    withNodeLog(() -> {
      ServiceBinding billing = binding("billing");
      HttpResponse<InputStream> get = billing.get("/invoices?month=2026-01&q=a+b");
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.headers().firstValue("x-echo-method")).contains("GET");
      assertThat(get.headers().firstValue("x-echo-url").orElseThrow())
          .endsWith("/invoices?month=2026-01&q=a+b");
      get.body().close();

      HttpResponse<InputStream> post = billing.fetch(
          "POST",
          "/charge",
          Map.of("content-type", "application/json", "x-request-id", "r-1"),
          HttpRequest.BodyPublishers.ofString("{\"amount\":\"9.99 €\"}"));
      assertThat(post.statusCode()).isEqualTo(200);
      assertThat(post.headers().firstValue("x-echo-method")).contains("POST");
      JsonNode headers =
          JSON.readTree(post.headers().firstValue("x-echo-headers").orElseThrow());
      assertThat(headers.path("x-request-id").asText()).isEqualTo("r-1");
      try (InputStream body = post.body()) {
        assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("{\"amount\":\"9.99 €\"}");
      }
    });
  }

  @Test
  void aBindingNotGrantedOrGrantedWithAnotherKindIsRefused() throws Exception {
    withNodeLog(() -> {
      fakes("PUT", "/__fakes/kv/SECRETS_KV?key=token", "s3cr3t");
      BridgeException secret = refused(() -> client.kv("SECRETS_KV").get("token"));
      assertThat(secret.status()).isEqualTo(403);
      assertThat(secret.code()).isEqualTo("not_declared");
      assertThat(secret.binding()).isEqualTo("SECRETS_KV");
      BridgeException wrongKind = refused(() -> client.r2("CACHE").head("x"));
      assertThat(wrongKind.status()).isEqualTo(403);
      assertThat(wrongKind.code()).isEqualTo("not_declared");
      BridgeException absent = refused(() -> client.kv("NOWHERE").get("x"));
      assertThat(absent.code()).isEqualTo("not_declared");
      BridgeException service = refused(() -> client.service("SECRETS_KV").get("/"));
      assertThat(service.code()).isEqualTo("not_declared");
    });
  }

  @Test
  void readOnlyGrantsRefuseEveryWriteWhileReadsWork() throws Exception {
    withNodeLog(() -> {
      fakes("PUT", "/__fakes/kv/SETTINGS?key=mode", "dark");
      fakes("PUT", "/__fakes/r2/ARCHIVE?key=old.mp4", "archived");
      fakes(
          "POST",
          "/__fakes/d1/REPORTS/exec",
          "CREATE TABLE t (id INTEGER); INSERT INTO t VALUES (1), (2);");

      KvReader settings = binding("settings");
      assertThat(settings.get("mode")).contains("dark");
      assertThat(settings.list("").keys()).extracting(KvKey::name).containsExactly("mode");
      KvNamespace settingsWritable = client.kv("SETTINGS");
      assertReadOnly(() -> settingsWritable.put("mode", "light"));
      assertReadOnly(() -> settingsWritable.delete("mode"));
      assertThat(settings.get("mode")).contains("dark");

      R2Reader archive = binding("archive");
      assertThat(archive.get("old.mp4").orElseThrow().bytes())
          .isEqualTo("archived".getBytes(StandardCharsets.UTF_8));
      R2Bucket archiveWritable = client.r2("ARCHIVE");
      assertReadOnly(() -> archiveWritable.put("new.mp4", new byte[] {1}, R2PutOptions.none()));
      assertReadOnly(() -> archiveWritable.delete("old.mp4"));
      assertThat(archive.head("old.mp4")).isPresent();
      assertThat(archive.head("new.mp4")).isEmpty();

      D1Database reports = binding("reports");
      assertThat(reports.query("SELECT count(*) AS n FROM t").rows().get(0).get("n"))
          .isEqualTo(2L);
      for (String write : List.of(
          "INSERT INTO t VALUES (3)",
          "SELECT 1; DELETE FROM t",
          "DELETE FROM t",
          "/* SELECT */ DELETE FROM t",
          "WITH x AS (SELECT 1) DELETE FROM t",
          "SELECT 1 -- \n; DROP TABLE t",
          "UPDATE t SET id = 0",
          "DROP TABLE t",
          "PRAGMA writable_schema = 1")) {
        assertReadOnly(() -> reports.query(write));
      }
      assertThat(reports.query("SELECT count(*) AS n FROM t").rows().get(0).get("n"))
          .isEqualTo(2L);

      ServiceBinding status = binding("status");
      HttpResponse<InputStream> get = status.get("/health");
      assertThat(get.statusCode()).isEqualTo(200);
      get.body().close();
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        assertReadOnly(() ->
            status.fetch(method, "/health", Map.of(), HttpRequest.BodyPublishers.ofString("x")));
      }
    });
  }

  private static void assertReadOnly(Runnable write) {
    BridgeException e = refused(write);
    assertThat(e.status()).as(e.getMessage()).isEqualTo(403);
    assertThat(e.code()).as(e.getMessage()).isEqualTo("read_only");
  }

  @Test
  void hostileKeysValuesAndMetadataRoundTripByteExactly() throws Exception {
    withNodeLog(() -> {
      KvNamespace cache = binding("cache");
      R2Bucket media = binding("media");
      for (String hostile : HOSTILE) {
        String key = "hostile/" + hostile;
        cache.put(key, hostile, KvPutOptions.none().metadata(Map.of("v", hostile)));
        KvEntry entry = cache.getWithMetadata(key).orElseThrow();
        assertThat(entry.text()).isEqualTo(hostile);
        assertThat(entry.metadata().orElseThrow().path("v").asText()).isEqualTo(hostile);

        byte[] bytes = hostile.getBytes(StandardCharsets.UTF_8);
        R2Object put = media.put(
            key,
            bytes,
            R2PutOptions.contentType("text/plain").customMetadata(Map.of("v", hostile)));
        assertThat(put.key()).isEqualTo(key);
        try (R2ObjectBody body = media.get(key).orElseThrow()) {
          assertThat(body.object().key()).isEqualTo(key);
          assertThat(body.object().customMetadata()).containsEntry("v", hostile);
          assertThat(body.body().readAllBytes()).isEqualTo(bytes);
        }
      }
      // The plain hostile keys too: "../../etc/passwd" is a key, not a path.
      cache.put("../../etc/passwd", "root:x");
      assertThat(cache.get("../../etc/passwd")).contains("root:x");
      assertThat(cache.get("etc/passwd")).isEmpty();
      media.put("%2e%2e", new byte[] {7}, R2PutOptions.none());
      assertThat(media.head("%2e%2e")).isPresent();
      assertThat(media.head("..")).isEmpty();

      List<String> expected = HOSTILE.stream().map(h -> "hostile/" + h).sorted().toList();
      assertThat(cache.list("hostile/").keys())
          .extracting(KvKey::name)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(media.list("hostile/").objects())
          .extracting(R2Object::key)
          .containsExactlyInAnyOrderElementsOf(expected);
    });
  }

  @Test
  void a64MegabyteObjectStreamsThroughAJvmWhoseHeapCannotHoldIt() throws Exception {
    withNodeLog(() -> {
      Path big = work.resolve("big.bin");
      byte[] chunk = new byte[1 << 20];
      new Random(15).nextBytes(chunk);
      try (OutputStream out = Files.newOutputStream(big)) {
        for (int i = 0; i < 64; i++) {
          chunk[0] = (byte) i;
          out.write(chunk);
        }
      }
      Process java = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx32m",
              "-cp",
              System.getProperty("java.class.path"),
              LargeObjectRoundTrip.class.getName(),
              base.toString(),
              "MEDIA",
              "big/video.mp4",
              big.toString())
          .redirectErrorStream(true)
          .start();
      java.getOutputStream().close();
      String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(java.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(java.exitValue()).as(output).isZero();
      List<String> lines = output.lines().toList();
      String put = lines.stream().filter(l -> l.startsWith("put ")).findFirst().orElseThrow();
      String got = lines.stream().filter(l -> l.startsWith("got ")).findFirst().orElseThrow();
      long size = 64L << 20;
      assertThat(put).as(output).startsWith("put " + size + " ");
      assertThat(got.substring(4)).as(output).isEqualTo(put.substring(4));
      long maxHeap = Long.parseLong(lines.stream()
          .filter(l -> l.startsWith("max heap "))
          .findFirst()
          .orElseThrow()
          .substring("max heap ".length()));
      assertThat(maxHeap).as("the forked JVM's heap cannot hold the object").isLessThan(size);
      Optional<R2Object> stored = ((R2Reader) binding("media")).head("big/video.mp4");
      assertThat(stored).hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(size));
    });
  }
}

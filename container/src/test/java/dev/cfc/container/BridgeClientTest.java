package dev.cfc.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BridgeClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeBridge bridge;
  private BridgeClient client;

  @BeforeEach
  void start() throws IOException {
    bridge = new FakeBridge()
        .grant("kv", "CACHE", "rw")
        .grant("kv", "CONFIG", "ro")
        .grant("r2", "MEDIA", "rw")
        .grant("d1", "DB", "rw")
        .grant("queue", "JOBS", "rw")
        .grant("service", "API", "rw");
    client = bridge.client();
  }

  @AfterEach
  void stop() {
    bridge.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a'b",
        "line\nbreak",
        "../../etc/passwd",
        "ключ/😀",
        "a+b&c=d#e?f",
        "%2e%2e",
        "sp ace\"q\"",
        "tab\there\r\n"
      })
  void hostileKeysReachTheBindingAndComeBackByteExactly(String key) {
    KvNamespace kv = client.kv("CACHE");

    kv.put(key, "value of " + key);

    FakeBridge.Seen put = bridge.seen().get(0);
    assertThat(put.path()).isEqualTo("/v1/kv/CACHE/put");
    assertThat(put.params()).containsEntry("key", key);
    assertThat(put.rawQuery()).doesNotContain("+").doesNotContain(" ").doesNotContain("#");
    assertThat(kv.get(key)).contains("value of " + key);
    assertThat(kv.list(KvListOptions.all()).keys()).extracting(KvKey::name).containsExactly(key);
    kv.delete(key);
    assertThat(kv.get(key)).isEmpty();
  }

  @Test
  void aKeyWithAnUnpairedSurrogateIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.kv("CACHE").get("bad\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate");
    assertThat(bridge.seen()).isEmpty();
  }

  @Test
  void kvPutSendsExpiryAndMetadataAsOneAsciiHeaderLine() throws IOException {
    Map<String, Object> metadata = Map.of("note", "ключ 😀\nnext line", "n", 3);

    client
        .kv("CACHE")
        .put(
            "k",
            "v".getBytes(StandardCharsets.UTF_8),
            new KvPutOptions(
                Duration.ofMinutes(2), Instant.ofEpochSecond(1_900_000_000L), metadata));

    FakeBridge.Seen put = bridge.seen().get(0);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.params())
        .containsEntry("expirationTtl", "120")
        .containsEntry("expiration", "1900000000");
    String header = put.header("cfc-metadata");
    assertThat(header).matches("[\\x20-\\x7e]+");
    assertThat(JSON.readTree(header)).isEqualTo(JSON.valueToTree(metadata));
    assertThat(put.body()).isEqualTo("v".getBytes(StandardCharsets.UTF_8));

    Optional<KvEntry> entry = client.kv("CACHE").getWithMetadata("k");
    assertThat(entry).isPresent();
    assertThat(entry.get().text()).isEqualTo("v");
    assertThat(entry.get().metadata()).contains(JSON.valueToTree(metadata));
  }

  @Test
  void aMissingKvKeyOrR2ObjectIsEmptyNotAnError() {
    assertThat(client.kv("CACHE").get("nope")).isEmpty();
    assertThat(client.kv("CACHE").getWithMetadata("nope")).isEmpty();
    assertThat(client.r2("MEDIA").get("nope")).isEmpty();
    assertThat(client.r2("MEDIA").head("nope")).isEmpty();
  }

  @Test
  void kvListSendsItsOptionsAndReadsThePage() {
    bridge.route(
        "/v1/kv/CACHE/list",
        (exchange, seen) -> FakeBridge.send(
            exchange,
            200,
            "application/json",
            ("{\"keys\":[{\"name\":\"a\",\"expiration\":1900000000,\"metadata\":{\"x\":1}},{\"name\":\"b\"}],"
                    + "\"list_complete\":false,\"cursor\":\"c2\"}")
                .getBytes(StandardCharsets.UTF_8)));

    KvList page =
        client.kv("CACHE").list(KvListOptions.prefix("p q").cursor("c/1").limit(2));

    assertThat(bridge.seen().get(0).params())
        .isEqualTo(Map.of("prefix", "p q", "cursor", "c/1", "limit", "2"));
    assertThat(page.complete()).isFalse();
    assertThat(page.cursor()).contains("c2");
    assertThat(page.keys()).hasSize(2);
    assertThat(page.keys().get(0).expiration()).contains(Instant.ofEpochSecond(1_900_000_000L));
    assertThat(page.keys().get(0).metadata().orElseThrow().get("x").asInt()).isEqualTo(1);
    assertThat(page.keys().get(1).expiration()).isEmpty();
    assertThat(page.keys().get(1).metadata()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "400,bad_request", "400,query_error", "403,not_declared", "403,read_only",
        "404,unknown_operation",
    "405,method_not_allowed", "411,length_required", "413,too_large", "429,rate_limited",
        "502,binding_error"
  })
  void everyErrorAnswerBecomesABridgeExceptionNamingBindingAndOperation(int status, String code) {
    bridge.route(
        "/v1/d1/DB/query",
        (exchange, seen) -> FakeBridge.error(exchange, status, code, seen, "why"));

    assertThatThrownBy(() -> client.d1("DB").query("SELECT 1"))
        .isInstanceOfSatisfying(BridgeException.class, e -> {
          assertThat(e.binding()).isEqualTo("DB");
          assertThat(e.operation()).isEqualTo("d1.query");
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.code()).isEqualTo(code);
        })
        .hasMessage("bridge: d1.query on DB failed: " + status + " " + code + ": why");
  }

  @Test
  void aWriteToAReadOnlyGrantIsRefusedWithItsCode() {
    assertThatThrownBy(() -> client.kv("CONFIG").put("k", "v"))
        .isInstanceOfSatisfying(
            BridgeException.class, e -> assertThat(e.code()).isEqualTo("read_only"))
        .hasMessageContaining("kv.put on CONFIG failed: 403 read_only");
    assertThatThrownBy(() -> client.r2("CACHE").head("k"))
        .isInstanceOfSatisfying(
            BridgeException.class, e -> assertThat(e.code()).isEqualTo("not_declared"));
  }

  @Test
  void anAnswerThatIsNotTheHandlersJsonIsStillAnamedFailure() {
    bridge.route(
        "/v1/kv/CACHE/get",
        (exchange, seen) -> FakeBridge.send(
            exchange, 500, "text/html", "<h1>oops</h1>".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> client.kv("CACHE").get("k"))
        .isInstanceOfSatisfying(BridgeException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.code()).isEqualTo("unexpected_response");
        })
        .hasMessageContaining("kv.get on CACHE")
        .hasMessageContaining("<h1>oops</h1>");
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503})
  void idempotentCallsAreTriedAgainOnTransientAnswers(int status) {
    bridge.failNext("/v1/kv/CACHE/put", status, status);
    client.kv("CACHE").put("k", "v");
    assertThat(bridge.count("/v1/kv/CACHE/put")).isEqualTo(3);
    assertThat(bridge.kvValue("k")).isEqualTo("v".getBytes(StandardCharsets.UTF_8));

    bridge.failNext("/v1/kv/CACHE/get", status, status, status);
    assertThatThrownBy(() -> client.kv("CACHE").get("k"))
        .isInstanceOfSatisfying(
            BridgeException.class, e -> assertThat(e.status()).isEqualTo(status));
    assertThat(bridge.count("/v1/kv/CACHE/get")).isEqualTo(3);
  }

  @Test
  void everyIdempotentOperationIsRetriedAndNoOtherIs() throws IOException {
    Map<String, Runnable> idempotent = Map.of(
        "/v1/kv/CACHE/get", () -> client.kv("CACHE").get("k"),
        "/v1/kv/CACHE/list", () -> client.kv("CACHE").list("p"),
        "/v1/kv/CACHE/put", () -> client.kv("CACHE").put("k", "v"),
        "/v1/kv/CACHE/delete", () -> client.kv("CACHE").delete("k"),
        "/v1/r2/MEDIA/get", () -> client.r2("MEDIA").get("k"),
        "/v1/r2/MEDIA/head", () -> client.r2("MEDIA").head("k"),
        "/v1/r2/MEDIA/list", () -> client.r2("MEDIA").list("p"),
        "/v1/r2/MEDIA/delete", () -> client.r2("MEDIA").delete("k"),
        "/v1/service/API/fetch/x", () -> client.service("API").get("/x"));
    idempotent.forEach((path, call) -> {
      bridge.failNext(path, 503);
      call.run();
      assertThat(bridge.count(path)).as(path).isEqualTo(2);
    });

    Map<String, Runnable> once = Map.of(
        "/v1/d1/DB/query", () -> client.d1("DB").query("SELECT 1"),
        "/v1/queue/JOBS/send", () -> client.queue("JOBS").send("m"),
        "/v1/queue/JOBS/sendBatch", () -> client.queue("JOBS").sendBatch(List.of("m")),
        "/v1/r2/MEDIA/put",
            () -> client
                .r2("MEDIA")
                .put("k", new ByteArrayInputStream(new byte[3]), 3, R2PutOptions.none()));
    once.forEach((path, call) -> {
      bridge.failNext(path, 503);
      assertThatThrownBy(call::run).as(path).isInstanceOf(BridgeException.class);
      assertThat(bridge.count(path)).as(path).isEqualTo(1);
    });

    bridge.failNext("/v1/service/API/fetch/x", 503);
    assertThatThrownBy(
            () -> client.service("API").fetch("POST", "/x", Map.of(), BodyPublishers.ofString("b")))
        .as("a POST is sent once")
        .isInstanceOfSatisfying(
            BridgeException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(bridge.count("/v1/service/API/fetch/x")).isEqualTo(3);
  }

  @Test
  void aPutFromBytesOrAFileIsRetriedBecauseItCanBeSentAgainWhole(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("f.txt"), "file body");
    bridge.failNext("/v1/r2/MEDIA/put", 502, 502);
    R2Object object = client.r2("MEDIA").put("f", file);
    assertThat(object.size()).isEqualTo(9);
    List<FakeBridge.Seen> puts = bridge.seen();
    assertThat(puts)
        .hasSize(3)
        .allSatisfy(s -> assertThat(s.body()).asString().isEqualTo("file body"));
  }

  @Test
  void aRefusedConnectionIsAnIoFailureNamingTheCall() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    BridgeClient unreachable = BridgeClient.connect(
        URI.create("http://127.0.0.1:" + port),
        new BridgeOptions(Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofMillis(1)));

    assertThatThrownBy(() -> unreachable.kv("CACHE").get("k"))
        .isInstanceOfSatisfying(BridgeException.class, e -> {
          assertThat(e.status()).isZero();
          assertThat(e.code()).isEqualTo("io");
        })
        .hasMessageStartingWith("bridge: kv.get on CACHE failed: io: could not connect");
  }

  @Test
  void aStalledAnswerFailsWithinTheRequestTimeout() {
    CountDownLatch release = new CountDownLatch(1);
    bridge.route("/v1/d1/DB/query", (exchange, seen) -> {
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    bridge.route("/v1/kv/CACHE/get", (exchange, seen) -> {
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    BridgeClient impatient = bridge.client(
        new BridgeOptions(Duration.ofSeconds(2), Duration.ofMillis(300), 2, Duration.ofMillis(1)));
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> impatient.d1("DB").query("SELECT 1"))
          .isInstanceOfSatisfying(BridgeException.class, e -> {
            assertThat(e.code()).isEqualTo("io");
            assertThat(e.status()).isZero();
          })
          .hasMessageContaining("d1.query on DB")
          .hasMessageContaining("no answer within PT0.3S");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(bridge.count("/v1/d1/DB/query")).isEqualTo(1);

      assertThatThrownBy(() -> impatient.kv("CACHE").get("k")).isInstanceOf(BridgeException.class);
      assertThat(bridge.count("/v1/kv/CACHE/get"))
          .as("a timed-out read is tried again")
          .isEqualTo(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void requestsAreHttp11WithoutAnUpgradeOffer() {
    client.kv("CACHE").get("k");
    Map<String, String> headers = bridge.seen().get(0).headers();
    assertThat(headers).doesNotContainKeys("upgrade", "http2-settings");
    assertThat(headers.get("connection")).isNotEqualToIgnoringCase("Upgrade, HTTP2-Settings");
  }

  @Test
  void badArgumentsFailBeforeAnyRequest() {
    assertThatThrownBy(() -> client.kv("CACHE").get(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> client.kv("CACHE").put("k", (byte[]) null, KvPutOptions.none()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> client
            .r2("MEDIA")
            .put("k", new ByteArrayInputStream(new byte[0]), -1, R2PutOptions.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.r2("MEDIA").list(R2ListOptions.all().limit(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.d1("DB").query("SELECT ?", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 0");
    assertThatThrownBy(() -> client.d1("DB").query("SELECT ?, ?", 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 1");
    assertThatThrownBy(() -> client.d1("DB").query("SELECT ?", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.queue("JOBS").send("m", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client
            .service("API")
            .fetch("GET", "/x", Map.of("cfc-grant", "x"), BodyPublishers.noBody()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cfc-grant");
    assertThatThrownBy(() -> client
            .service("API")
            .fetch("GET", "/x", Map.of("Host", "evil"), BodyPublishers.noBody()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> client.service("API").fetch("GET", "x", Map.of(), BodyPublishers.noBody()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bridge.seen()).isEmpty();
  }

  @Test
  void connectRefusesAUrlThatIsNotAnHttpBase() {
    assertThatThrownBy(
            () -> BridgeClient.connect(URI.create("file:///x"), BridgeOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> BridgeClient.connect(URI.create("http://h/?q"), BridgeOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BridgeClient.connect(
            URI.create("http://h"),
            new BridgeOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BridgeClient.connect()).isNotNull();
  }

  @Test
  void r2PutSendsContentTypeAndAsciiCustomMetadataAndReadsTheDescription() throws IOException {
    R2Object object = client
        .r2("MEDIA")
        .put(
            "v/😀.mp4",
            "abc".getBytes(StandardCharsets.UTF_8),
            R2PutOptions.contentType("video/mp4").customMetadata(Map.of("title", "Ñandú")));

    FakeBridge.Seen put = bridge.seen().get(0);
    assertThat(put.header("content-type")).isEqualTo("video/mp4");
    assertThat(put.header("content-length")).isEqualTo("3");
    assertThat(put.header("cfc-custom-metadata")).isEqualTo("{\"title\":\"\\u00D1and\\u00FA\"}");
    assertThat(object)
        .isEqualTo(new R2Object(
            "v/😀.mp4",
            3,
            "e1",
            "\"e1\"",
            Instant.parse("2026-01-02T03:04:05.678Z"),
            Optional.of("video/mp4"),
            Map.of("title", "Ñandú")));
    assertThat(client.r2("MEDIA").head("v/😀.mp4")).contains(object);
    try (R2ObjectBody body = client.r2("MEDIA").get("v/😀.mp4").orElseThrow()) {
      assertThat(body.object()).isEqualTo(object);
      assertThat(body.bytes()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void r2ListSendsItsOptionsAndReadsThePage() {
    bridge.route(
        "/v1/r2/MEDIA/list",
        (exchange, seen) -> FakeBridge.send(
            exchange,
            200,
            "application/json",
            ("{\"objects\":[{\"key\":\"a/1\",\"size\":1,\"etag\":\"e\",\"httpEtag\":\"\\\"e\\\"\","
                    + "\"uploaded\":\"2026-01-01T00:00:00Z\",\"contentType\":null,\"customMetadata\":{}}],"
                    + "\"truncated\":true,\"cursor\":\"n\",\"delimitedPrefixes\":[\"a/b/\"]}")
                .getBytes(StandardCharsets.UTF_8)));

    R2Objects page = client
        .r2("MEDIA")
        .list(R2ListOptions.prefix("a/").delimiter("/").limit(5).cursor("c"));

    assertThat(bridge.seen().get(0).params())
        .isEqualTo(Map.of("prefix", "a/", "delimiter", "/", "limit", "5", "cursor", "c"));
    assertThat(page.truncated()).isTrue();
    assertThat(page.cursor()).contains("n");
    assertThat(page.delimitedPrefixes()).containsExactly("a/b/");
    assertThat(page.objects()).singleElement().satisfies(o -> {
      assertThat(o.key()).isEqualTo("a/1");
      assertThat(o.contentType()).isEmpty();
    });
  }

  @Test
  void r2GetStreamsTheBodyInsteadOfBufferingIt() throws Exception {
    long size = 200L * 1024 * 1024;
    AtomicLong written = new AtomicLong();
    CountDownLatch reading = new CountDownLatch(1);
    bridge.route("/v1/r2/MEDIA/get", (exchange, seen) -> {
      exchange
          .getResponseHeaders()
          .add(
              "cfc-object",
              "{\"key\":\"big\",\"size\":" + size
                  + ",\"etag\":\"e\",\"httpEtag\":\"\\\"e\\\"\",\"uploaded\":\"2026-01-01T00:00:00Z\","
                  + "\"contentType\":null,\"customMetadata\":{}}");
      exchange.sendResponseHeaders(200, size);
      byte[] chunk = new byte[64 * 1024];
      try (OutputStream out = exchange.getResponseBody()) {
        for (long sent = 0; sent < size; sent += chunk.length) {
          if (sent == 4L * 1024 * 1024) {
            // Hold the rest back until the client has its stream: a buffering client never
            // gets one, and the assertion below sees every byte written.
            reading.await(20, TimeUnit.SECONDS);
          }
          for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ((sent + i) % 251);
          }
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    try (R2ObjectBody object = client.r2("MEDIA").get("big").orElseThrow()) {
      assertThat(written.get()).as("bytes sent before the caller read any").isLessThan(size / 4);
      reading.countDown();
      assertThat(object.object().size()).isEqualTo(size);
      byte[] buffer = new byte[1 << 16];
      long read = 0;
      for (int n; (n = object.body().read(buffer)) > 0; read += n) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] != (byte) ((read + i) % 251)) {
            throw new AssertionError("byte " + (read + i) + " differs");
          }
        }
      }
      assertThat(read).isEqualTo(size);
    } finally {
      reading.countDown();
    }
  }

  @Test
  void r2PutFromAFileSendsItsLengthAndStreamsIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.bin");
    long size = 100L * 1024 * 1024;
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] chunk = new byte[1 << 20];
      for (long at = 0; at < size; at += chunk.length) {
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = (byte) ((at + i) * 31 % 253);
        }
        out.write(chunk);
        expected.update(chunk);
      }
    }
    String[] seenLength = new String[2];
    byte[][] digest = new byte[1][];
    long[] received = new long[1];
    bridge.route("/v1/r2/MEDIA/put", (exchange, seen) -> {
      seenLength[0] = exchange.getRequestHeaders().getFirst("content-length");
      seenLength[1] = exchange.getRequestHeaders().getFirst("transfer-encoding");
      try (InputStream in = exchange.getRequestBody()) {
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          actual.update(buffer, 0, n);
          received[0] += n;
        }
        digest[0] = actual.digest();
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      FakeBridge.send(
          exchange,
          200,
          "application/json",
          ("{\"key\":\"big\",\"size\":" + received[0]
                  + ",\"etag\":\"e\",\"httpEtag\":\"\\\"e\\\"\",\"uploaded\":\"2026-01-01T00:00:00Z\","
                  + "\"contentType\":null,\"customMetadata\":{}}")
              .getBytes(StandardCharsets.UTF_8));
    });

    R2Object object = client.r2("MEDIA").put("big", file);

    assertThat(seenLength[0]).isEqualTo(Long.toString(size));
    assertThat(seenLength[1]).isNull();
    assertThat(received[0]).isEqualTo(size);
    assertThat(digest[0]).isEqualTo(expected.digest());
    assertThat(object.size()).isEqualTo(size);
  }

  @Test
  void r2PutFromAStreamSendsExactlyTheGivenLengthAndLeavesTheStreamOpen() throws IOException {
    boolean[] closed = new boolean[1];
    InputStream in = new ByteArrayInputStream("hello world".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    client.r2("MEDIA").put("s", in, 5, R2PutOptions.none());

    FakeBridge.Seen put = bridge.seen().get(0);
    assertThat(put.header("content-length")).isEqualTo("5");
    assertThat(put.body()).asString().isEqualTo("hello");
    assertThat(closed[0]).isFalse();
  }

  record Row(long id, String name, Double score) {}

  @Test
  void d1SendsSqlWithParamsAndReadsRowsInColumnOrder() throws IOException {
    bridge.d1Answer = JSON.readTree(
        "{\"results\":[{\"name\":\"a\",\"id\":1,\"score\":1.5,\"ok\":true,"
            + "\"extra\":null},{\"name\":\"b\",\"id\":2,\"score\":null,\"ok\":false,\"extra\":null}],"
            + "\"meta\":{\"changes\":0,\"last_row_id\":7,\"rows_read\":2,\"rows_written\":0,\"duration\":0.25}}");

    D1Result result = client
        .d1("DB")
        .query(
            "SELECT * FROM t WHERE a = ? AND b = ? AND c = ? AND d = ?", "ключ 😀", 3, null, true);

    FakeBridge.Seen query = bridge.seen().get(0);
    assertThat(query.method()).isEqualTo("POST");
    assertThat(JSON.readTree(query.body()))
        .isEqualTo(
            JSON.readTree("{\"sql\":\"SELECT * FROM t WHERE a = ? AND b = ? AND c = ? AND d = ?\","
                + "\"params\":[\"ключ 😀\",3,null,true]}"));
    assertThat(result.rows().get(0).keySet()).containsExactly("name", "id", "score", "ok", "extra");
    assertThat(result.rows().get(0).get("id")).isEqualTo(1L);
    assertThat(result.rows().get(0).get("score")).isEqualTo(1.5);
    assertThat(result.rows().get(0).get("ok")).isEqualTo(true);
    assertThat(result.rows().get(1).get("score")).isNull();
    assertThat(result.meta()).isEqualTo(new D1Meta(0, 7, 2, 0, 0.25));

    assertThat(client.d1("DB").query(Row.class, "SELECT * FROM t"))
        .containsExactly(new Row(1, "a", 1.5), new Row(2, "b", null));
  }

  @Test
  void queueMessagesAreJsonWithTheirDelay() throws IOException {
    client.queue("JOBS").send(Map.of("id", 1));
    client.queue("JOBS").send("later", Duration.ofMinutes(2));
    client.queue("JOBS").sendBatch(List.of(1, "two"));
    client.queue("JOBS").sendBatch(List.of());

    List<FakeBridge.Seen> seen = bridge.seen();
    assertThat(seen)
        .extracting(FakeBridge.Seen::path)
        .containsExactly("/v1/queue/JOBS/send", "/v1/queue/JOBS/send", "/v1/queue/JOBS/sendBatch");
    assertThat(JSON.readTree(seen.get(0).body())).isEqualTo(JSON.readTree("{\"body\":{\"id\":1}}"));
    assertThat(JSON.readTree(seen.get(1).body()))
        .isEqualTo(JSON.readTree("{\"body\":\"later\",\"delaySeconds\":120}"));
    assertThat(JSON.readTree(seen.get(2).body()))
        .isEqualTo(JSON.readTree("{\"messages\":[{\"body\":1},{\"body\":\"two\"}]}"));
  }

  @Test
  void serviceFetchForwardsMethodPathHeadersAndBodyAndStreamsTheAnswer() throws IOException {
    HttpResponse<InputStream> answer = client
        .service("API")
        .fetch(
            "PUT",
            "/items/a%20b?x=1&y=2",
            Map.of("x-trace", "t1"),
            BodyPublishers.ofString("payload"));

    FakeBridge.Seen request = bridge.seen().get(0);
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/v1/service/API/fetch/items/a%20b");
    assertThat(request.rawQuery()).isEqualTo("x=1&y=2");
    assertThat(request.header("x-trace")).isEqualTo("t1");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("x-echo-method")).contains("PUT");
    try (InputStream body = answer.body()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("payload");
    }
  }

  @Test
  void aStreamedBodyLeavesTheConnectionUsableForTheNextCall() throws IOException {
    client.kv("CACHE").put("k", "v");
    for (int i = 0; i < 20; i++) {
      assertThat(client.kv("CACHE").get("k")).contains("v");
      assertThat(client.kv("CACHE").get("absent")).isEmpty();
    }
    assertThat(new InetSocketAddress(bridge.uri().getHost(), bridge.uri().getPort()).isUnresolved())
        .isFalse();
  }

  @Test
  void aServicesOwnErrorIsAnAnswerButTheHandlersRefusalThrows() throws IOException {
    bridge.route(
        "/v1/service/API/fetch/forbidden",
        (exchange, request) ->
            FakeBridge.send(exchange, 403, "text/plain", "the service says no".getBytes(UTF_8)));
    HttpResponse<InputStream> own = client.service("API").get("/forbidden");
    assertThat(own.statusCode()).isEqualTo(403);
    try (InputStream body = own.body()) {
      assertThat(new String(body.readAllBytes(), UTF_8)).isEqualTo("the service says no");
    }

    assertThatThrownBy(() -> client.service("UNGRANTED").get("/anything"))
        .isInstanceOfSatisfying(BridgeException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.code()).isEqualTo("not_declared");
          assertThat(e.binding()).isEqualTo("UNGRANTED");
          assertThat(e.operation()).isEqualTo("service.fetch");
        });
  }
}

package dev.cfc.container.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfc.container.BridgeException;
import dev.cfc.container.D1Meta;
import dev.cfc.container.D1Result;
import dev.cfc.container.KvKey;
import dev.cfc.container.KvList;
import dev.cfc.container.KvListOptions;
import dev.cfc.container.KvPutOptions;
import dev.cfc.container.R2ListOptions;
import dev.cfc.container.R2Object;
import dev.cfc.container.R2ObjectBody;
import dev.cfc.container.R2Objects;
import dev.cfc.container.R2PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FakesTest {

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static Consumer<BridgeException> failure(String operation, int status, String code) {
    return e -> {
      assertThat(e.operation()).isEqualTo(operation);
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.code()).isEqualTo(code);
    };
  }

  @Test
  void inMemoryKvExpiresKeysByItsClock() {
    TestClock clock = new TestClock();
    InMemoryKv kv = new InMemoryKv(clock);
    kv.put("ttl", "v", KvPutOptions.ttl(Duration.ofSeconds(60)));
    kv.put("at", "v", KvPutOptions.expiresAt(clock.instant().plusSeconds(120)));
    kv.put("forever", "v");

    clock.advance(Duration.ofSeconds(59));
    assertThat(kv.get("ttl")).contains("v");
    assertThat(kv.list(KvListOptions.all()).keys())
        .extracting(KvKey::name)
        .containsExactly("at", "forever", "ttl");
    assertThat(kv.list("t").keys().get(0).expiration())
        .contains(Instant.parse("2026-01-01T00:01:00Z"));

    clock.advance(Duration.ofSeconds(1));
    assertThat(kv.get("ttl")).isEmpty();
    assertThat(kv.list(KvListOptions.all()).keys())
        .extracting(KvKey::name)
        .containsExactly("at", "forever");

    clock.advance(Duration.ofSeconds(60));
    assertThat(kv.get("at")).isEmpty();
    assertThat(kv.get("forever")).contains("v");
  }

  @Test
  void inMemoryKvListsInUtf8OrderWithPrefixAndCursorPaging() {
    InMemoryKv kv = new InMemoryKv();
    // "\uFF61" sorts before "😀" in UTF-8 (code point) order but after it in UTF-16 order.
    for (String key : List.of("b/2", "a/1", "b/1", "b/\uFF61", "b/😀", "c", "b/3")) {
      kv.put(key, key);
    }

    List<String> seen = new ArrayList<>();
    KvListOptions options = KvListOptions.prefix("b/").limit(2);
    KvList page;
    int pages = 0;
    do {
      page = kv.list(options);
      page.keys().forEach(k -> seen.add(k.name()));
      pages++;
      options = options.cursor(page.cursor().orElse(null));
      assertThat(page.cursor().isPresent()).isEqualTo(!page.complete());
    } while (!page.complete());

    assertThat(seen).containsExactly("b/1", "b/2", "b/3", "b/\uFF61", "b/😀");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void inMemoryKvKeepsMetadataAndCopiesValues() {
    InMemoryKv kv = new InMemoryKv();
    byte[] value = {1, 2, 3};
    kv.put("k", value, KvPutOptions.none().metadata(Map.of("a", "ключ")));
    value[0] = 9;

    var entry = kv.getWithMetadata("k").orElseThrow();
    assertThat(entry.value()).containsExactly(1, 2, 3);
    assertThat(entry.metadata().orElseThrow().get("a").asText()).isEqualTo("ключ");
    ((com.fasterxml.jackson.databind.node.ObjectNode) entry.metadata().orElseThrow())
        .put("a", "changed");
    assertThat(kv.getWithMetadata("k")
            .orElseThrow()
            .metadata()
            .orElseThrow()
            .get("a")
            .asText())
        .isEqualTo("ключ");
    assertThat(kv.list("k").keys().get(0).metadata()).isPresent();
    kv.delete("k");
    kv.delete("k");
    assertThat(kv.getBytes("k")).isEmpty();
  }

  @Test
  void inMemoryKvAppliesTheHandlersLimits() {
    InMemoryKv kv = new InMemoryKv("CACHE", Clock.systemUTC());
    assertThatThrownBy(() -> kv.put("", "v"))
        .isInstanceOfSatisfying(BridgeException.class, failure("kv.put", 400, "bad_request"))
        .hasMessageContaining("on CACHE");
    assertThatThrownBy(() -> kv.get(".."))
        .isInstanceOfSatisfying(BridgeException.class, failure("kv.get", 400, "bad_request"));
    kv.put("é".repeat(256), "v");
    assertThatThrownBy(() -> kv.put("é".repeat(256) + "x", "v"))
        .isInstanceOfSatisfying(BridgeException.class, failure("kv.put", 400, "bad_request"));
    assertThatThrownBy(() -> kv.put("k", new byte[25 * 1024 * 1024 + 1], KvPutOptions.none()))
        .isInstanceOfSatisfying(BridgeException.class, failure("kv.put", 413, "too_large"));
    assertThatThrownBy(() ->
            kv.put("k", "v", KvPutOptions.none().metadata(Map.of("m", "x".repeat(1020)))))
        .isInstanceOfSatisfying(BridgeException.class, failure("kv.put", 413, "too_large"));
    assertThatThrownBy(() -> kv.put("k", "v", KvPutOptions.ttl(Duration.ofSeconds(59))))
        .isInstanceOfSatisfying(BridgeException.class, failure("kv.put", 400, "bad_request"));
    assertThatThrownBy(() -> kv.list(KvListOptions.all().limit(1001)))
        .isInstanceOfSatisfying(BridgeException.class, failure("kv.list", 400, "bad_request"));
    assertThatThrownBy(() -> kv.get(null)).isInstanceOf(NullPointerException.class);
    assertThat(kv.get("k")).isEmpty();
  }

  @Test
  void jsonLimitsCountUtf8AsTheWorkerSeesItNotTheEscapedHeaderForm() {
    // 300 Cyrillic letters: 600 bytes of UTF-8, but 1800 once escaped as \\uXXXX.
    String text = "ж".repeat(300);
    new InMemoryKv().put("k", "v", KvPutOptions.none().metadata(Map.of("m", text)));
    new InMemoryR2()
        .put("k", new byte[0], R2PutOptions.none().customMetadata(Map.of("m", text + text)));
    new InMemoryQueue().send("ж".repeat(40_000));
    assertThatThrownBy(() ->
            new InMemoryKv().put("k", "v", KvPutOptions.none().metadata(Map.of("m", text + text))))
        .isInstanceOf(BridgeException.class);
  }

  @Test
  void inMemoryR2DescribesObjectsLikeR2() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);
    InMemoryR2 r2 = new InMemoryR2(clock);

    R2Object object = r2.put(
        "a.txt",
        "hello".getBytes(StandardCharsets.UTF_8),
        R2PutOptions.contentType("text/plain").customMetadata(Map.of("k", "v")));

    assertThat(object.etag()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    assertThat(object.httpEtag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    assertThat(object.size()).isEqualTo(5);
    assertThat(object.uploaded()).isEqualTo(clock.instant());
    assertThat(object.contentType()).contains("text/plain");
    assertThat(object.customMetadata()).isEqualTo(Map.of("k", "v"));
    assertThat(r2.head("a.txt")).contains(object);
    try (R2ObjectBody body = r2.get("a.txt").orElseThrow()) {
      assertThat(body.bytes()).asString().isEqualTo("hello");
    }
    r2.delete("a.txt");
    assertThat(r2.get("a.txt")).isEmpty();
    assertThat(r2.head("a.txt")).isEmpty();
  }

  @Test
  void inMemoryR2ReadsExactlyTheGivenLengthFromAStream() throws IOException {
    InMemoryR2 r2 = new InMemoryR2();
    r2.put(
        "s",
        new ByteArrayInputStream("hello world".getBytes(StandardCharsets.UTF_8)),
        5,
        R2PutOptions.none());
    assertThat(r2.get("s").orElseThrow().bytes()).asString().isEqualTo("hello");
    assertThatThrownBy(
            () -> r2.put("t", new ByteArrayInputStream(new byte[2]), 5, R2PutOptions.none()))
        .isInstanceOfSatisfying(BridgeException.class, failure("r2.put", 0, "io"));
    assertThat(r2.head("t")).isEmpty();
  }

  @Test
  void inMemoryR2ListsWithPrefixDelimiterAndCursorPaging() {
    InMemoryR2 r2 = new InMemoryR2();
    for (String key : List.of("v/a/1", "v/a/2", "v/b", "v/c/1", "v/d", "w")) {
      r2.put(key, new byte[0], R2PutOptions.none());
    }

    List<String> objects = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    R2ListOptions options = R2ListOptions.prefix("v/").delimiter("/").limit(2);
    R2Objects page;
    do {
      page = r2.list(options);
      page.objects().forEach(o -> objects.add(o.key()));
      prefixes.addAll(page.delimitedPrefixes());
      assertThat(page.objects().size() + page.delimitedPrefixes().size()).isLessThanOrEqualTo(2);
      options = options.cursor(page.cursor().orElse(null));
    } while (page.truncated());

    assertThat(objects).containsExactly("v/b", "v/d");
    assertThat(prefixes).containsExactly("v/a/", "v/c/");
    assertThat(r2.list(R2ListOptions.all()).objects()).hasSize(6);
    assertThat(r2.list("v/a/").objects())
        .extracting(R2Object::key)
        .containsExactly("v/a/1", "v/a/2");
  }

  @Test
  void inMemoryR2AppliesTheHandlersLimits() {
    InMemoryR2 r2 = new InMemoryR2("MEDIA", Clock.systemUTC());
    assertThatThrownBy(() -> r2.put("", new byte[0], R2PutOptions.none()))
        .isInstanceOfSatisfying(BridgeException.class, failure("r2.put", 400, "bad_request"))
        .hasMessageContaining("on MEDIA");
    assertThatThrownBy(() -> r2.head("k".repeat(1025)))
        .isInstanceOfSatisfying(BridgeException.class, failure("r2.head", 400, "bad_request"));
    assertThatThrownBy(() -> r2.put(
            "k", new byte[0], R2PutOptions.none().customMetadata(Map.of("m", "x".repeat(2048)))))
        .isInstanceOfSatisfying(BridgeException.class, failure("r2.put", 413, "too_large"));
    assertThatThrownBy(() -> r2.list(R2ListOptions.all().limit(0)))
        .isInstanceOfSatisfying(BridgeException.class, failure("r2.list", 400, "bad_request"));
    assertThat(r2.head("k")).isEmpty();
  }

  @Test
  void inMemoryQueueKeepsMessagesInOrderWithTheirDelays() {
    InMemoryQueue queue = new InMemoryQueue();
    queue.send(Map.of("id", 1));
    queue.send("later", Duration.ofMinutes(5));
    queue.sendBatch(List.of("x", "y"));

    assertThat(queue.bodies()).containsExactly(Map.of("id", 1), "later", "x", "y");
    assertThat(queue.sent())
        .extracting(InMemoryQueue.Message::delay)
        .containsExactly(Duration.ZERO, Duration.ofMinutes(5), Duration.ZERO, Duration.ZERO);
    assertThat(queue.sent().get(0).json().get("id").asInt()).isEqualTo(1);
  }

  @Test
  void inMemoryQueueAppliesTheHandlersLimits() {
    InMemoryQueue queue = new InMemoryQueue("JOBS");
    assertThatThrownBy(() -> queue.send("x".repeat(128 * 1024)))
        .isInstanceOfSatisfying(BridgeException.class, failure("queue.send", 413, "too_large"));
    assertThatThrownBy(() -> queue.send("x", Duration.ofHours(13)))
        .isInstanceOfSatisfying(BridgeException.class, failure("queue.send", 400, "bad_request"));
    assertThatThrownBy(() -> queue.sendBatch(java.util.Collections.nCopies(101, "m")))
        .isInstanceOfSatisfying(
            BridgeException.class, failure("queue.sendBatch", 413, "too_large"));
    assertThatThrownBy(
            () -> queue.sendBatch(java.util.Collections.nCopies(3, "x".repeat(100 * 1024))))
        .isInstanceOfSatisfying(
            BridgeException.class, failure("queue.sendBatch", 413, "too_large"));
    assertThat(queue.sent()).isEmpty();
  }

  record Item(long id, String name) {}

  @Test
  void stubD1AnswersScriptedStatementsAndRecordsEveryCall() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", 1L);
    row.put("name", "a");
    row.put("unused", null);
    StubD1 db = new StubD1("DB")
        .on("SELECT * FROM items", new D1Result(List.of(row), new D1Meta(0, 0, 1, 0, 0.1)))
        .on(
            "DELETE FROM items WHERE id = ?",
            params -> new D1Result(
                List.of(), new D1Meta(((Number) params.get(0)).longValue(), 0, 0, 1, 0.1)));

    assertThat(db.query(Item.class, "SELECT * FROM items")).containsExactly(new Item(1, "a"));
    assertThat(db.query("DELETE FROM items WHERE id = ?", 7).meta().changes()).isEqualTo(7);
    assertThatThrownBy(() -> db.query("SELECT * FROM itemz", (Object) null))
        .isInstanceOfSatisfying(BridgeException.class, failure("d1.query", 400, "query_error"))
        .hasMessageContaining("SELECT * FROM itemz");
    assertThatThrownBy(() -> db.query("SELECT ?", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 0");
    assertThatThrownBy(() -> db.query("SELECT 1", new Object[101]))
        .isInstanceOfSatisfying(BridgeException.class, failure("d1.query", 413, "too_large"));

    assertThat(db.queries())
        .extracting(StubD1.Query::sql)
        .containsExactly(
            "SELECT * FROM items", "DELETE FROM items WHERE id = ?", "SELECT * FROM itemz");
    assertThat(db.queries().get(2).params()).containsExactly((Object) null);
  }

  @Test
  void stubServiceAnswersScriptedRoutesAndOtherwise404() throws IOException {
    StubService api = new StubService("API")
        .on("GET", "/items", 200, "[]")
        .on(
            "POST",
            "/items",
            request -> new StubService.Response(
                201,
                Map.of("location", "/items/1"),
                ("got " + request.text()).getBytes(StandardCharsets.UTF_8)));

    HttpResponse<InputStream> list = api.get("/items?page=2");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body().readAllBytes()).asString().isEqualTo("[]");
    HttpResponse<InputStream> created =
        api.fetch("POST", "/items", Map.of("x-trace", "1"), BodyPublishers.ofString("thing"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("location")).contains("/items/1");
    assertThat(created.body().readAllBytes()).asString().isEqualTo("got thing");
    assertThat(api.fetch("DELETE", "/items", Map.of(), BodyPublishers.noBody()).statusCode())
        .isEqualTo(404);
    assertThatThrownBy(
            () -> api.fetch("GET", "/items", Map.of("cfc-x", "1"), BodyPublishers.noBody()))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(api.requests())
        .extracting(StubService.Request::pathAndQuery)
        .containsExactly("/items?page=2", "/items", "/items");
    assertThat(api.requests().get(1).headers()).containsEntry("x-trace", "1");
    assertThat(Arrays.toString(api.requests().get(1).body()))
        .isEqualTo(Arrays.toString("thing".getBytes(StandardCharsets.UTF_8)));
  }
}

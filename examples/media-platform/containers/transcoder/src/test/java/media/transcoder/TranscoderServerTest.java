package media.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfc.container.BridgeException;
import dev.cfc.container.R2ListOptions;
import dev.cfc.container.R2Object;
import dev.cfc.container.R2ObjectBody;
import dev.cfc.container.R2Objects;
import dev.cfc.container.R2PutOptions;
import dev.cfc.container.R2Reader;
import dev.cfc.container.testing.InMemoryQueue;
import dev.cfc.container.testing.InMemoryR2;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import media.generated.RequestMetadata;
import media.generated.TranscoderBridge;
import media.generated.TranscoderContainerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transcoder as the generated {@code TranscoderContainer} class sees it: both servers started
 * on ephemeral loopback ports with a configuration read by the generated
 * {@code TranscoderContainerConfig}, called over HTTP, with the Worker's bindings replaced by the
 * in-memory fakes of {@code cfc-container} through the generated {@code TranscoderBridge}.
 */
class TranscoderServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final InMemoryR2 uploads = new InMemoryR2();
  private final InMemoryQueue progress = new InMemoryQueue();
  /** What the app read from UPLOADS: how many streams, bytes and the largest single read. */
  private final AtomicInteger streamsOpened = new AtomicInteger();
  private final AtomicLong bytesStreamed = new AtomicLong();
  private final AtomicLong largestRead = new AtomicLong();
  private TranscoderServer server;

  @BeforeEach
  void start() throws IOException {
    TranscoderContainerConfig config = TranscoderContainerConfig.from(
        Map.of("TRANSCODER_API_KEY", "test-api-key", "LOG_LEVEL", "warn"));
    upload("intro-01/source.mp4", "0123456789".getBytes(StandardCharsets.UTF_8));
    upload("a/source.mp4", new byte[] {1, 2, 3});
    server = start(config, new TranscoderBridge(new Measured(uploads), progress));
  }

  private static TranscoderServer start(TranscoderContainerConfig config, TranscoderBridge bridge)
      throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    return TranscoderServer.start(config, bridge, new InetSocketAddress(loopback, 0),
        new InetSocketAddress(loopback, 0));
  }

  private void upload(String key, byte[] bytes) {
    uploads.put(key, bytes, new R2PutOptions("video/mp4", Map.of()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readinessProbeAnswers200OnTheWorkPort() throws Exception {
    HttpResponse<String> response = get(server.workPort(), "/ready");
    assertEquals(200, response.statusCode());
    assertEquals("ready\n", response.body());
  }

  @Test
  void livenessProbeAnswers204OnTheAdminPort() throws Exception {
    HttpResponse<String> response = get(server.adminPort(), "/live");
    assertEquals(204, response.statusCode());
    assertEquals("", response.body());
    assertEquals(404, get(server.workPort(), "/live").statusCode(), "not on the work port");
  }

  @Test
  void transcodeQueuesARenditionAndReportsTheWorkersRequestMetadata() throws Exception {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("id", "8f3c2a1b9d0e4f56-CDG");
    metadata.put("colo", "CDG");
    metadata.put("region", "Île-de-France");
    metadata.put("country", "FR");
    metadata.put("ip", "203.0.113.7");
    metadata.put("worker", "media-platform");
    metadata.put("method", "POST");
    metadata.put("path", "/transcode/intro-01");
    metadata.put("url", "https://media.example.com/transcode/intro-01?profile=1080p&a=b;c");

    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(uri(server.workPort(), "/transcode/intro-01?profile=1080p"))
            .timeout(TIMEOUT)
            .header(RequestMetadata.HEADER, header(metadata))
            .POST(HttpRequest.BodyPublishers.ofString("0123456789"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(202, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("content-type").orElse("")
        .startsWith("application/json"));
    String body = response.body();
    assertTrue(body.startsWith("{\"video\":\"intro-01\",\"profile\":\"1080p\",\"status\":\"queued\","
        + "\"output\":\"r2://media-renditions/intro-01/1080p.mp4\",\"signature\":\""), body);
    assertTrue(body.matches("(?s).*\"signature\":\"[0-9a-f]{64}\".*"), body);
    assertTrue(body.endsWith("\"source\":\"intro-01/source.mp4\",\"sourceBytes\":10,"
        + "\"sourceSha256\":\"" + sha256("0123456789".getBytes(StandardCharsets.UTF_8)) + "\","
        + "\"requestId\":\"8f3c2a1b9d0e4f56-CDG\","
        + "\"colo\":\"CDG\",\"country\":\"FR\",\"worker\":\"media-platform\"}\n"), body);
    assertFalse(body.contains("test-api-key"), "the secret never leaves the container");
    assertEquals(List.of(
            "{\"videoId\":\"intro-01\",\"stage\":\"reading\",\"percent\":0}",
            "{\"videoId\":\"intro-01\",\"stage\":\"reading\",\"percent\":100}",
            "{\"videoId\":\"intro-01\",\"stage\":\"queued\",\"percent\":100}"),
        progressSent());
  }

  @Test
  void aLargeSourceIsStreamedInChunksWithProgressEachQuarter() throws Exception {
    byte[] video = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(video);
    upload("uploads/big take.mp4", video);

    HttpResponse<String> response = post(server.workPort(),
        "/transcode/big-01?profile=1080p&source=uploads%2Fbig%20take.mp4", null);

    assertEquals(202, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"source\":\"uploads/big take.mp4\",\"sourceBytes\":"
        + video.length + ",\"sourceSha256\":\"" + sha256(video) + "\""), response.body());
    assertEquals(1, streamsOpened.get());
    assertEquals(video.length, bytesStreamed.get());
    assertTrue(largestRead.get() <= TranscoderServer.CHUNK_BYTES,
        "read in chunks, never whole: largest read " + largestRead.get());
    assertEquals(List.of(0, 25, 50, 75, 100, 100),
        progress.sent().stream().map(m -> m.json().get("percent").asInt()).toList());
    assertEquals("queued", progress.sent().get(5).json().get("stage").asText());
  }

  @Test
  void theAppRunsOnInMemoryBindings() throws Exception {
    // region fakes
    InMemoryR2 videos = new InMemoryR2(); // R2Bucket: the test seeds what the app only reads
    videos.put("intro-01/source.mp4", new byte[] {1, 2, 3}, R2PutOptions.contentType("video/mp4"));
    InMemoryQueue sent = new InMemoryQueue(); // records each message, as JSON, in sent()
    TranscoderBridge bridge = new TranscoderBridge(videos, sent);

    try (TranscoderServer app = start(TranscoderContainerConfig.from(
        Map.of("TRANSCODER_API_KEY", "k", "LOG_LEVEL", "warn")), bridge)) {
      assertEquals(202, post(app.workPort(), "/transcode/intro-01", null).statusCode());
    }
    assertEquals("{\"videoId\":\"intro-01\",\"stage\":\"queued\",\"percent\":100}",
        sent.sent().get(2).json().toString());
    // endregion
  }

  @Test
  void aMissingSourceIsA404AndReportsNoProgress() throws Exception {
    HttpResponse<String> response =
        post(server.workPort(), "/transcode/intro-01?source=nowhere.mp4", null);
    assertEquals(404, response.statusCode());
    assertEquals("no source video nowhere.mp4 in UPLOADS\n", response.body());
    assertEquals(List.of(), progress.sent());
    HttpResponse<String> status = get(server.adminPort(), "/admin/status");
    assertTrue(status.body().contains("\"jobs\":0"), status.body());
  }

  @Test
  void aFailingBindingIsA502NamingIt() throws Exception {
    server.close();
    R2Reader failing = new Measured(uploads) {
      @Override
      public Optional<R2ObjectBody> get(String key) {
        throw new BridgeException("UPLOADS", "r2.get", 503, "unavailable",
            "the bucket is unavailable", null);
      }
    };
    server = start(TranscoderContainerConfig.from(Map.of("TRANSCODER_API_KEY", "k",
        "LOG_LEVEL", "warn")), new TranscoderBridge(failing, progress));

    HttpResponse<String> response = post(server.workPort(), "/transcode/intro-01", null);

    assertEquals(502, response.statusCode());
    assertTrue(response.body().startsWith("the Worker's bindings failed: "), response.body());
    assertTrue(response.body().contains("UPLOADS"), response.body());
  }

  @Test
  void aRequestThatDidNotComeThroughTheWorkerHasNoMetadata() throws Exception {
    HttpResponse<String> response = post(server.workPort(), "/transcode/intro-01", null);
    assertEquals(202, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"profile\":\"720p\""), response.body());
    assertTrue(response.body().contains("\"requestId\":\"\",\"colo\":\"\""), response.body());
  }

  @Test
  void metadataOfAnotherVersionIsRejected() throws Exception {
    HttpResponse<String> response = post(server.workPort(), "/transcode/intro-01", "v=2;id=x");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().startsWith("bad x-cfc-metadata: unsupported x-cfc-metadata"
        + " version \"2\""), response.body());
  }

  @Test
  void badRequestsAreRefusedWithTheReason() throws Exception {
    assertEquals(405, get(server.workPort(), "/transcode/intro-01").statusCode());
    assertEquals(400, post(server.workPort(), "/transcode/..%2Fetc", null).statusCode());
    HttpResponse<String> profile = post(server.workPort(), "/transcode/a?profile=4k", null);
    assertEquals(400, profile.statusCode());
    assertTrue(profile.body().startsWith("unknown profile 4k"), profile.body());
    HttpResponse<String> empty = post(server.workPort(), "/transcode/a?source=", null);
    assertEquals(400, empty.statusCode());
    assertEquals("bad query: source is empty\n", empty.body());
    HttpResponse<String> tooLong =
        post(server.workPort(), "/transcode/a?source=" + "k".repeat(1025), null);
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.body().startsWith("bad source key: "), tooLong.body());
    assertEquals(404, get(server.workPort(), "/").statusCode());
  }

  @Test
  void adminStatusCountsJobsAndHidesTheSecret() throws Exception {
    post(server.workPort(), "/transcode/a", null);
    post(server.workPort(), "/transcode/a?profile=360p", null);
    HttpResponse<String> response = get(server.adminPort(), "/admin/status");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().startsWith("{\"ready\":true,\"jobs\":2,\"config\":"
        + "\"TranscoderContainerConfig[logLevel=warn, outputBucket=media-renditions,"
        + " transcoderApiKey=(hidden), defaultPort=8080, port8080=8080, port9090=9090]\"}"),
        response.body());
  }

  @Test
  void closingStopsBothServers() {
    int work = server.workPort();
    int admin = server.adminPort();
    server.close();
    assertThrows(IOException.class, () -> get(work, "/ready"));
    assertThrows(IOException.class, () -> get(admin, "/live"));
  }

  @Test
  void startingWithoutTheWorkerSecretNamesIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TranscoderContainerConfig.from(Map.of("LOG_LEVEL", "debug")));
    assertEquals("cfc: container transcoder cannot start, missing environment variables:"
        + " TRANSCODER_API_KEY", e.getMessage());
  }

  @Test
  void envValuesFallBackToTheDefinitionAndPortsAreTheDefinitions() {
    TranscoderContainerConfig config =
        TranscoderContainerConfig.from(Map.of("TRANSCODER_API_KEY", "k"));
    assertEquals("info", config.logLevel());
    assertEquals("media-renditions", config.outputBucket());
    assertEquals(8080, config.defaultPort());
    assertEquals(9090, config.port9090());
  }

  private List<String> progressSent() {
    return progress.sent().stream().map(m -> m.json().toString()).toList();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** UPLOADS as the app sees it, counting what the app reads from each object's stream. */
  private class Measured implements R2Reader {
    private final R2Reader bucket;

    Measured(R2Reader bucket) {
      this.bucket = bucket;
    }

    @Override
    public Optional<R2ObjectBody> get(String key) {
      return bucket.get(key).map(found -> {
        streamsOpened.incrementAndGet();
        return new R2ObjectBody(found.object(), new FilterInputStream(found.body()) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            largestRead.accumulateAndGet(length, Math::max);
            int n = super.read(buffer, offset, length);
            bytesStreamed.addAndGet(Math.max(n, 0));
            return n;
          }

          @Override
          public int read() throws IOException {
            int b = super.read();
            bytesStreamed.addAndGet(b < 0 ? 0 : 1);
            return b;
          }
        });
      });
    }

    @Override
    public Optional<R2Object> head(String key) {
      return bucket.head(key);
    }

    @Override
    public R2Objects list(R2ListOptions options) {
      return bucket.list(options);
    }
  }

  /** The header as the Worker side writes it: {@code v=1} then encodeURIComponent values. */
  private static String header(Map<String, String> fields) {
    StringJoiner header = new StringJoiner(";");
    header.add("v=1");
    fields.forEach((key, value) -> header.add(key + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    return header.toString();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(port, path)).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String path, String metadataHeader)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.noBody());
    if (metadataHeader != null) {
      request.header(RequestMetadata.HEADER, metadataHeader);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String pathAndQuery) {
    return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port
        + pathAndQuery);
  }
}

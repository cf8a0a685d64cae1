package media.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import media.generated.RequestMetadata;
import media.generated.TranscoderContainerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transcoder as the generated {@code TranscoderContainer} class sees it: both servers started
 * on ephemeral loopback ports with a configuration read by the generated
 * {@code TranscoderContainerConfig}, called over HTTP.
 */
class TranscoderServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private TranscoderServer server;

  @BeforeEach
  void start() throws IOException {
    TranscoderContainerConfig config = TranscoderContainerConfig.from(
        Map.of("TRANSCODER_API_KEY", "test-api-key", "LOG_LEVEL", "warn"));
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server = TranscoderServer.start(config, new InetSocketAddress(loopback, 0),
        new InetSocketAddress(loopback, 0));
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
    assertTrue(body.endsWith("\"sourceBytes\":10,\"requestId\":\"8f3c2a1b9d0e4f56-CDG\","
        + "\"colo\":\"CDG\",\"country\":\"FR\",\"worker\":\"media-platform\"}\n"), body);
    assertFalse(body.contains("test-api-key"), "the secret never leaves the container");
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

package media.transcoder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfc.container.BridgeException;
import dev.cfc.container.R2ObjectBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import media.generated.RequestMetadata;
import media.generated.TranscoderBridge;
import media.generated.TranscoderContainerConfig;

/**
 * The transcoder's two HTTP servers, on the two ports of its definition
 * ({@code requiredPorts(8080, 9090)}):
 *
 * <ul>
 *   <li>work port: {@code GET /ready} (the readiness probe {@code Probe.path("/ready")}) and
 *       {@code POST /transcode/<videoId>?profile=720p&source=<key>}, which streams the source
 *       video from the R2 bucket {@code UPLOADS} through the bridge (default key
 *       {@code <videoId>/source.mp4}; {@code 404} when there is none), reports its progress to
 *       the queue {@code PROGRESS}, queues a rendition and answers {@code 202} with where it
 *       will be written and the Worker's request metadata;
 *   <li>admin port: {@code GET /live} ({@code 204}, the probe
 *       {@code Probe.path("/live").port(9090).status(204)}) and {@code GET /admin/status}.
 * </ul>
 *
 * <p>The Worker reaches the work port through {@code containers(env).transcoder.get(id)} and the
 * admin port through {@code .port(9090)}. Transcoding itself is out of scope: the source is read
 * and digested, and a job is recorded, not run.
 */
public final class TranscoderServer implements AutoCloseable {

  private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Set<String> PROFILES = Set.of("360p", "720p", "1080p");
  private static final String DEFAULT_PROFILE = "720p";
  /** How much of the source is held at once: it is streamed, never read whole. */
  static final int CHUNK_BYTES = 64 * 1024;

  private final TranscoderContainerConfig config;
  private final TranscoderBridge bridge;
  private final HttpServer work;
  private final HttpServer admin;
  private final ExecutorService executor;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<String, String> jobs = new ConcurrentHashMap<>();

  private TranscoderServer(TranscoderContainerConfig config, TranscoderBridge bridge,
      HttpServer work, HttpServer admin, ExecutorService executor) {
    this.config = config;
    this.bridge = bridge;
    this.work = work;
    this.admin = admin;
    this.executor = executor;
  }

  /**
   * Binds both ports and starts serving; {@code /ready} answers 200 once this returns.
   *
   * @param config the container's configuration
   * @param bridge the Worker's bindings: {@code TranscoderBridge.connect()} in the container,
   *     {@code TranscoderBridge.inMemory()} in tests
   * @param workAddress where to serve {@code /ready} and {@code /transcode} (port 0: any)
   * @param adminAddress where to serve {@code /live} and {@code /admin/status} (port 0: any)
   * @return the running server
   * @throws IOException when a port cannot be bound
   */
  public static TranscoderServer start(TranscoderContainerConfig config, TranscoderBridge bridge,
      InetSocketAddress workAddress, InetSocketAddress adminAddress) throws IOException {
    HttpServer work = HttpServer.create(workAddress, 0);
    HttpServer admin;
    try {
      admin = HttpServer.create(adminAddress, 0);
    } catch (IOException e) {
      work.stop(0);
      throw e;
    }
    ExecutorService executor = Executors.newFixedThreadPool(8);
    TranscoderServer server = new TranscoderServer(config, bridge, work, admin, executor);
    work.createContext("/", server::handleWork);
    admin.createContext("/", server::handleAdmin);
    work.setExecutor(executor);
    admin.setExecutor(executor);
    work.start();
    admin.start();
    server.ready.set(true);
    return server;
  }

  /** The bound work port. */
  public int workPort() {
    return work.getAddress().getPort();
  }

  /** The bound admin port. */
  public int adminPort() {
    return admin.getAddress().getPort();
  }

  /** Stops both servers at once; see {@link #stop(int)}. */
  @Override
  public void close() {
    stop(0);
  }

  /**
   * Stops answering ready, lets exchanges in progress finish for up to {@code graceSeconds},
   * then stops both servers; a second call does nothing.
   *
   * @param graceSeconds how long to wait for exchanges in progress
   */
  public void stop(int graceSeconds) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ready.set(false);
    work.stop(graceSeconds);
    admin.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handleWork(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/ready")) {
        if (ready.get()) {
          send(exchange, 200, "text/plain", "ready\n");
        } else {
          send(exchange, 503, "text/plain", "stopping\n");
        }
      } else if (path.startsWith("/transcode/")) {
        transcode(exchange, path.substring("/transcode/".length()));
      } else {
        send(exchange, 404, "text/plain", "not found\n");
      }
    }
  }

  private void transcode(HttpExchange exchange, String videoId) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("allow", "POST");
      send(exchange, 405, "text/plain", "method not allowed\n");
      return;
    }
    if (!VIDEO_ID.matcher(videoId).matches()) {
      send(exchange, 400, "text/plain", "bad video id\n");
      return;
    }
    String profile;
    String sourceKey;
    try {
      profile = query(exchange, "profile", DEFAULT_PROFILE);
      sourceKey = query(exchange, "source", videoId + "/source.mp4");
      if (sourceKey.isEmpty()) {
        throw new IllegalArgumentException("source is empty");
      }
    } catch (IllegalArgumentException e) {
      send(exchange, 400, "text/plain", "bad query: " + e.getMessage() + "\n");
      return;
    }
    if (!PROFILES.contains(profile)) {
      send(exchange, 400, "text/plain", "unknown profile " + profile + "; one of " + PROFILES
          + "\n");
      return;
    }
    // The generated TranscoderContainer class adds x-cfc-metadata to every request it forwards
    // (forwardMetadata(true)); a request that did not come through the Worker has none.
    RequestMetadata metadata;
    try {
      metadata = RequestMetadata.from(exchange.getRequestHeaders().getFirst(RequestMetadata.HEADER))
          .orElse(null);
    } catch (IllegalArgumentException e) {
      send(exchange, 400, "text/plain", "bad " + RequestMetadata.HEADER + ": " + e.getMessage()
          + "\n");
      return;
    }
    SourceDigest source;
    try {
      Optional<SourceDigest> read = readSource(videoId, sourceKey);
      if (read.isEmpty()) {
        send(exchange, 404, "text/plain", "no source video " + sourceKey + " in UPLOADS\n");
        return;
      }
      source = read.get();
      progress(videoId, "queued", 100);
    } catch (BridgeException e) {
      if (e.code().equals("bad_request")) {
        // The handler refused the key itself, e.g. longer than R2 allows: the caller's mistake.
        send(exchange, 400, "text/plain", "bad source key: " + e.getMessage() + "\n");
        return;
      }
      // Names the binding, the operation and the handler's code, e.g. "r2.get on UPLOADS".
      log("error", e.getMessage());
      send(exchange, 502, "text/plain", "the Worker's bindings failed: " + e.getMessage()
          + "\n");
      return;
    } catch (IOException e) {
      // The stream broke off or ended short.
      log("error", e.getMessage());
      send(exchange, 502, "text/plain", "the Worker's bindings failed: " + e.getMessage()
          + "\n");
      return;
    }

    String output = "r2://" + config.outputBucket() + "/" + videoId + "/" + profile + ".mp4";
    jobs.put(videoId + "/" + profile, output);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("video", videoId);
    body.put("profile", profile);
    body.put("status", "queued");
    body.put("output", output);
    body.put("signature", sign(videoId + "/" + profile));
    body.put("source", sourceKey);
    body.put("sourceBytes", source.bytes());
    body.put("sourceSha256", source.sha256());
    body.put("requestId", metadata == null ? "" : metadata.id());
    body.put("colo", metadata == null ? "" : metadata.colo());
    body.put("country", metadata == null ? "" : metadata.country());
    body.put("worker", metadata == null ? "" : metadata.worker());
    log("info", "queued " + videoId + "/" + profile
        + (metadata == null ? "" : " ray=" + metadata.id() + " colo=" + metadata.colo()));
    send(exchange, 202, "application/json", Json.object(body) + "\n");
  }

  /** The size and SHA-256 of a source video, read once as a stream. */
  private record SourceDigest(long bytes, String sha256) {}

  /**
   * Streams the source from UPLOADS in {@link #CHUNK_BYTES} reads, sending a progress message
   * at 0% and each further quarter read; empty when there is no such object.
   */
  private Optional<SourceDigest> readSource(String videoId, String key) throws IOException {
    Optional<R2ObjectBody> found = bridge.uploads().get(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest sha256 = sha256();
    long size;
    long read = 0;
    try (R2ObjectBody object = found.get(); InputStream in = object.body()) {
      size = object.object().size();
      progress(videoId, "reading", 0);
      int reported = 0;
      byte[] chunk = new byte[CHUNK_BYTES];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        sha256.update(chunk, 0, n);
        read += n;
        int quarter = size == 0 ? 4 : (int) Math.min(4, read * 4 / size);
        if (quarter > reported) {
          reported = quarter;
          progress(videoId, "reading", quarter * 25);
        }
      }
    }
    if (read != size) {
      throw new IOException("source " + key + " ended after " + read + " of " + size + " bytes");
    }
    return Optional.of(new SourceDigest(read, HexFormat.of().formatHex(sha256.digest())));
  }

  /** One message to PROGRESS, as the Worker's queue consumer expects it. */
  private void progress(String videoId, String stage, int percent) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("videoId", videoId);
    message.put("stage", stage);
    message.put("percent", percent);
    bridge.progress().send(message);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private void handleAdmin(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/live")) {
        exchange.sendResponseHeaders(204, -1);
      } else if (path.equals("/admin/status")) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", ready.get());
        body.put("jobs", jobs.size());
        // The record's toString hides the secret's value.
        body.put("config", config.toString());
        send(exchange, 200, "application/json", Json.object(body) + "\n");
      } else {
        send(exchange, 404, "text/plain", "not found\n");
      }
    }
  }

  /** HMAC-SHA256 of {@code text} under the Worker secret {@code TRANSCODER_API_KEY}. */
  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(config.transcoderApiKey().getBytes(StandardCharsets.UTF_8),
          "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private void log(String level, String message) {
    if (level.equals("info") && config.logLevel().matches("warn|error")) {
      return;
    }
    System.out.println(level + " " + message);
  }

  private static String query(HttpExchange exchange, String name, String fallback) {
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return fallback;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return fallback;
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", contentType + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}

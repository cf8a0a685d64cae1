package media.transcoder;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import media.generated.RequestMetadata;
import media.generated.TranscoderContainerConfig;

/**
 * The transcoder container's Java app (JDK HttpServer, no framework). The docs quote its
 * regions; the docs test compiles it with {@code -Xlint:all -Werror} against the Java cfc
 * generates into the tour's {@code java-out}.
 */
public final class TranscoderApp {

  private TranscoderApp() {}

  public static void main(String[] args) throws IOException {
    // region config
    // Fails at start-up with one message naming every missing secret and Secrets Store value.
    TranscoderContainerConfig config = TranscoderContainerConfig.fromEnv();
    // endregion
    HttpServer server = HttpServer.create(new InetSocketAddress(config.defaultPort()), 0);
    server.createContext("/ready", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.createContext("/transcode", exchange -> {
      // region metadata
      Optional<RequestMetadata> metadata =
          RequestMetadata.from(exchange.getRequestHeaders().getFirst(RequestMetadata.HEADER));
      String requestId = metadata.map(RequestMetadata::id).orElse("-");
      String country = metadata.map(RequestMetadata::country).orElse("");
      // endregion
      byte[] body = ("transcoding for " + country + " (ray " + requestId + "), log level "
          + config.logLevel() + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(202, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }
}

package media.transcoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import media.generated.TranscoderBridge;
import media.generated.TranscoderContainerConfig;

/**
 * The container's entry point ({@code java -jar transcoder.jar}): reads the configuration the
 * generated {@code TranscoderContainer} class passes in as environment variables, connects to
 * the Worker's bindings through the bridge, and serves the work port and the admin port the
 * definition declares until the container is stopped.
 */
public final class TranscoderApp {

  private TranscoderApp() {}

  /**
   * Starts the server; exits with status 1 when configuration is missing.
   *
   * @param args ignored
   * @throws IOException when a port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    TranscoderContainerConfig config;
    try {
      // Names every missing variable at once, e.g. "... missing environment variables:
      // TRANSCODER_API_KEY".
      config = TranscoderContainerConfig.fromEnv();
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    // One client for the process: http://bridge.cfc.internal, which the generated class answers
    // (CFC_BRIDGE_URL points it elsewhere, e.g. at a local handler). Nothing connects until the
    // first call.
    TranscoderBridge bridge = TranscoderBridge.connect();
    TranscoderServer server = TranscoderServer.start(config, bridge,
        new InetSocketAddress(config.port8080()), new InetSocketAddress(config.port9090()));
    // The platform sends SIGTERM before it stops the container: stop answering ready, give
    // requests in progress a few seconds, then exit.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(5), "shutdown"));
    System.out.println("transcoder listening on " + server.workPort() + " and "
        + server.adminPort() + " with " + config);
  }
}

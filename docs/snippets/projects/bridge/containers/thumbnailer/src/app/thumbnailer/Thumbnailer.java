package app.thumbnailer;

import app.generated.ThumbnailerBridge;
import dev.cfc.container.BridgeException;
import dev.cfc.container.R2ObjectBody;
import dev.cfc.container.R2PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The thumbnailer container's app, as far as the bridge goes. The docs quote its regions; the
 * docs test compiles it with {@code -Xlint:all -Werror} against the generated
 * {@code ThumbnailerBridge} and cfc-container.
 */
public final class Thumbnailer {

  /** A progress message; the queue's consumer receives it as JSON. */
  public record Progress(String key, String stage) {}

  private final ThumbnailerBridge bridge;

  Thumbnailer(ThumbnailerBridge bridge) {
    this.bridge = bridge;
  }

  public static void main(String[] args) throws IOException {
    // region connect
    // Once per process; thread-safe. Sends to http://bridge.cfc.internal, or to CFC_BRIDGE_URL
    // when that is set; nothing connects until the first call.
    ThumbnailerBridge bridge = ThumbnailerBridge.connect();
    // endregion
    new Thumbnailer(bridge).thumbnail(args[0]);
  }

  /** Makes the thumbnail of the image {@code key}; false when there is no such image. */
  boolean thumbnail(String key) throws IOException {
    // region calls
    String size = bridge.cache().get("sizes").orElse("320x180"); // KvReader: no put, no delete

    Optional<R2ObjectBody> found = bridge.media().get(key); // empty: no such object
    if (found.isEmpty()) {
      return false;
    }
    Path scratch = Files.createTempFile("thumb", ".jpg");
    try (R2ObjectBody image = found.get(); InputStream body = image.body()) {
      // The body streams from the Worker as it is read; it is never held whole.
      resize(body, size, scratch);
    }
    // From a file: the length is known up front and the put is retried on a connection failure.
    bridge.media().put("thumbs/" + key, scratch, R2PutOptions.contentType("image/jpeg"));

    bridge.progress().send(new Progress(key, "done")); // JSON through Jackson; sent once
    // endregion
    return true;
  }

  /** Reports a refused or failed call; the caller decides whether to try again. */
  static String describe(BridgeException e) {
    // region errors
    // e.g. "bridge: r2.put on MEDIA failed: 413 too_large: ..." or, with no answer, code "io"
    return e.binding() + " " + e.operation() + " " + e.status() + " " + e.code();
    // endregion
  }

  private static void resize(InputStream in, String size, Path out) throws IOException {
    try (OutputStream file = Files.newOutputStream(out)) {
      in.transferTo(file); // a real app would scale the image to `size` here
    }
  }
}

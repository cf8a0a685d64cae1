package dev.cfc.container;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An R2 object and its body, streamed from the Worker as it is read ({@code R2ObjectBody}).
 * Closing it closes the stream and frees the connection.
 *
 * @param object its description
 * @param body its bytes
 */
public record R2ObjectBody(R2Object object, InputStream body) implements Closeable {

  /** Reads the whole body; only for objects known to be small. */
  public byte[] bytes() throws IOException {
    try (InputStream in = body) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}

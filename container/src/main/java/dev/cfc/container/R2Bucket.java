package dev.cfc.container;

import java.io.InputStream;
import java.nio.file.Path;

/** An R2 bucket granted with writes ({@code R2Bucket.put}, {@code delete}). */
public interface R2Bucket extends R2Reader {

  /**
   * Uploads the file's bytes, streamed with their length, under {@code key}. Tried again on a
   * connection failure, 429, 502 or 503, since the file can be sent again whole.
   */
  R2Object put(String key, Path file, R2PutOptions options);

  /** Uploads the file's bytes under {@code key}, with no content type or metadata. */
  default R2Object put(String key, Path file) {
    return put(key, file, R2PutOptions.none());
  }

  /**
   * Uploads exactly {@code length} bytes read from {@code body} under {@code key}, streamed; R2
   * needs the length before the first byte. The stream is read, not closed. Not retried.
   */
  R2Object put(String key, InputStream body, long length, R2PutOptions options);

  /** Uploads {@code bytes} under {@code key}; tried again like a put from a file. */
  R2Object put(String key, byte[] bytes, R2PutOptions options);

  /** Deletes the object under {@code key}; deleting one that does not exist succeeds. */
  void delete(String key);
}

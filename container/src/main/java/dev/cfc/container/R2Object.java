package dev.cfc.container;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The description of an R2 object ({@code R2Object}).
 *
 * @param key its key
 * @param size its size in bytes
 * @param etag its etag, unquoted
 * @param httpEtag its etag as an HTTP header value, quoted
 * @param uploaded when it was written
 * @param contentType {@code httpMetadata.contentType}, if set
 * @param customMetadata {@code customMetadata}
 */
public record R2Object(
    String key,
    long size,
    String etag,
    String httpEtag,
    Instant uploaded,
    Optional<String> contentType,
    Map<String, String> customMetadata) {

  public R2Object {
    customMetadata = Map.copyOf(customMetadata);
  }
}

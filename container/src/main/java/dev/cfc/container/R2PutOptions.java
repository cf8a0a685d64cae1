package dev.cfc.container;

import java.util.Map;

/**
 * Content type and custom metadata of an R2 write ({@code httpMetadata.contentType},
 * {@code customMetadata}).
 *
 * @param contentType the content type, or null
 * @param customMetadata string pairs stored with the object (at most 2048 bytes as JSON)
 */
public record R2PutOptions(String contentType, Map<String, String> customMetadata) {

  public R2PutOptions {
    customMetadata = Map.copyOf(customMetadata);
  }

  /** No content type, no metadata. */
  public static R2PutOptions none() {
    return new R2PutOptions(null, Map.of());
  }

  /** Stored with {@code contentType}. */
  public static R2PutOptions contentType(String contentType) {
    return new R2PutOptions(contentType, Map.of());
  }

  /** The same options with {@code metadata} stored beside the object. */
  public R2PutOptions customMetadata(Map<String, String> metadata) {
    return new R2PutOptions(contentType, metadata);
  }
}

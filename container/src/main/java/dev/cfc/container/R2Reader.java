package dev.cfc.container;

import java.util.Optional;

/** The reads of an R2 bucket ({@code R2Bucket.get}, {@code head}, {@code list}). */
public interface R2Reader {

  /**
   * The object under {@code key} with its body as a stream read from the Worker as it is
   * consumed (never buffered whole), or empty when there is no such object. Close it.
   */
  Optional<R2ObjectBody> get(String key);

  /** The description of the object under {@code key}, or empty when there is none. */
  Optional<R2Object> head(String key);

  /** One page of objects ({@code R2Bucket.list}); follow {@link R2Objects#cursor()}. */
  R2Objects list(R2ListOptions options);

  /** The first page of objects whose key starts with {@code prefix}. */
  default R2Objects list(String prefix) {
    return list(R2ListOptions.prefix(prefix));
  }
}

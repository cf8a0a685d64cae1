package dev.cfc.container;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The reads of a Workers KV namespace ({@code KVNamespace.get}, {@code getWithMetadata}, {@code list}). */
public interface KvReader {

  /** The value of {@code key} as UTF-8 text, or empty when the key does not exist. */
  default Optional<String> get(String key) {
    return getBytes(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** The value of {@code key} as bytes, or empty when the key does not exist. */
  default Optional<byte[]> getBytes(String key) {
    return getWithMetadata(key).map(KvEntry::value);
  }

  /** The value of {@code key} with its metadata, or empty when the key does not exist. */
  Optional<KvEntry> getWithMetadata(String key);

  /** One page of keys ({@code KVNamespace.list}); follow {@link KvList#cursor()} for the next. */
  KvList list(KvListOptions options);

  /** The first page of keys starting with {@code prefix}. */
  default KvList list(String prefix) {
    return list(KvListOptions.prefix(prefix));
  }
}

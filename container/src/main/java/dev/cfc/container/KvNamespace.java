package dev.cfc.container;

import java.nio.charset.StandardCharsets;

/** A Workers KV namespace granted with writes ({@code KVNamespace.put}, {@code delete}). */
public interface KvNamespace extends KvReader {

  /** Writes {@code value} under {@code key} with the given expiry and metadata. */
  void put(String key, byte[] value, KvPutOptions options);

  /** Writes UTF-8 text under {@code key}, with no expiry or metadata. */
  default void put(String key, String value) {
    put(key, value.getBytes(StandardCharsets.UTF_8), KvPutOptions.none());
  }

  /** Writes UTF-8 text under {@code key} with the given expiry and metadata. */
  default void put(String key, String value, KvPutOptions options) {
    put(key, value.getBytes(StandardCharsets.UTF_8), options);
  }

  /** Deletes {@code key}; deleting a key that does not exist succeeds. */
  void delete(String key);
}

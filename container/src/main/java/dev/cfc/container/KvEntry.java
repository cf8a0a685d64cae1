package dev.cfc.container;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A KV value with its metadata ({@code KVNamespace.getWithMetadata}).
 *
 * @param value the value's bytes
 * @param metadata the JSON metadata stored with the value, or empty
 */
public record KvEntry(byte[] value, Optional<JsonNode> metadata) {

  public KvEntry {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The value as UTF-8 text. */
  public String text() {
    return new String(value, StandardCharsets.UTF_8);
  }
}

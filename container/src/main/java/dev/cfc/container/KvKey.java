package dev.cfc.container;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One key of a KV listing.
 *
 * @param name the key
 * @param expiration when the key expires, if it does
 * @param metadata its JSON metadata, if any
 */
public record KvKey(String name, Optional<Instant> expiration, Optional<JsonNode> metadata) {}

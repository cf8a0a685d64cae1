package dev.cfc.container.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfc.container.KvEntry;
import dev.cfc.container.KvKey;
import dev.cfc.container.KvList;
import dev.cfc.container.KvListOptions;
import dev.cfc.container.KvNamespace;
import dev.cfc.container.KvPutOptions;
import dev.cfc.container.internal.Wire;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A KV namespace held in memory. Keys expire by the given {@link Clock}; {@link #list} returns
 * keys in UTF-8 byte order, paged with an opaque cursor. Applies the bridge handler's limits
 * (key 1–512 bytes and not {@code .} or {@code ..}, value 25 MiB, metadata 1024 bytes of JSON,
 * {@code expirationTtl} at least 60 s, list limit 1–1000), failing with the same
 * {@link dev.cfc.container.BridgeException} the handler answers with. Thread-safe.
 */
public final class InMemoryKv implements KvNamespace {

  private record Stored(byte[] value, JsonNode metadata, Instant expiresAt) {}

  private final NavigableMap<String, Stored> entries = new TreeMap<>(Keys.ORDER);
  private final Clock clock;
  private final Limits limits;

  /** An empty namespace named {@code KV} on the system clock. */
  public InMemoryKv() {
    this("KV", Clock.systemUTC());
  }

  /** An empty namespace named {@code KV} whose keys expire by {@code clock}. */
  public InMemoryKv(Clock clock) {
    this("KV", clock);
  }

  /** An empty namespace named {@code binding} (in failure messages) on {@code clock}. */
  public InMemoryKv(String binding, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = new Limits("kv", Objects.requireNonNull(binding, "binding"));
  }

  @Override
  public synchronized Optional<KvEntry> getWithMetadata(String key) {
    limits.key("get", key, Limits.KV_KEY_BYTES);
    return live(key).map(stored -> new KvEntry(stored.value().clone(), metadata(stored)));
  }

  @Override
  public synchronized KvList list(KvListOptions options) {
    Objects.requireNonNull(options, "options");
    int limit = limits.listLimit("list", options.limit());
    String prefix = options.prefix() == null ? "" : Wire.requireText(options.prefix(), "prefix");
    String after = Keys.after(options.cursor(), limits, "list");
    purgeExpired();
    Map<String, Stored> candidates =
        after == null ? entries.tailMap(prefix, true) : entries.tailMap(after, false);
    List<KvKey> keys = new ArrayList<>();
    boolean more = false;
    for (Map.Entry<String, Stored> entry : candidates.entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        if (Keys.ORDER.compare(entry.getKey(), prefix) > 0) {
          break;
        }
        continue;
      }
      if (keys.size() == limit) {
        more = true;
        break;
      }
      Stored stored = entry.getValue();
      keys.add(
          new KvKey(entry.getKey(), Optional.ofNullable(stored.expiresAt()), metadata(stored)));
    }
    return new KvList(
        keys,
        !more,
        more ? Optional.of(Keys.cursor(keys.get(keys.size() - 1).name())) : Optional.empty());
  }

  @Override
  public synchronized void put(String key, byte[] value, KvPutOptions options) {
    limits.key("put", key, Limits.KV_KEY_BYTES);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(options, "options");
    if (value.length > Limits.KV_VALUE_BYTES) {
      throw limits.tooLarge("put", "value is " + value.length + " bytes, more than 25 MiB");
    }
    JsonNode metadata = null;
    if (options.metadata() != null) {
      metadata = limits.json("put", "metadata", options.metadata(), Limits.KV_METADATA_BYTES);
    }
    Instant expiresAt = null;
    if (options.expirationTtl() != null) {
      long seconds = options.expirationTtl().toSeconds();
      if (seconds < Limits.KV_MIN_TTL_SECONDS) {
        throw limits.badRequest("put", "expirationTtl must be at least 60 seconds: " + seconds);
      }
      expiresAt = Instant.ofEpochSecond(clock.instant().getEpochSecond() + seconds);
    }
    if (options.expiration() != null) {
      Instant at = Instant.ofEpochSecond(options.expiration().getEpochSecond());
      expiresAt = expiresAt == null || at.isBefore(expiresAt) ? at : expiresAt;
    }
    entries.put(key, new Stored(value.clone(), metadata, expiresAt));
  }

  @Override
  public synchronized void delete(String key) {
    limits.key("delete", key, Limits.KV_KEY_BYTES);
    entries.remove(key);
  }

  private static Optional<JsonNode> metadata(Stored stored) {
    return Optional.ofNullable(stored.metadata()).map(JsonNode::deepCopy);
  }

  private Optional<Stored> live(String key) {
    Stored stored = entries.get(key);
    if (stored != null && expired(stored)) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.ofNullable(stored);
  }

  private void purgeExpired() {
    entries.values().removeIf(this::expired);
  }

  private boolean expired(Stored stored) {
    return stored.expiresAt() != null && !clock.instant().isBefore(stored.expiresAt());
  }
}

package dev.cfc.container;

import java.time.Duration;
import java.time.Instant;

/**
 * Expiry and metadata of a KV write ({@code KVNamespace.put} options {@code expirationTtl},
 * {@code expiration}, {@code metadata}); null fields are left out.
 *
 * @param expirationTtl expire this long after the write (at least 60 s)
 * @param expiration expire at this instant (whole seconds)
 * @param metadata any value Jackson can write as JSON, at most 1024 bytes of it
 */
public record KvPutOptions(Duration expirationTtl, Instant expiration, Object metadata) {

  /** No expiry, no metadata. */
  public static KvPutOptions none() {
    return new KvPutOptions(null, null, null);
  }

  /** Expire {@code ttl} after the write. */
  public static KvPutOptions ttl(Duration ttl) {
    return new KvPutOptions(ttl, null, null);
  }

  /** Expire at {@code when}. */
  public static KvPutOptions expiresAt(Instant when) {
    return new KvPutOptions(null, when, null);
  }

  /** The same options with {@code metadata} stored beside the value. */
  public KvPutOptions metadata(Object metadata) {
    return new KvPutOptions(expirationTtl, expiration, metadata);
  }
}

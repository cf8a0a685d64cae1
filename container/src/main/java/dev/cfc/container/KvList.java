package dev.cfc.container;

import java.util.List;
import java.util.Optional;

/**
 * One page of a KV listing ({@code KVNamespace.list}).
 *
 * @param keys the keys of this page, in key order
 * @param complete true when there are no more pages ({@code list_complete})
 * @param cursor where the next page starts, when {@code complete} is false
 */
public record KvList(List<KvKey> keys, boolean complete, Optional<String> cursor) {

  public KvList {
    keys = List.copyOf(keys);
  }
}

package dev.cfc.container;

/**
 * What to list ({@code KVNamespace.list} options); null fields are left out.
 *
 * @param prefix only keys starting with this
 * @param cursor continue a previous listing
 * @param limit at most this many keys (1–1000; the platform's default is 1000)
 */
public record KvListOptions(String prefix, String cursor, Integer limit) {

  /** Everything, first page. */
  public static KvListOptions all() {
    return new KvListOptions(null, null, null);
  }

  /** Keys starting with {@code prefix}, first page. */
  public static KvListOptions prefix(String prefix) {
    return new KvListOptions(prefix, null, null);
  }

  /** The same listing from {@code cursor} on. */
  public KvListOptions cursor(String cursor) {
    return new KvListOptions(prefix, cursor, limit);
  }

  /** The same listing, at most {@code limit} keys a page. */
  public KvListOptions limit(int limit) {
    return new KvListOptions(prefix, cursor, limit);
  }
}

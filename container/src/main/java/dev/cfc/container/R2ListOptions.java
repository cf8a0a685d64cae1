package dev.cfc.container;

/**
 * What to list ({@code R2Bucket.list} options); null fields are left out.
 *
 * @param prefix only keys starting with this
 * @param cursor continue a previous listing
 * @param limit at most this many objects (1–1000)
 * @param delimiter group keys by this character into {@code delimitedPrefixes}
 */
public record R2ListOptions(String prefix, String cursor, Integer limit, String delimiter) {

  /** Everything, first page. */
  public static R2ListOptions all() {
    return new R2ListOptions(null, null, null, null);
  }

  /** Objects whose key starts with {@code prefix}, first page. */
  public static R2ListOptions prefix(String prefix) {
    return new R2ListOptions(prefix, null, null, null);
  }

  /** The same listing from {@code cursor} on. */
  public R2ListOptions cursor(String cursor) {
    return new R2ListOptions(prefix, cursor, limit, delimiter);
  }

  /** The same listing, at most {@code limit} objects a page. */
  public R2ListOptions limit(int limit) {
    return new R2ListOptions(prefix, cursor, limit, delimiter);
  }

  /** The same listing, grouped by {@code delimiter}. */
  public R2ListOptions delimiter(String delimiter) {
    return new R2ListOptions(prefix, cursor, limit, delimiter);
  }
}

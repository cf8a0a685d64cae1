package dev.cfc.container;

import java.util.List;
import java.util.Optional;

/**
 * One page of an R2 listing ({@code R2Objects}).
 *
 * @param objects the objects of this page
 * @param truncated true when there are more pages
 * @param cursor where the next page starts, when {@code truncated}
 * @param delimitedPrefixes the common prefixes, when the listing used a delimiter
 */
public record R2Objects(
    List<R2Object> objects,
    boolean truncated,
    Optional<String> cursor,
    List<String> delimitedPrefixes) {

  public R2Objects {
    objects = List.copyOf(objects);
    delimitedPrefixes = List.copyOf(delimitedPrefixes);
  }
}

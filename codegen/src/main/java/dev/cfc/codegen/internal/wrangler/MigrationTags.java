package dev.cfc.codegen.internal.wrangler;

import java.math.BigInteger;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a new migration's tag is chosen: {@code v<N+1>}, one past the highest {@code vN} in the
 * history, and past the number of entries when the history names its tags otherwise. A gap is
 * never filled: a deployed Worker may still carry a tag whose entry was later deleted from the
 * file (history {@code v2, v3} once began with {@code v1}; {@code v1, v2, v3, v5} once had a
 * {@code v4}), and wrangler, finding that tag again later in the list, would take everything up
 * to it as applied and skip the new entry.
 */
final class MigrationTags {

  private static final Pattern NUMBERED = Pattern.compile("v(\\d+)");

  private MigrationTags() {}

  /** The tag for a migration appended after {@code history} (its tags, in file order). */
  static String next(Collection<String> history) {
    BigInteger highest = BigInteger.valueOf(history.size());
    for (String tag : history) {
      Matcher m = NUMBERED.matcher(tag);
      if (m.matches()) {
        highest = highest.max(new BigInteger(m.group(1)));
      }
    }
    BigInteger n = highest.add(BigInteger.ONE);
    while (history.contains("v" + n)) {
      n = n.add(BigInteger.ONE);
    }
    return "v" + n;
  }
}

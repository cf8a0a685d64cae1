package dev.cfc.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * A duration as the user spelled it, checked by validation rather than by the DSL so that a bad
 * value becomes a located diagnostic instead of an exception. Strings are kept as written
 * ({@code "30s"}, {@code "5m"}, {@code "2h"}); a {@link Duration} or a number of seconds becomes
 * {@code "<n>s"}.
 *
 * @param text the spelled form; valid values match {@code ^\d+[smh]$} and are at least 1 s
 */
public record TimeValue(String text) {

  public TimeValue {
    Objects.requireNonNull(text, "duration text");
  }

  /** A duration written as text, such as {@code "5m"}. */
  public static TimeValue of(String text) {
    return new TimeValue(text);
  }

  /** A whole number of seconds. */
  public static TimeValue ofSeconds(long seconds) {
    return new TimeValue(seconds + "s");
  }

  /**
   * A {@link Duration}; one that is not a whole number of seconds keeps its ISO-8601 form so
   * validation can name it.
   */
  public static TimeValue of(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.getNano() != 0) {
      return new TimeValue(duration.toString());
    }
    return ofSeconds(duration.getSeconds());
  }

  /**
   * The value in seconds, or -1 when the text is not {@code <digits><s|m|h>} or overflows.
   */
  public long seconds() {
    if (text.length() < 2) {
      return -1;
    }
    char unit = text.charAt(text.length() - 1);
    String digits = text.substring(0, text.length() - 1);
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    long multiplier = switch (unit) {
      case 's' -> 1;
      case 'm' -> 60;
      case 'h' -> 3600;
      default -> -1;
    };
    if (multiplier < 0 || digits.length() > 15) {
      return -1;
    }
    return Long.parseLong(digits) * multiplier;
  }

  @Override
  public String toString() {
    return text;
  }
}

package dev.cfc.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a plain-main benchmark records beside its figures, and the percentile it reports. */
final class Machine {

  private Machine() {}

  /** The date (UTC, to the minute), the core count and the Java version. */
  static String describe() {
    return ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
        + ", nproc "
        + Runtime.getRuntime().availableProcessors()
        + ", java "
        + System.getProperty("java.version");
  }

  /** {@code /proc/loadavg} as it reads now, or {@code unknown}. */
  static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "unknown";
  }

  /** The {@code percent}th percentile of {@code values}, nearest rank. */
  static long percentile(List<Long> values, int percent) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}

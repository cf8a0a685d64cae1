package dev.cfc.container;

import java.time.Duration;

/**
 * How the client talks to the bridge.
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout for an answer's headers (a streamed body is read at the caller's pace)
 * @param attempts tries of an idempotent call, at least 1
 * @param backoff the wait before the second try, doubled for each further one
 */
public record BridgeOptions(
    Duration connectTimeout, Duration requestTimeout, int attempts, Duration backoff) {

  /** 5 s to connect, 30 s for an answer, 3 tries of idempotent calls from 50 ms. */
  public static BridgeOptions defaults() {
    return new BridgeOptions(
        Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofMillis(50));
  }
}

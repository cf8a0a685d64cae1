package dev.cfc.dsl;

import java.util.Objects;

/**
 * How long requests wait for the {@code readyOn} probes and how often they poll. Defaults to 30 s
 * with a 500 ms poll; when the budget runs out the caller receives a 503 naming the failing probe.
 *
 * @param timeout total time a request waits for readiness
 * @param poll pause between probe rounds
 */
public record ReadinessBudget(java.time.Duration timeout, java.time.Duration poll) {

  public ReadinessBudget {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(poll, "poll");
  }
}

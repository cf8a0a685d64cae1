package dev.cfc.container;

import java.time.Duration;
import java.util.List;

/**
 * A Queues producer binding ({@code Queue.send}, {@code sendBatch}); messages are JSON
 * ({@code contentType: "json"}). Not retried: a send that failed in flight may have been
 * delivered.
 */
public interface QueueProducer {

  /** Sends {@code body}, written as JSON by Jackson. */
  void send(Object body);

  /** Sends {@code body}, delivered no sooner than {@code delay} from now (at most 12 h). */
  void send(Object body, Duration delay);

  /**
   * Sends each of {@code bodies} in one batch (at most 100 messages, 256 KiB); an empty list sends
   * nothing.
   */
  void sendBatch(List<?> bodies);
}

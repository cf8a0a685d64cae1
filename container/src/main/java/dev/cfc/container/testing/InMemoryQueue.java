package dev.cfc.container.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfc.container.QueueProducer;
import dev.cfc.container.internal.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A queue producer that keeps what was sent, in order, for assertions. Applies the bridge
 * handler's limits (message 128 KiB of JSON, batch at most 100 messages and 256 KiB, delay 0–12 h).
 * Thread-safe.
 */
public final class InMemoryQueue implements QueueProducer {

  /**
   * One message sent.
   *
   * @param body the body as the app passed it
   * @param json the body as JSON, as the consumer will receive it
   * @param delay the delivery delay, {@link Duration#ZERO} for none
   */
  public record Message(Object body, JsonNode json, Duration delay) {}

  private final List<Message> sent = new ArrayList<>();
  private final Limits limits;

  /** An empty queue named {@code QUEUE}. */
  public InMemoryQueue() {
    this("QUEUE");
  }

  /** An empty queue named {@code binding} (in failure messages). */
  public InMemoryQueue(String binding) {
    this.limits = new Limits("queue", Objects.requireNonNull(binding, "binding"));
  }

  @Override
  public void send(Object body) {
    send(body, Duration.ZERO);
  }

  @Override
  public synchronized void send(Object body, Duration delay) {
    sent.add(message("send", body, delay));
  }

  /** Sends nothing for an empty list, as the bridge client does. */
  @Override
  public synchronized void sendBatch(List<?> bodies) {
    Objects.requireNonNull(bodies, "bodies");
    if (bodies.size() > Limits.QUEUE_BATCH_MESSAGES) {
      throw limits.tooLarge("sendBatch", bodies.size() + " messages, more than 100");
    }
    List<Message> batch = new ArrayList<>();
    int bytes = 0;
    for (Object body : bodies) {
      Message message = message("sendBatch", body, Duration.ZERO);
      bytes += Wire.utf8Length(message.json().toString());
      batch.add(message);
    }
    if (bytes > Limits.QUEUE_BATCH_BYTES) {
      throw limits.tooLarge(
          "sendBatch", "the batch is " + bytes + " bytes of JSON, more than 256 KiB");
    }
    sent.addAll(batch);
  }

  /** Every message sent so far, in the order sent. */
  public synchronized List<Message> sent() {
    return List.copyOf(sent);
  }

  /** The bodies sent so far, in the order sent. */
  public synchronized List<Object> bodies() {
    return sent.stream().map(Message::body).toList();
  }

  private Message message(String op, Object body, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is negative: " + delay);
    }
    if (delay.toSeconds() > Limits.QUEUE_MAX_DELAY_SECONDS) {
      throw limits.badRequest(op, "delaySeconds must be 0 to 43200: " + delay.toSeconds());
    }
    return new Message(
        body, limits.json(op, "the message body", body, Limits.QUEUE_MESSAGE_BYTES), delay);
  }
}

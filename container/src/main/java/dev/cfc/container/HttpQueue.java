package dev.cfc.container;

import dev.cfc.container.internal.Wire;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code Queue} over the bridge: {@code POST /v1/queue/{binding}/send|sendBatch}, never retried. */
final class HttpQueue implements QueueProducer {

  private final Transport transport;
  private final String binding;

  HttpQueue(Transport transport, String binding) {
    this.transport = transport;
    this.binding = binding;
  }

  @Override
  public void send(Object body) {
    post("send", message(body, null));
  }

  @Override
  public void send(Object body, Duration delay) {
    post("send", message(body, Objects.requireNonNull(delay, "delay")));
  }

  /** An empty list sends nothing. */
  @Override
  public void sendBatch(List<?> bodies) {
    Objects.requireNonNull(bodies, "bodies");
    if (bodies.isEmpty()) {
      return;
    }
    List<Map<String, Object>> messages = new ArrayList<>(bodies.size());
    for (Object body : bodies) {
      messages.add(message(body, null));
    }
    post("sendBatch", Map.of("messages", messages));
  }

  static Map<String, Object> message(Object body, Duration delay) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("body", body);
    if (delay != null) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay is negative: " + delay);
      }
      message.put("delaySeconds", delay.toSeconds());
    }
    return message;
  }

  private void post(String operation, Object json) {
    byte[] body = Wire.json(json).getBytes(StandardCharsets.UTF_8);
    transport.run(Call.of("POST", "queue", binding, operation)
        .header("content-type", "application/json")
        .body(() -> BodyPublishers.ofByteArray(body)));
  }
}

package dev.cfc.container.testing;

import dev.cfc.container.QueueProducer;
import java.time.Duration;
import java.util.List;

/** A queue producer that keeps what was sent, for assertions. */
public final class InMemoryQueue implements QueueProducer {

  @Override
  public void send(Object body) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void send(Object body, Duration delay) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void sendBatch(List<?> bodies) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}

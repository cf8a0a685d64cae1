package dev.cfc.container;

import java.net.URI;

/**
 * The bridge's transport: one {@code java.net.http.HttpClient} (HTTP/1.1, kept-alive
 * connections) to the handler the generated Container class registers for
 * {@code bridge.cfc.internal}, and the typed binding accessors built on it. Thread-safe; share
 * one per process.
 */
public final class BridgeClient {

  /** The reserved host the generated class intercepts. */
  public static final URI DEFAULT_URL = URI.create("http://bridge.cfc.internal");

  /** The environment variable that overrides {@link #DEFAULT_URL} (local runs, tests). */
  public static final String URL_VARIABLE = "CFC_BRIDGE_URL";

  private BridgeClient() {}

  /** A client of {@code CFC_BRIDGE_URL}, or of {@link #DEFAULT_URL} when it is not set. */
  public static BridgeClient connect() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** A client of {@code base} with {@code options}. */
  public static BridgeClient connect(URI base, BridgeOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The KV namespace bound as {@code binding}. */
  public KvNamespace kv(String binding) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The R2 bucket bound as {@code binding}. */
  public R2Bucket r2(String binding) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The D1 database bound as {@code binding}. */
  public D1Database d1(String binding) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The queue producer bound as {@code binding}. */
  public QueueProducer queue(String binding) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The service bound as {@code binding}. */
  public ServiceBinding service(String binding) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}

package dev.cfc.dsl;

import java.util.Objects;

/**
 * One binding of the Worker that the app inside the container may use through the bridge,
 * granted with {@link ContainerBuilder#bridge(Bridge...)}. The generated Container class
 * registers a handler for the reserved host {@code bridge.cfc.internal} in {@code outboundByHost}
 * that runs only the operations of the granted bindings; the generated Java {@code <Name>Bridge}
 * record has one typed accessor per grant. The binding must be declared in the wrangler config
 * of every environment the container is deployed to ({@code kv_namespaces}, {@code r2_buckets},
 * {@code d1_databases}, {@code queues.producers}, {@code services}).
 *
 * @param kind what the binding is
 * @param binding the binding name in the wrangler config, for example {@code CACHE}
 * @param readsOnly whether only reads are allowed (the Java accessor is typed as a reader); set
 *     with {@link #readOnly()}
 * @param where where the grant was declared
 */
public record Bridge(BridgeKind kind, String binding, boolean readsOnly, SourceLocation where) {

  /**
   * The reserved host the container's app sends bridge requests to, which the generated class
   * intercepts ({@code BRIDGE_HOST} of the runtime's {@code cfc-bridge.ts}).
   */
  public static final String HOST = "bridge.cfc.internal";

  public Bridge {
    Objects.requireNonNull(kind, "bridge kind");
    Objects.requireNonNull(binding, "bridge binding");
    Objects.requireNonNull(where, "where");
  }

  /**
   * A Workers KV namespace ({@code [[kv_namespaces]] binding}): get with metadata, put with TTL
   * and metadata, delete, list. Java: {@code dev.cfc.container.KvNamespace}.
   */
  public static Bridge kv(String binding) {
    return new Bridge(BridgeKind.KV, binding, false, SourceLocation.ofCaller());
  }

  /**
   * An R2 bucket ({@code [[r2_buckets]] binding}): get (streamed), put (streamed), head, delete,
   * list. Java: {@code dev.cfc.container.R2Bucket}.
   */
  public static Bridge r2(String binding) {
    return new Bridge(BridgeKind.R2, binding, false, SourceLocation.ofCaller());
  }

  /**
   * A D1 database ({@code [[d1_databases]] binding}): one statement with bound parameters per
   * call. Java: {@code dev.cfc.container.D1Database}.
   */
  public static Bridge d1(String binding) {
    return new Bridge(BridgeKind.D1, binding, false, SourceLocation.ofCaller());
  }

  /**
   * A queue producer ({@code [[queues.producers]] binding}): send and sendBatch of JSON
   * messages. Java: {@code dev.cfc.container.QueueProducer}.
   */
  public static Bridge queue(String binding) {
    return new Bridge(BridgeKind.QUEUE, binding, false, SourceLocation.ofCaller());
  }

  /**
   * A service binding to another Worker ({@code [[services]] binding}): fetch. Java:
   * {@code dev.cfc.container.ServiceBinding}.
   */
  public static Bridge service(String binding) {
    return new Bridge(BridgeKind.SERVICE, binding, false, SourceLocation.ofCaller());
  }

  /**
   * Only reads: KV get and list, R2 get, head and list, D1 statements the handler can prove
   * are reads, service GET, HEAD and OPTIONS. Writes are refused by the handler with
   * {@code 403 read_only}, and the Java accessor is typed as {@code KvReader} or
   * {@code R2Reader} so they do not compile. A queue can only send, so it has no read-only grant.
   */
  public Bridge readOnly() {
    return new Bridge(kind, binding, true, where);
  }
}

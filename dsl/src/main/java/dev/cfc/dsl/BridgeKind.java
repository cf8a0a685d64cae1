package dev.cfc.dsl;

/** The kinds of Worker binding a container can be granted through the bridge. */
public enum BridgeKind {
  /** Workers KV, {@code kv_namespaces}. */
  KV("kv", "kv_namespaces"),
  /** R2, {@code r2_buckets}. */
  R2("r2", "r2_buckets"),
  /** D1, {@code d1_databases}. */
  D1("d1", "d1_databases"),
  /** A Queues producer, {@code queues.producers}. */
  QUEUE("queue", "queues.producers"),
  /** A service binding, {@code services}. */
  SERVICE("service", "services");

  private final String wireName;
  private final String wranglerKey;

  BridgeKind(String wireName, String wranglerKey) {
    this.wireName = wireName;
    this.wranglerKey = wranglerKey;
  }

  /** The kind as the bridge protocol names it in paths ({@code /v1/kv/...}). */
  public String wireName() {
    return wireName;
  }

  /** The wrangler config key that declares bindings of this kind. */
  public String wranglerKey() {
    return wranglerKey;
  }
}

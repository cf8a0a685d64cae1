/**
 * The container side of the bridge: typed access, from the Java app inside a Cloudflare
 * Container, to the bindings of the Worker that runs it (KV, R2, D1, Queues, services).
 *
 * <p>The generated {@code <Name>Bridge} record holds one accessor per binding the container's
 * definition grants with {@code .bridge(...)}. {@link dev.cfc.container.BridgeClient} implements
 * the accessors over the JDK's {@code java.net.http}, speaking the protocol in
 * {@code docs/bridge-protocol.md} to the handler the generated Container class registers for the
 * reserved host {@code bridge.cfc.internal}. A read-only grant is typed as the reader interface
 * ({@link dev.cfc.container.KvReader}, {@link dev.cfc.container.R2Reader}), so a write does not
 * compile; the handler refuses it as well.
 */
package dev.cfc.container;

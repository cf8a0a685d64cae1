/**
 * In-memory stand-ins for the bridge's binding interfaces, for unit tests of the container app:
 * {@code new TranscoderBridge(new InMemoryR2(), new InMemoryQueue())}, or the generated
 * {@code TranscoderBridge.inMemory()}. They keep the platform's rules that matter to callers
 * (key and size limits, list order and paging, read-after-write).
 */
package dev.cfc.container.testing;

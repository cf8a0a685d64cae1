package dev.cfc.container.testing;

import dev.cfc.container.KvEntry;
import dev.cfc.container.KvList;
import dev.cfc.container.KvListOptions;
import dev.cfc.container.KvNamespace;
import dev.cfc.container.KvPutOptions;
import java.util.Optional;

/** A KV namespace held in memory. */
public final class InMemoryKv implements KvNamespace {

  @Override
  public Optional<String> get(String key) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public Optional<byte[]> getBytes(String key) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public Optional<KvEntry> getWithMetadata(String key) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public KvList list(KvListOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void put(String key, byte[] value, KvPutOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void delete(String key) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}

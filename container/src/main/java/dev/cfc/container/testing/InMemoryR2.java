package dev.cfc.container.testing;

import dev.cfc.container.R2Bucket;
import dev.cfc.container.R2ListOptions;
import dev.cfc.container.R2Object;
import dev.cfc.container.R2ObjectBody;
import dev.cfc.container.R2Objects;
import dev.cfc.container.R2PutOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** An R2 bucket held in memory. */
public final class InMemoryR2 implements R2Bucket {

  @Override
  public Optional<R2ObjectBody> get(String key) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public Optional<R2Object> head(String key) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public R2Objects list(R2ListOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public R2Object put(String key, Path file, R2PutOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public R2Object put(String key, InputStream body, long length, R2PutOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public R2Object put(String key, byte[] bytes, R2PutOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void delete(String key) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}

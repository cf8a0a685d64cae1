package dev.cfc.container.testing;

import dev.cfc.container.D1Database;
import dev.cfc.container.D1Result;
import java.util.List;

/**
 * A D1 database that answers with results the test scripts per statement; a statement nobody
 * scripted fails, naming it.
 */
public final class StubD1 implements D1Database {

  @Override
  public D1Result query(String sql, Object... params) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public <T> List<T> query(Class<T> rowType, String sql, Object... params) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}

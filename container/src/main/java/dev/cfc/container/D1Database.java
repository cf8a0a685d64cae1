package dev.cfc.container;

import java.util.List;

/**
 * A D1 database ({@code D1Database.prepare(sql).bind(...params).all()}). On a read-only grant the
 * Worker runs only statements it can prove are reads.
 */
public interface D1Database {

  /**
   * Runs one statement with {@code params} bound to its {@code ?} placeholders. Parameters may be
   * null, a {@link Number}, a {@link String} or a {@link Boolean}. Not retried.
   */
  D1Result query(String sql, Object... params);

  /**
   * Runs one statement and maps each row to {@code rowType} (a record or bean whose component
   * names are the column names) with Jackson. Columns the type does not have are ignored, so a
   * {@code SELECT *} keeps working when a column is added. Not retried.
   */
  <T> List<T> query(Class<T> rowType, String sql, Object... params);
}

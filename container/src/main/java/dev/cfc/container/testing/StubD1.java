package dev.cfc.container.testing;

import dev.cfc.container.BridgeException;
import dev.cfc.container.D1Database;
import dev.cfc.container.D1Result;
import dev.cfc.container.internal.Wire;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A D1 database that answers with results the test scripts per statement; a statement nobody
 * scripted fails with {@code 400 query_error} naming it, as D1 fails on a statement it cannot
 * run. Parameters are checked as the bridge client checks them (null, Number, String, Boolean;
 * at most 100). Every call is recorded in {@link #queries()}. Thread-safe.
 */
public final class StubD1 implements D1Database {

  /**
   * One statement run.
   *
   * @param sql the statement
   * @param params its parameters
   */
  public record Query(String sql, List<Object> params) {}

  private final Map<String, Function<List<Object>, D1Result>> scripts = new LinkedHashMap<>();
  private final List<Query> queries = new ArrayList<>();
  private final String binding;

  /** A database named {@code DB} with nothing scripted. */
  public StubD1() {
    this("DB");
  }

  /** A database named {@code binding} (in failure messages) with nothing scripted. */
  public StubD1(String binding) {
    this.binding = Objects.requireNonNull(binding, "binding");
  }

  /** Answers {@code sql} (exactly as the app writes it) with {@code result}, whatever the parameters. */
  public synchronized StubD1 on(String sql, D1Result result) {
    Objects.requireNonNull(result, "result");
    return on(sql, params -> result);
  }

  /**
   * Answers {@code sql} with what {@code answer} returns for the parameters; {@code answer} may
   * throw a {@link BridgeException} to act as a failing statement.
   */
  public synchronized StubD1 on(String sql, Function<List<Object>, D1Result> answer) {
    scripts.put(Objects.requireNonNull(sql, "sql"), Objects.requireNonNull(answer, "answer"));
    return this;
  }

  /** Every statement run so far, in order, including ones that failed. */
  public synchronized List<Query> queries() {
    return List.copyOf(queries);
  }

  @Override
  public D1Result query(String sql, Object... params) {
    Objects.requireNonNull(sql, "sql");
    List<Object> checked = Wire.d1Params(params);
    if (checked.size() > Limits.D1_PARAMS) {
      throw new BridgeException(
          binding,
          "d1.query",
          413,
          "too_large",
          checked.size() + " parameters, more than 100",
          null);
    }
    if (Wire.d1Request(sql, checked).length > Limits.D1_BODY_BYTES) {
      throw new BridgeException(
          binding, "d1.query", 413, "too_large", "the request is more than 1 MiB", null);
    }
    List<Object> bound = Collections.unmodifiableList(checked);
    Function<List<Object>, D1Result> answer;
    synchronized (this) {
      queries.add(new Query(sql, bound));
      answer = scripts.get(sql);
    }
    if (answer == null) {
      throw new BridgeException(
          binding,
          "d1.query",
          400,
          "query_error",
          "StubD1 has no result scripted for: " + sql,
          null);
    }
    return answer.apply(bound);
  }

  /** Rows become {@code rowType} with Jackson, as the bridge client maps them. */
  @Override
  public <T> List<T> query(Class<T> rowType, String sql, Object... params) {
    Objects.requireNonNull(rowType, "rowType");
    return Wire.d1Rows(query(sql, params), rowType);
  }
}

package dev.cfc.container;

import dev.cfc.container.internal.Wire;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Objects;

/** {@code D1Database} over the bridge: {@code POST /v1/d1/{binding}/query}, never retried. */
final class HttpD1 implements D1Database {

  private final Transport transport;
  private final String binding;

  HttpD1(Transport transport, String binding) {
    this.transport = transport;
    this.binding = binding;
  }

  @Override
  public D1Result query(String sql, Object... params) {
    Objects.requireNonNull(sql, "sql");
    byte[] body = Wire.d1Request(sql, Wire.d1Params(params));
    return Wire.d1Result(transport.json(Call.of("POST", "d1", binding, "query")
        .header("content-type", "application/json")
        .body(() -> BodyPublishers.ofByteArray(body))));
  }

  /** Rows become {@code rowType} with Jackson; columns the type does not have are ignored. */
  @Override
  public <T> List<T> query(Class<T> rowType, String sql, Object... params) {
    Objects.requireNonNull(rowType, "rowType");
    return Wire.d1Rows(query(sql, params), rowType);
  }
}

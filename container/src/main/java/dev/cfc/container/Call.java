package dev.cfc.container;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One bridge request, built once: {@code METHOD /v1/{kind}/{binding}/{op}[tail]?params}.
 * Parameters are percent-encoded UTF-8 with {@code %20} for a space, so any text reaches the
 * binding unchanged.
 */
final class Call {

  final String binding;
  final String operation;
  private final String method;
  private final String path;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Supplier<BodyPublisher> body = BodyPublishers::noBody;
  private String tail = "";
  boolean retried;

  private Call(String method, String kind, String binding, String op) {
    this.binding = binding;
    this.operation = kind + "." + op;
    this.method = method;
    this.path = "/v1/" + kind + "/" + encode(binding) + "/" + op;
  }

  static Call of(String method, String kind, String binding, String op) {
    return new Call(method, kind, binding, op);
  }

  /** Adds a query parameter; a null value is left out. */
  Call param(String name, Object value) {
    if (value != null) {
      params.put(name, value.toString());
    }
    return this;
  }

  Call header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The body; the supplier is asked again for each try, so a retried body is sent whole. */
  Call body(Supplier<BodyPublisher> body) {
    this.body = body;
    return this;
  }

  /** Appends a caller's path and query after the operation (service calls). */
  Call tail(String tail) {
    this.tail = tail;
    return this;
  }

  /** Marks the call idempotent: tried again on a connection failure, 429, 502 or 503. */
  Call retried() {
    this.retried = true;
    return this;
  }

  HttpRequest request(URI base, Duration timeout) {
    StringBuilder uri =
        new StringBuilder(stripSlash(base.toString())).append(path).append(tail);
    char separator = tail.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> param : params.entrySet()) {
      uri.append(separator).append(param.getKey()).append('=').append(encode(param.getValue()));
      separator = '&';
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
        .timeout(timeout)
        .method(method, body.get());
    headers.forEach(request::header);
    return request.build();
  }

  private static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package dev.cfc.container;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A service binding to another Worker ({@code Fetcher.fetch}). On a read-only grant only GET,
 * HEAD and OPTIONS reach the service.
 */
public interface ServiceBinding {

  /**
   * Sends {@code method pathAndQuery} with {@code headers} and {@code body} to the service and
   * returns its answer with the body streamed. {@code pathAndQuery} starts with {@code /}.
   *
   * <p>The service's answer is returned whatever its status. The bridge handler's own refusals
   * ({@code 403 not_declared}, {@code 403 read_only}, {@code 413 too_large}), which it marks with
   * the header {@code cfc-bridge-error}, and a call that got no answer throw a
   * {@link BridgeException}. GET, HEAD and OPTIONS are tried again on a connection failure, 429,
   * 502 or 503; other methods are sent once.
   *
   * @throws IllegalArgumentException for a {@code host}, hop-by-hop or {@code cfc-*} header
   *     (the bridge drops them), a method that is not upper case, or a path without a leading
   *     {@code /}
   */
  HttpResponse<InputStream> fetch(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      HttpRequest.BodyPublisher body);

  /** {@code GET pathAndQuery}. */
  default HttpResponse<InputStream> get(String pathAndQuery) {
    return fetch("GET", pathAndQuery, Map.of(), HttpRequest.BodyPublishers.noBody());
  }
}

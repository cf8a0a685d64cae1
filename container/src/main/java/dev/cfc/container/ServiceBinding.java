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

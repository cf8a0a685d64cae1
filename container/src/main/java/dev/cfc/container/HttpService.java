package dev.cfc.container;

import dev.cfc.container.internal.Wire;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * {@code Fetcher} over the bridge: {@code {METHOD} /v1/service/{binding}/fetch{pathAndQuery}}.
 * The service's answer comes back as it is, whatever its status; the handler's own refusals
 * (marked with the {@code cfc-bridge-error} header: not granted, read-only, too large) and a
 * request that got no answer throw a {@link BridgeException}. GET, HEAD and OPTIONS are
 * retried, other methods are not. Host, hop-by-hop and {@code cfc-*} headers are refused with an
 * {@link IllegalArgumentException}, since the bridge would drop them.
 */
final class HttpService implements ServiceBinding {

  private final Transport transport;
  private final String binding;

  HttpService(Transport transport, String binding) {
    this.transport = transport;
    this.binding = binding;
  }

  @Override
  public HttpResponse<InputStream> fetch(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      HttpRequest.BodyPublisher body) {
    Wire.checkServiceRequest(method, pathAndQuery, headers, body);
    Call call = Call.of(method, "service", binding, "fetch").tail(pathAndQuery).body(() -> body);
    headers.forEach(call::header);
    if (Wire.isReadMethod(method)) {
      call.retried();
    }
    HttpResponse<InputStream> response = transport.exchange(call);
    if (response.headers().firstValue(Transport.ERROR_HEADER).isPresent()) {
      throw transport.refusal(call, response);
    }
    return response;
  }
}

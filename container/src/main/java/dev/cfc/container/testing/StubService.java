package dev.cfc.container.testing;

import dev.cfc.container.ServiceBinding;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A service binding that answers with responses the test scripts; anything else is a 404. */
public final class StubService implements ServiceBinding {

  @Override
  public HttpResponse<InputStream> fetch(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      HttpRequest.BodyPublisher body) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}

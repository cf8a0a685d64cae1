package dev.cfc.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cfc.container.internal.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The one place a bridge request is sent: tries, backoff, and turning every failure into a
 * {@link BridgeException} naming binding, operation, status and code.
 */
final class Transport {

  /** The header the handler sets, to the error code, on its own error answers. */
  static final String ERROR_HEADER = "cfc-bridge-error";

  private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503);
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient http;
  private final URI base;
  private final BridgeOptions options;

  Transport(URI base, BridgeOptions options) {
    this.base = base;
    this.options = options;
    // HTTP/1.1 only: the intercepting proxy speaks HTTP/1.1, and an h2c upgrade offer
    // (Upgrade/HTTP2-Settings headers) has no business there.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Sends the call; any answer but a 2xx is a {@link BridgeException}. */
  HttpResponse<InputStream> send(Call call) {
    HttpResponse<InputStream> response = exchange(call);
    if (response.statusCode() / 100 != 2) {
      throw refusal(call, response);
    }
    return response;
  }

  /** Sends the call; {@code 404 not_found} is empty, any other answer but a 2xx throws. */
  Optional<HttpResponse<InputStream>> sendOrAbsent(Call call) {
    try {
      return Optional.of(send(call));
    } catch (BridgeException e) {
      if (e.status() == 404 && e.code().equals("not_found")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Sends the call and reads the answer's JSON body. */
  JsonNode json(Call call) {
    return readJson(call, send(call));
  }

  /** Sends the call and discards the (empty) answer. */
  void run(Call call) {
    close(send(call).body());
  }

  JsonNode readJson(Call call, HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      return Wire.parse(body.readAllBytes());
    } catch (JsonProcessingException e) {
      throw new BridgeException(
          call.binding,
          call.operation,
          response.statusCode(),
          "bad_response",
          "the answer is not JSON: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw ioFailure(call, e);
    }
  }

  /** Sends, trying a retried call again on a connection failure, 429, 502 or 503. */
  HttpResponse<InputStream> exchange(Call call) {
    int attempts = call.retried ? Math.max(1, options.attempts()) : 1;
    Duration wait = options.backoff();
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= attempts;
      try {
        HttpResponse<InputStream> response =
            http.send(call.request(base, options.requestTimeout()), BodyHandlers.ofInputStream());
        if (last || !RETRIED_STATUSES.contains(response.statusCode())) {
          return response;
        }
        close(response.body());
      } catch (IOException e) {
        if (last) {
          throw ioFailure(call, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BridgeException(call.binding, call.operation, 0, "io", "interrupted", e);
      }
      pause(call, wait);
      wait = wait.multipliedBy(2);
    }
  }

  private void pause(Call call, Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BridgeException(call.binding, call.operation, 0, "io", "interrupted", e);
    }
  }

  BridgeException ioFailure(Call call, IOException e) {
    String detail;
    if (e instanceof HttpConnectTimeoutException) {
      detail = "could not connect to " + base + " within " + options.connectTimeout();
    } else if (e instanceof HttpTimeoutException) {
      detail = "no answer within " + options.requestTimeout();
    } else if (e instanceof ConnectException) {
      detail = "could not connect to " + base + " (is " + BridgeClient.URL_VARIABLE + " right?)";
    } else {
      detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return new BridgeException(call.binding, call.operation, 0, "io", detail, e);
  }

  /** The handler's error answer {@code {"error":{"code","message"}}} as an exception. */
  BridgeException refusal(Call call, HttpResponse<InputStream> response) {
    int status = response.statusCode();
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      body = new byte[0];
    }
    try {
      JsonNode error = Wire.parse(body).path("error");
      if (error.path("code").isTextual()) {
        return new BridgeException(
            call.binding,
            call.operation,
            status,
            error.path("code").textValue(),
            error.path("message").asText(""),
            null);
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // Not the handler's JSON (a proxy's page, say): report what came instead.
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return new BridgeException(
        call.binding,
        call.operation,
        status,
        "unexpected_response",
        text.isBlank() ? "no error body" : text.substring(0, Math.min(200, text.length())),
        null);
  }

  private static void close(InputStream body) {
    try (InputStream in = body) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      // Draining only frees the connection for reuse; a broken one is dropped anyway.
    }
  }
}

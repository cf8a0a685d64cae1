package dev.cfc.container.testing;

import dev.cfc.container.ServiceBinding;
import dev.cfc.container.internal.Wire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Function;
import javax.net.ssl.SSLSession;

/**
 * A service binding that answers with responses the test scripts, by method and path (the part
 * of {@code pathAndQuery} before {@code ?}); anything else is a {@code 404}. Headers are checked
 * as the bridge client checks them (no host, hop-by-hop or {@code cfc-*} header). Every call is
 * recorded in {@link #requests()}. Thread-safe.
 */
public final class StubService implements ServiceBinding {

  /**
   * A request the app sent.
   *
   * @param method its method
   * @param pathAndQuery its path and query
   * @param headers its headers
   * @param body its body's bytes
   */
  public record Request(
      String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * A scripted answer.
   *
   * @param status its status
   * @param headers its headers
   * @param body its body's bytes
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    /** An answer with a UTF-8 text body and no headers. */
    public static Response of(int status, String body) {
      return new Response(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final Map<String, Function<Request, Response>> routes = new LinkedHashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private final String binding;

  /** A service named {@code SERVICE} with nothing scripted. */
  public StubService() {
    this("SERVICE");
  }

  /** A service named {@code binding} (its requests go to {@code https://{binding}.service}). */
  public StubService(String binding) {
    this.binding = Objects.requireNonNull(binding, "binding");
  }

  /** Answers {@code method path} with {@code status} and a UTF-8 text body. */
  public StubService on(String method, String path, int status, String body) {
    Response response = Response.of(status, Objects.requireNonNull(body, "body"));
    return on(method, path, request -> response);
  }

  /** Answers {@code method path} with what {@code handler} returns for the request. */
  public synchronized StubService on(
      String method, String path, Function<Request, Response> handler) {
    routes.put(route(method, path), Objects.requireNonNull(handler, "handler"));
    return this;
  }

  /** Every request sent so far, in order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public HttpResponse<InputStream> fetch(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      HttpRequest.BodyPublisher body) {
    Wire.checkServiceRequest(method, pathAndQuery, headers, body);
    Request request = new Request(method, pathAndQuery, Map.copyOf(headers), read(body));
    int query = pathAndQuery.indexOf('?');
    String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    Function<Request, Response> handler;
    synchronized (this) {
      requests.add(request);
      handler = routes.get(route(method, path));
    }
    Response response = handler == null ? Response.of(404, "not found") : handler.apply(request);
    URI uri = URI.create("https://" + binding + ".service" + pathAndQuery);
    return new Answer(
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        response);
  }

  private static String route(String method, String path) {
    return Objects.requireNonNull(method, "method") + " " + Objects.requireNonNull(path, "path");
  }

  /** Collects what a body publisher publishes. */
  private static byte[] read(HttpRequest.BodyPublisher body) {
    CompletableFuture<byte[]> done = new CompletableFuture<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    body.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer item) {
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.writeBytes(chunk);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        done.complete(bytes.toByteArray());
      }
    });
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the request body", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the request body failed: " + e.getCause(), e.getCause());
    }
  }

  /** The scripted answer as the {@code HttpResponse} the bridge client returns. */
  private record Answer(HttpRequest request, Response response)
      implements HttpResponse<InputStream> {

    @Override
    public int statusCode() {
      return response.status();
    }

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
      return HttpHeaders.of(headers, (name, value) -> true);
    }

    @Override
    public InputStream body() {
      return new ByteArrayInputStream(response.body());
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}

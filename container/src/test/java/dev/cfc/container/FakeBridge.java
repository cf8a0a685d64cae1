package dev.cfc.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfc.container.internal.Wire;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bridge handler following docs/bridge-protocol.md, on the JDK's HTTP server, with in-memory
 * KV and R2, scripted D1 answers, recorded queue messages and an echoing service. Tests inject
 * faults ({@link #failNext}) or replace an operation ({@link #route}).
 */
final class FakeBridge implements AutoCloseable {

  /** A request as the handler saw it: params decoded, headers lower-cased. */
  record Seen(
      String method,
      String path,
      String rawQuery,
      Map<String, String> params,
      Map<String, String> headers,
      byte[] body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  interface Route {
    void handle(HttpExchange exchange, Seen seen) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<Integer>> faults = new ConcurrentHashMap<>();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, String> grants = new ConcurrentHashMap<>();
  private final Map<String, byte[]> kv = new ConcurrentHashMap<>();
  private final Map<String, String> kvMetadata = new ConcurrentHashMap<>();
  private final Map<String, byte[]> r2 = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> r2Objects = new ConcurrentHashMap<>();
  volatile JsonNode d1Answer = JSON.createObjectNode();

  FakeBridge() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  BridgeClient client() {
    return client(
        new BridgeOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(1)));
  }

  BridgeClient client(BridgeOptions options) {
    return BridgeClient.connect(uri(), options);
  }

  /** Grants {@code binding} as {@code kind}; "ro" as mode makes it read-only. */
  FakeBridge grant(String kind, String binding, String mode) {
    grants.put(binding, kind + ":" + mode);
    return this;
  }

  /** The next requests to {@code path} answer with these statuses, one each, before normal service. */
  void failNext(String path, Integer... statuses) {
    faults.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
  }

  void route(String path, Route route) {
    routes.put(path, route);
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  long count(String path) {
    return seen().stream().filter(s -> s.path().equals(path)).count();
  }

  byte[] kvValue(String key) {
    return kv.get(key);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
      Route route = routes.get(path);
      byte[] body = route != null && path.contains("/r2/")
          ? new byte[0]
          : exchange.getRequestBody().readAllBytes();
      Seen request =
          new Seen(exchange.getRequestMethod(), path, rawQuery, params(rawQuery), headers, body);
      seen.add(request);
      Deque<Integer> fault = faults.get(path);
      Integer status = fault == null ? null : fault.poll();
      if (status != null) {
        error(
            exchange,
            status,
            status == 429 ? "rate_limited" : "binding_error",
            request,
            "injected");
        return;
      }
      if (route != null) {
        route.handle(exchange, request);
        return;
      }
      serve(exchange, request);
    }
  }

  private void serve(HttpExchange exchange, Seen request) throws IOException {
    String[] parts = request.path().split("/", 6);
    if (parts.length < 5 || !parts[1].equals("v1")) {
      error(exchange, 404, "unknown_operation", request, "no such path");
      return;
    }
    String kind = parts[2];
    String binding = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
    String op = parts[4];
    String grant = grants.get(binding);
    if (grant == null || !grant.startsWith(kind + ":")) {
      error(exchange, 403, "not_declared", request, binding + " is not granted as " + kind);
      return;
    }
    Map<String, String> p = request.params();
    switch (kind + "." + op) {
      case "kv.get" -> {
        byte[] value = kv.get(p.get("key"));
        if (value == null) {
          error(exchange, 404, "not_found", request, "no such key");
          return;
        }
        String metadata = kvMetadata.get(p.get("key"));
        if (metadata != null) {
          exchange.getResponseHeaders().add("cfc-metadata", metadata);
        }
        send(exchange, 200, "application/octet-stream", value);
      }
      case "kv.put" -> {
        if (grant.endsWith(":ro")) {
          error(exchange, 403, "read_only", request, binding + " is granted read-only");
          return;
        }
        kv.put(p.get("key"), request.body());
        if (request.header("cfc-metadata") != null) {
          kvMetadata.put(p.get("key"), request.header("cfc-metadata"));
        } else {
          kvMetadata.remove(p.get("key"));
        }
        send(exchange, 204, null, null);
      }
      case "kv.delete" -> {
        kv.remove(p.get("key"));
        send(exchange, 204, null, null);
      }
      case "kv.list" -> {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode keys = page.putArray("keys");
        new TreeMap<>(kv)
            .keySet().stream()
                .filter(k -> k.startsWith(p.getOrDefault("prefix", "")))
                .forEach(k -> keys.addObject().put("name", k));
        page.put("list_complete", true);
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(page));
      }
      case "r2.get", "r2.head" -> {
        ObjectNode object = r2Objects.get(p.get("key"));
        if (object == null) {
          error(exchange, 404, "not_found", request, "no such object");
        } else if (op.equals("head")) {
          send(exchange, 200, "application/json", JSON.writeValueAsBytes(object));
        } else {
          exchange.getResponseHeaders().add("cfc-object", Wire.headerJson(object));
          send(exchange, 200, "application/octet-stream", r2.get(p.get("key")));
        }
      }
      case "r2.put" -> {
        if (request.header("content-length") == null) {
          error(exchange, 411, "length_required", request, "no content-length");
          return;
        }
        ObjectNode object = JSON.createObjectNode();
        object
            .put("key", p.get("key"))
            .put("size", request.body().length)
            .put("etag", "e1")
            .put("httpEtag", "\"e1\"")
            .put("uploaded", "2026-01-02T03:04:05.678Z")
            .put("contentType", request.header("content-type"));
        String custom = request.header("cfc-custom-metadata");
        object.set(
            "customMetadata", custom == null ? JSON.createObjectNode() : JSON.readTree(custom));
        r2.put(p.get("key"), request.body());
        r2Objects.put(p.get("key"), object);
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(object));
      }
      case "r2.list" -> {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode objects = page.putArray("objects");
        new TreeMap<>(r2Objects).forEach((key, object) -> {
          if (key.startsWith(p.getOrDefault("prefix", ""))) {
            objects.add(object);
          }
        });
        page.put("truncated", false).putArray("delimitedPrefixes");
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(page));
      }
      case "r2.delete" -> {
        r2.remove(p.get("key"));
        r2Objects.remove(p.get("key"));
        send(exchange, 204, null, null);
      }
      case "d1.query" -> send(exchange, 200, "application/json", JSON.writeValueAsBytes(d1Answer));
      case "queue.send", "queue.sendBatch" -> send(exchange, 204, null, null);
      case "service.fetch" -> {
        exchange.getResponseHeaders().add("x-echo-method", request.method());
        send(exchange, 200, "text/plain", request.body());
      }
      default -> error(exchange, 404, "unknown_operation", request, op);
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().add("content-type", contentType);
    }
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static void error(HttpExchange exchange, int status, String code, Seen request, String message)
      throws IOException {
    String[] parts = request.path().split("/", 6);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("binding", parts.length > 3 ? parts[3] : "");
    error.put("operation", parts.length > 4 ? parts[2] + "." + parts[4] : "");
    error.put("message", message);
    exchange.getResponseHeaders().add("cfc-bridge-error", code);
    send(exchange, status, "application/json", JSON.writeValueAsBytes(Map.of("error", error)));
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}

package dev.cfc.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfc.container.internal.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code KVNamespace} over the bridge: {@code /v1/kv/{binding}/…}. */
final class HttpKv implements KvNamespace {

  private final Transport transport;
  private final String binding;

  HttpKv(Transport transport, String binding) {
    this.transport = transport;
    this.binding = binding;
  }

  @Override
  public Optional<KvEntry> getWithMetadata(String key) {
    Call call = Call.of("GET", "kv", binding, "get")
        .param("key", Wire.requireText(key, "key"))
        .retried();
    return transport.sendOrAbsent(call).map(response -> entry(call, response));
  }

  private KvEntry entry(Call call, HttpResponse<InputStream> response) {
    byte[] value;
    try (InputStream body = response.body()) {
      value = body.readAllBytes();
    } catch (IOException e) {
      throw transport.ioFailure(call, e);
    }
    Optional<JsonNode> metadata =
        response.headers().firstValue("cfc-metadata").map(json -> parseHeader(call, json));
    return new KvEntry(value, metadata);
  }

  private static JsonNode parseHeader(Call call, String json) {
    try {
      return Wire.parse(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BridgeException(
          call.binding,
          call.operation,
          200,
          "bad_response",
          "cfc-metadata is not JSON: " + json,
          e);
    }
  }

  @Override
  public KvList list(KvListOptions options) {
    Objects.requireNonNull(options, "options");
    if (options.limit() != null && options.limit() < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + options.limit());
    }
    Call call = Call.of("GET", "kv", binding, "list")
        .param(
            "prefix",
            options.prefix() == null ? null : Wire.requireText(options.prefix(), "prefix"))
        .param("cursor", options.cursor())
        .param("limit", options.limit())
        .retried();
    JsonNode page = transport.json(call);
    List<KvKey> keys = new ArrayList<>();
    for (JsonNode key : page.path("keys")) {
      JsonNode expiration = key.path("expiration");
      JsonNode metadata = key.path("metadata");
      keys.add(new KvKey(
          key.path("name").asText(),
          expiration.isNumber()
              ? Optional.of(Instant.ofEpochSecond(expiration.longValue()))
              : Optional.empty(),
          metadata.isMissingNode() || metadata.isNull()
              ? Optional.empty()
              : Optional.of(metadata)));
    }
    JsonNode cursor = page.path("cursor");
    return new KvList(
        keys,
        page.path("list_complete").asBoolean(true),
        cursor.isTextual() && !cursor.textValue().isEmpty()
            ? Optional.of(cursor.textValue())
            : Optional.empty());
  }

  @Override
  public void put(String key, byte[] value, KvPutOptions options) {
    Wire.requireText(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(options, "options");
    if (options.expirationTtl() != null && options.expirationTtl().isNegative()) {
      throw new IllegalArgumentException("expirationTtl is negative: " + options.expirationTtl());
    }
    Call call = Call.of("PUT", "kv", binding, "put")
        .param("key", key)
        .param(
            "expirationTtl",
            options.expirationTtl() == null ? null : options.expirationTtl().toSeconds())
        .param(
            "expiration",
            options.expiration() == null ? null : options.expiration().getEpochSecond())
        .body(() -> BodyPublishers.ofByteArray(value))
        .retried();
    if (options.metadata() != null) {
      call.header("cfc-metadata", Wire.headerJson(options.metadata()));
    }
    transport.run(call);
  }

  @Override
  public void delete(String key) {
    transport.run(Call.of("DELETE", "kv", binding, "delete")
        .param("key", Wire.requireText(key, "key"))
        .retried());
  }
}

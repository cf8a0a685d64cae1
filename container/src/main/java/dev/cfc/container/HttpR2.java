package dev.cfc.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfc.container.internal.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code R2Bucket} over the bridge: {@code /v1/r2/{binding}/…}. Bodies are streamed both ways. A
 * put from a file or from bytes can be sent again and is retried; a put from a stream is not.
 */
final class HttpR2 implements R2Bucket {

  private final Transport transport;
  private final String binding;

  HttpR2(Transport transport, String binding) {
    this.transport = transport;
    this.binding = binding;
  }

  @Override
  public Optional<R2ObjectBody> get(String key) {
    Call call = Call.of("GET", "r2", binding, "get")
        .param("key", Wire.requireText(key, "key"))
        .retried();
    return transport.sendOrAbsent(call).map(response -> {
      String description = response.headers().firstValue("cfc-object").orElse("");
      R2Object object;
      try {
        object = Wire.r2Object(Wire.parse(description.getBytes(StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        closeQuietly(response.body());
        throw new BridgeException(
            binding,
            call.operation,
            response.statusCode(),
            "bad_response",
            "the cfc-object header is not an object description: " + description,
            e);
      }
      return new R2ObjectBody(object, response.body());
    });
  }

  @Override
  public Optional<R2Object> head(String key) {
    Call call = Call.of("GET", "r2", binding, "head")
        .param("key", Wire.requireText(key, "key"))
        .retried();
    return transport
        .sendOrAbsent(call)
        .map(response -> Wire.r2Object(transport.readJson(call, response)));
  }

  @Override
  public R2Objects list(R2ListOptions options) {
    Objects.requireNonNull(options, "options");
    if (options.limit() != null && options.limit() < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + options.limit());
    }
    JsonNode page = transport.json(Call.of("GET", "r2", binding, "list")
        .param(
            "prefix",
            options.prefix() == null ? null : Wire.requireText(options.prefix(), "prefix"))
        .param("cursor", options.cursor())
        .param("limit", options.limit())
        .param(
            "delimiter",
            options.delimiter() == null ? null : Wire.requireText(options.delimiter(), "delimiter"))
        .retried());
    List<R2Object> objects = new ArrayList<>();
    for (JsonNode object : page.path("objects")) {
      objects.add(Wire.r2Object(object));
    }
    List<String> prefixes = new ArrayList<>();
    for (JsonNode prefix : page.path("delimitedPrefixes")) {
      prefixes.add(prefix.asText());
    }
    JsonNode cursor = page.path("cursor");
    return new R2Objects(
        objects,
        page.path("truncated").asBoolean(false),
        cursor.isTextual() && !cursor.textValue().isEmpty()
            ? Optional.of(cursor.textValue())
            : Optional.empty(),
        prefixes);
  }

  @Override
  public R2Object put(String key, Path file, R2PutOptions options) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("not a readable file: " + file);
    }
    return upload(key, options, () -> ofFile(file), true);
  }

  @Override
  public R2Object put(String key, InputStream body, long length, R2PutOptions options) {
    Objects.requireNonNull(body, "body");
    if (length < 0) {
      throw new IllegalArgumentException("length is negative: " + length);
    }
    // The publisher reads the caller's stream once, so this upload is never tried again.
    return upload(
        key,
        options,
        () -> BodyPublishers.fromPublisher(
            BodyPublishers.ofInputStream(() -> new Bounded(body, length)), length),
        false);
  }

  @Override
  public R2Object put(String key, byte[] bytes, R2PutOptions options) {
    Objects.requireNonNull(bytes, "bytes");
    return upload(key, options, () -> BodyPublishers.ofByteArray(bytes), true);
  }

  private R2Object upload(
      String key, R2PutOptions options, Supplier<BodyPublisher> body, boolean replayable) {
    Wire.requireText(key, "key");
    Objects.requireNonNull(options, "options");
    Call call = Call.of("PUT", "r2", binding, "put").param("key", key).body(body);
    if (replayable) {
      call.retried();
    }
    if (options.contentType() != null) {
      call.header("content-type", options.contentType());
    }
    if (!options.customMetadata().isEmpty()) {
      call.header(
          "cfc-custom-metadata",
          Wire.headerJson(new java.util.TreeMap<>(options.customMetadata())));
    }
    return Wire.r2Object(transport.json(call));
  }

  @Override
  public void delete(String key) {
    transport.run(Call.of("DELETE", "r2", binding, "delete")
        .param("key", Wire.requireText(key, "key"))
        .retried());
  }

  private static BodyPublisher ofFile(Path file) {
    try {
      return BodyPublishers.ofFile(file);
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalArgumentException("not a readable file: " + file, e);
    }
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // The answer is already refused; its connection is dropped.
    }
  }

  /**
   * At most {@code length} bytes of the caller's stream (it may hold more than this upload), read
   * but left open for the caller to close.
   */
  private static final class Bounded extends java.io.FilterInputStream {
    private long remaining;

    Bounded(InputStream in, long length) {
      super(in);
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public void close() {}
  }
}

package dev.cfc.container.testing;

import dev.cfc.container.BridgeException;
import dev.cfc.container.R2Bucket;
import dev.cfc.container.R2ListOptions;
import dev.cfc.container.R2Object;
import dev.cfc.container.R2ObjectBody;
import dev.cfc.container.R2Objects;
import dev.cfc.container.R2PutOptions;
import dev.cfc.container.internal.Wire;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An R2 bucket held in memory. The etag is the hex MD5 of the bytes (as R2 gives for a
 * single-part upload), {@code httpEtag} the same in quotes, {@code uploaded} the given
 * {@link Clock}'s instant. {@link #list} returns keys in UTF-8 byte order, grouped by a delimiter
 * into {@code delimitedPrefixes}, paged with an opaque cursor. Applies the bridge handler's limits
 * (key 1–1024 bytes, custom metadata 2048 bytes of JSON, list limit 1–1000). Thread-safe.
 */
public final class InMemoryR2 implements R2Bucket {

  private record Stored(R2Object object, byte[] bytes) {}

  private final NavigableMap<String, Stored> objects = new TreeMap<>(Keys.ORDER);
  private final Clock clock;
  private final Limits limits;

  /** An empty bucket named {@code BUCKET} on the system clock. */
  public InMemoryR2() {
    this("BUCKET", Clock.systemUTC());
  }

  /** An empty bucket named {@code BUCKET} whose uploads are dated by {@code clock}. */
  public InMemoryR2(Clock clock) {
    this("BUCKET", clock);
  }

  /** An empty bucket named {@code binding} (in failure messages) on {@code clock}. */
  public InMemoryR2(String binding, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = new Limits("r2", Objects.requireNonNull(binding, "binding"));
  }

  @Override
  public synchronized Optional<R2ObjectBody> get(String key) {
    limits.key("get", key, Limits.R2_KEY_BYTES);
    return Optional.ofNullable(objects.get(key))
        .map(stored -> new R2ObjectBody(stored.object(), new ByteArrayInputStream(stored.bytes())));
  }

  @Override
  public synchronized Optional<R2Object> head(String key) {
    limits.key("head", key, Limits.R2_KEY_BYTES);
    return Optional.ofNullable(objects.get(key)).map(Stored::object);
  }

  @Override
  public synchronized R2Objects list(R2ListOptions options) {
    Objects.requireNonNull(options, "options");
    int limit = limits.listLimit("list", options.limit());
    String prefix = options.prefix() == null ? "" : Wire.requireText(options.prefix(), "prefix");
    String delimiter = options.delimiter();
    if (delimiter != null && delimiter.isEmpty()) {
      throw limits.badRequest("list", "delimiter is empty");
    }
    String after = Keys.after(options.cursor(), limits, "list");
    Map<String, Stored> candidates =
        after == null ? objects.tailMap(prefix, true) : objects.tailMap(after, false);
    List<R2Object> page = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String last = null;
    boolean more = false;
    for (Map.Entry<String, Stored> entry : candidates.entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(prefix)) {
        if (Keys.ORDER.compare(key, prefix) > 0) {
          break;
        }
        continue;
      }
      String group = group(key, prefix, delimiter);
      if (group != null && group.equals(last)) {
        continue;
      }
      if (page.size() + prefixes.size() == limit) {
        more = true;
        break;
      }
      if (group != null) {
        prefixes.add(group);
        last = group;
      } else {
        page.add(entry.getValue().object());
        last = key;
      }
    }
    // A cursor after a group resumes past every key of the group: the group itself, followed by
    // the highest code point, sorts after all of them.
    String resume = last != null && prefixes.contains(last) ? last + "\uDBFF\uDFFF" : last;
    return new R2Objects(
        page, more, more ? Optional.of(Keys.cursor(resume)) : Optional.empty(), prefixes);
  }

  private static String group(String key, String prefix, String delimiter) {
    if (delimiter == null) {
      return null;
    }
    int at = key.indexOf(delimiter, prefix.length());
    return at < 0 ? null : key.substring(0, at + delimiter.length());
  }

  @Override
  public R2Object put(String key, Path file, R2PutOptions options) {
    Objects.requireNonNull(file, "file");
    try {
      return put(key, Files.readAllBytes(file), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads exactly {@code length} bytes; a stream that ends sooner fails as the upload would. */
  @Override
  public R2Object put(String key, InputStream body, long length, R2PutOptions options) {
    Objects.requireNonNull(body, "body");
    if (length < 0) {
      throw new IllegalArgumentException("length is negative: " + length);
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("InMemoryR2 holds objects up to 2 GiB: " + length);
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes((int) length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length < length) {
      throw new BridgeException(
          limits.binding(),
          "r2.put",
          0,
          "io",
          "the stream ended after " + bytes.length + " of " + length + " bytes",
          null);
    }
    return put(key, bytes, options);
  }

  @Override
  public synchronized R2Object put(String key, byte[] bytes, R2PutOptions options) {
    limits.key("put", key, Limits.R2_KEY_BYTES);
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(options, "options");
    if (!options.customMetadata().isEmpty()) {
      limits.json("put", "customMetadata", options.customMetadata(), Limits.R2_METADATA_BYTES);
    }
    String etag = md5(bytes);
    R2Object object = new R2Object(
        key,
        bytes.length,
        etag,
        "\"" + etag + "\"",
        clock.instant(),
        Optional.ofNullable(options.contentType()),
        options.customMetadata());
    objects.put(key, new Stored(object, bytes.clone()));
    return object;
  }

  @Override
  public synchronized void delete(String key) {
    limits.key("delete", key, Limits.R2_KEY_BYTES);
    objects.remove(key);
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}

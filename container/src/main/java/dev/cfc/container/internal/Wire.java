package dev.cfc.container.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cfc.container.D1Meta;
import dev.cfc.container.D1Result;
import dev.cfc.container.R2Object;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The protocol's JSON shapes and the caller-side argument checks, shared by the HTTP client and
 * the fakes so both accept and answer the same things. Not API.
 */
public final class Wire {

  /**
   * Writes every character outside printable ASCII as {@code \\uXXXX}, so JSON fits in one
   * ASCII header line; reads rows into any record or bean, ignoring columns it does not have
   * (a {@code SELECT *} keeps working when a column is added).
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** Headers a caller may not set on a service call: the bridge's own and hop-by-hop ones. */
  private static final Set<String> REFUSED_HEADERS = Set.of(
      "host",
      "connection",
      "keep-alive",
      "proxy-authenticate",
      "proxy-authorization",
      "proxy-connection",
      "te",
      "trailer",
      "transfer-encoding",
      "upgrade",
      "content-length",
      "expect");

  private Wire() {}

  /** {@code value} as JSON text. */
  public static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as a JSON tree. */
  public static JsonNode tree(Object value) {
    try {
      return MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getMessage(), e);
    }
  }

  /** Parses JSON text. */
  public static JsonNode parse(byte[] json) throws JsonProcessingException {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Maps a JSON tree to {@code type}, ignoring properties the type does not have. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    return MAPPER.convertValue(node, type);
  }

  /** {@code value} as JSON for a header: ASCII, one line. */
  public static String headerJson(Object value) {
    String json = json(value);
    if (json.indexOf('\r') >= 0 || json.indexOf('\n') >= 0) {
      throw new IllegalStateException("header JSON spans lines: " + json);
    }
    return json;
  }

  /** The length of {@code text} in UTF-8. */
  public static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Checks a key, prefix or cursor the caller passed: not null, and valid UTF-16 (an unpaired
   * surrogate has no UTF-8 form, so it could not reach the binding unchanged).
   */
  public static String requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            what + " has an unpaired surrogate at index " + i + ", which UTF-8 cannot carry");
      }
    }
    return value;
  }

  /** Checks D1 parameters: null, Number, String or Boolean only, finite numbers. */
  public static List<Object> d1Params(Object[] params) {
    Objects.requireNonNull(params, "params (pass (Object) null for one NULL parameter)");
    List<Object> checked = new ArrayList<>(params.length);
    for (int i = 0; i < params.length; i++) {
      Object param = params[i];
      if (param != null
          && !(param instanceof Number)
          && !(param instanceof String)
          && !(param instanceof Boolean)) {
        throw new IllegalArgumentException("D1 parameter "
            + i
            + " is a "
            + param.getClass().getName()
            + "; bind null, a Number, a String or a Boolean");
      }
      if ((param instanceof Double d && !Double.isFinite(d))
          || (param instanceof Float f && !Float.isFinite(f))) {
        throw new IllegalArgumentException(
            "D1 parameter " + i + " is " + param + ", not a finite number");
      }
      checked.add(param);
    }
    return checked;
  }

  /** The D1 request body {@code {"sql","params"}}. */
  public static byte[] d1Request(String sql, List<Object> params) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sql", sql);
    body.put("params", params);
    return json(body).getBytes(StandardCharsets.UTF_8);
  }

  /** A D1 answer {@code {"results","meta"}} as a {@link D1Result}. */
  public static D1Result d1Result(JsonNode answer) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode row : answer.path("results")) {
      Map<String, Object> columns = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> column = it.next();
        columns.put(column.getKey(), scalar(column.getValue()));
      }
      rows.add(java.util.Collections.unmodifiableMap(columns));
    }
    JsonNode meta = answer.path("meta");
    return new D1Result(
        rows,
        new D1Meta(
            meta.path("changes").asLong(),
            meta.path("last_row_id").asLong(),
            meta.path("rows_read").asLong(),
            meta.path("rows_written").asLong(),
            meta.path("duration").asDouble()));
  }

  /** Rows of a result as JSON objects, for mapping to a row type. */
  public static <T> List<T> d1Rows(D1Result result, Class<T> rowType) {
    Objects.requireNonNull(rowType, "rowType");
    List<T> rows = new ArrayList<>(result.rows().size());
    for (Map<String, Object> row : result.rows()) {
      rows.add(MAPPER.convertValue(row, rowType));
    }
    return rows;
  }

  /** A column value: integral numbers as Long, other numbers as Double. */
  static Object scalar(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.decimalValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    return MAPPER.convertValue(value, Object.class);
  }

  /** An R2 object's description as the protocol writes it. */
  public static Map<String, Object> r2Description(R2Object object) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", object.key());
    json.put("size", object.size());
    json.put("etag", object.etag());
    json.put("httpEtag", object.httpEtag());
    json.put("uploaded", object.uploaded().toString());
    json.put("contentType", object.contentType().orElse(null));
    json.put("customMetadata", new TreeMap<>(object.customMetadata()));
    return json;
  }

  /** Reads an R2 object's description. */
  public static R2Object r2Object(JsonNode json) {
    Map<String, String> custom = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.path("customMetadata").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      custom.put(entry.getKey(), entry.getValue().asText());
    }
    JsonNode contentType = json.path("contentType");
    return new R2Object(
        json.path("key").asText(),
        json.path("size").asLong(),
        json.path("etag").asText(),
        json.path("httpEtag").asText(),
        Instant.parse(json.path("uploaded").asText()),
        contentType.isTextual() ? Optional.of(contentType.textValue()) : Optional.empty(),
        custom);
  }

  /**
   * Checks a service call before it is sent: an upper-case method, a path starting with
   * {@code /}, a body, and no {@code host}, hop-by-hop or {@code cfc-*} header, which the bridge
   * would drop; refusing them says so at once.
   */
  public static void checkServiceRequest(
      String method, String pathAndQuery, Map<String, String> headers, Object body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      throw new IllegalArgumentException("method " + method + " is not an upper-case HTTP method");
    }
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("pathAndQuery must start with /: " + pathAndQuery);
    }
    headers.forEach((name, value) -> {
      Objects.requireNonNull(name, "header name");
      Objects.requireNonNull(value, "value of header " + name);
      String lower = name.toLowerCase(Locale.ROOT);
      if (REFUSED_HEADERS.contains(lower) || lower.startsWith("cfc-")) {
        throw new IllegalArgumentException("header "
            + name
            + " cannot be sent to a service through the bridge (host, hop-by-hop and"
            + " cfc-* headers are the bridge's own)");
      }
    });
  }

  /** True for the service methods the bridge treats as reads (and retries). */
  public static boolean isReadMethod(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }
}

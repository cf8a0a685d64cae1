package dev.cfc.container.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfc.container.BridgeException;
import dev.cfc.container.internal.Wire;

/**
 * The handler's limits (docs/bridge-protocol.md), applied by the fakes so an app's test fails
 * the way production would: {@code 400 bad_request} or {@code 413 too_large}.
 */
final class Limits {

  static final int KV_KEY_BYTES = 512;
  static final int KV_VALUE_BYTES = 25 * 1024 * 1024;
  static final int KV_METADATA_BYTES = 1024;
  static final long KV_MIN_TTL_SECONDS = 60;
  static final int R2_KEY_BYTES = 1024;
  static final int R2_METADATA_BYTES = 2048;
  static final int LIST_LIMIT = 1000;
  static final int D1_BODY_BYTES = 1024 * 1024;
  static final int D1_PARAMS = 100;
  static final int QUEUE_MESSAGE_BYTES = 128 * 1024;
  static final int QUEUE_BATCH_MESSAGES = 100;
  static final int QUEUE_BATCH_BYTES = 256 * 1024;
  static final long QUEUE_MAX_DELAY_SECONDS = 43_200;

  private final String binding;
  private final String kind;

  Limits(String kind, String binding) {
    this.kind = kind;
    this.binding = binding;
  }

  String binding() {
    return binding;
  }

  BridgeException badRequest(String op, String detail) {
    return new BridgeException(binding, kind + "." + op, 400, "bad_request", detail, null);
  }

  BridgeException tooLarge(String op, String detail) {
    return new BridgeException(binding, kind + "." + op, 413, "too_large", detail, null);
  }

  /** A key of 1 to {@code maxBytes} UTF-8 bytes (and, for KV, not {@code .} or {@code ..}). */
  String key(String op, String key, int maxBytes) {
    Wire.requireText(key, "key");
    int bytes = Wire.utf8Length(key);
    if (bytes == 0) {
      throw badRequest(op, "key is empty");
    }
    if (bytes > maxBytes) {
      throw badRequest(op, "key is " + bytes + " bytes of UTF-8, more than " + maxBytes);
    }
    if (kind.equals("kv") && (key.equals(".") || key.equals(".."))) {
      throw badRequest(op, "key cannot be " + key);
    }
    return key;
  }

  /** A list page size: 1 to 1000, 1000 when not given. */
  int listLimit(String op, Integer limit) {
    if (limit == null) {
      return LIST_LIMIT;
    }
    if (limit < 1 || limit > LIST_LIMIT) {
      throw badRequest(op, "limit must be 1 to " + LIST_LIMIT + ": " + limit);
    }
    return limit;
  }

  /**
   * {@code value} as JSON, checked against {@code maxBytes} of UTF-8 as the Worker measures it
   * (not the escaped form the header carries).
   */
  JsonNode json(String op, String what, Object value, int maxBytes) {
    JsonNode json = Wire.tree(value);
    int bytes = Wire.utf8Length(json.toString());
    if (bytes > maxBytes) {
      throw tooLarge(op, what + " is " + bytes + " bytes of JSON, more than " + maxBytes);
    }
    return json;
  }
}

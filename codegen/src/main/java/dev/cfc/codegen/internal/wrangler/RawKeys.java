package dev.cfc.codegen.internal.wrangler;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of {@code wranglerKey(key, json)}, the DSL's escape hatch for a {@code containers}
 * key cfc has no call for: which keys cfc writes itself (and the call that does), which keys
 * wrangler 4.86 knows, and the JSON value in the shape the backends write.
 */
public final class RawKeys {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Each key cfc writes, or wrangler replaced with one cfc writes, and the DSL call for it. Kept
   * equal to what {@link WranglerEntries} writes by {@code RawKeysTest}.
   */
  private static final Map<String, String> DSL_CALLS = Map.ofEntries(
      Map.entry("class_name", "className(...)"),
      Map.entry("name", "containerName(...)"),
      Map.entry("image", "image(...)"),
      Map.entry("image_build_context", "image(Image.build(...).context(...))"),
      Map.entry("image_vars", "buildArg(...)"),
      Map.entry("instance_type", "instanceType(...)"),
      Map.entry("max_instances", "maxInstances(...)"),
      Map.entry("instances", "maxInstances(...)"),
      Map.entry("rollout_step_percentage", "rollout(...) or rolloutSteps(...)"),
      Map.entry("rollout_active_grace_period", "rolloutGracePeriod(...)"),
      Map.entry("rollout_kind", "rolloutKind(...)"),
      Map.entry("scheduling_policy", "schedulingPolicy(...)"),
      Map.entry("constraints", "regions(...) and jurisdiction(...)"),
      Map.entry("ssh", "ssh(...)"),
      Map.entry("wrangler_ssh", "ssh(...)"),
      Map.entry("authorized_keys", "authorizedKey(...)"),
      Map.entry("trusted_user_ca_keys", "trustedUserCaKey(...)"),
      Map.entry("durable_objects", "nothing: cfc binds the class itself"),
      Map.entry("configuration", "image(...) and instanceType(...)"));

  /**
   * The keys wrangler 4.86's {@code validateContainerApp} accepts in a {@code containers} entry;
   * any other one it reports as an unexpected field and leaves out of the deploy.
   */
  private static final Set<String> KNOWN_TO_WRANGLER = Set.of(
      "name",
      "instances",
      "max_instances",
      "image",
      "image_build_context",
      "image_vars",
      "class_name",
      "scheduling_policy",
      "instance_type",
      "ssh",
      "wrangler_ssh",
      "authorized_keys",
      "trusted_user_ca_keys",
      "configuration",
      "constraints",
      "affinities",
      "rollout_step_percentage",
      "rollout_kind",
      "durable_objects",
      "rollout_active_grace_period",
      "unsafe");

  /** Keys wrangler 4.86 checks the shape of, outside its schema: each must be a JSON object. */
  private static final Set<String> OBJECTS = Set.of("unsafe");

  private RawKeys() {}

  /** The DSL call that writes {@code key}, or null when cfc has none. */
  public static String dslCallFor(String key) {
    return DSL_CALLS.get(key);
  }

  /** Whether wrangler 4.86 accepts {@code key} in a {@code containers} entry. */
  public static boolean knownToWrangler(String key) {
    return KNOWN_TO_WRANGLER.contains(key);
  }

  /**
   * What is wrong with {@code value} for {@code key} by wrangler 4.86's own checks, or null.
   *
   * @param value a value {@link #parse} returned
   */
  public static String shapeProblem(String key, Object value) {
    return OBJECTS.contains(key) && !(value instanceof Map) ? "wrangler requires an object" : null;
  }

  /**
   * The value of {@code json} as the backends write it: maps, lists, strings, longs, doubles and
   * booleans.
   *
   * @throws IllegalArgumentException when the text is not one JSON value, or holds a
   *     {@code null}, which TOML cannot write; the message says where
   */
  public static Object parse(String json) {
    Object value;
    try {
      value = JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new IllegalArgumentException(
          "is not valid JSON" + where + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    }
    if (value == null || holdsNull(value)) {
      throw new IllegalArgumentException(
          "holds null, which a TOML config cannot write; leave" + " the member out instead");
    }
    return Values.normalize(value);
  }

  private static boolean holdsNull(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(v -> v == null || holdsNull(v));
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(v -> v == null || holdsNull(v));
    }
    return false;
  }
}

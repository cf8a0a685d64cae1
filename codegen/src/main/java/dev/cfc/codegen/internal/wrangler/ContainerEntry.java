package dev.cfc.codegen.internal.wrangler;

import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * One wrangler {@code containers} entry as cfc wants it, in one scope.
 *
 * <p>Keys are wrangler's ({@code class_name}, {@code name}, {@code image}, {@code
 * image_build_context}, {@code image_vars}, {@code instance_type}, {@code max_instances}, {@code
 * rollout_step_percentage}, {@code rollout_active_grace_period}) in the order new entries are
 * written. Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean} or a nested
 * {@code LinkedHashMap<String, Object>} of the same. A key that is absent is one cfc does not set:
 * an existing managed entry loses it.
 *
 * @param fields keys in write order
 */
public record ContainerEntry(LinkedHashMap<String, Object> fields) {
  public ContainerEntry {
    Objects.requireNonNull(fields, "fields");
    fields = new LinkedHashMap<>(fields);
  }

  @Override
  public LinkedHashMap<String, Object> fields() {
    return new LinkedHashMap<>(fields);
  }
}

package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.codegen.internal.java.BridgeNames;
import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.ContainerDefinition;
import java.util.HashMap;
import java.util.Map;

/**
 * The generated Java {@code <Name>Bridge} of a definition: CFC147 (two grants whose bindings
 * become the same accessor, such as {@code MEDIA_BUCKET} and {@code mediaBucket}). The accessor
 * is never renamed with a suffix, because the app's code would then depend on the order of the
 * grants. Checked whether or not {@code java-out} is set, so that setting it later cannot turn a
 * valid project invalid. A grant of one binding twice is not reported here: that is a mistake of
 * the grants themselves, checked with them.
 *
 * <p>The record's own name needs no check: {@code <Name>Bridge} cannot equal another generated
 * type ({@code <Name>ContainerConfig} and {@code RequestMetadata} end otherwise), and two
 * definitions of one name are already rejected as a clash of their classes.
 */
final class BridgeJavaRules {

  private final Findings findings;

  BridgeJavaRules(Findings findings) {
    this.findings = findings;
  }

  void check(ContainerDefinition definition) {
    Map<String, Bridge> byAccessor = new HashMap<>();
    for (Bridge grant : definition.bridges()) {
      String accessor = BridgeNames.accessor(grant.binding());
      Bridge earlier = byAccessor.putIfAbsent(accessor, grant);
      if (earlier != null && !earlier.binding().equals(grant.binding())) {
        findings.error(
            "CFC147",
            grant.where(),
            "bridge grants " + quote(earlier.binding()) + " (at "
                + findings.locate(earlier.where()).render() + ") and "
                + quote(grant.binding()) + " of container " + quote(definition.name())
                + " both become the accessor " + accessor + "() of its generated Java"
                + " <Name>Bridge record",
            "grant one of them, or rename one binding in the wrangler config so that their"
                + " lowerCamelCase names differ");
      }
    }
  }
}

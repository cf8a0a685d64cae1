package dev.cfc.codegen.internal.typescript;

import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.BridgeKind;
import dev.cfc.dsl.ContainerDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The TypeScript a definition's bridge grants add (docs/bridge-protocol.md): the
 * {@code wireBridge(...)} call after the class, the bridge host in its {@code allowedHosts}, and
 * the {@code Env} member of each granted binding. A definition without grants adds nothing.
 */
final class BridgeEmission {

  /** The reserved host the container's app sends bridge requests to ({@code BRIDGE_HOST}). */
  static final String BRIDGE_HOST = "bridge.cfc.internal";

  private BridgeEmission() {}

  /** The import line of the class file, or empty without grants. */
  static String importLine(ContainerDefinition definition) {
    return definition.bridges().isEmpty()
        ? ""
        : "import { wireBridge } from \"./cfc-bridge.js\";\n";
  }

  /**
   * The statement registering the bridge handler under the class, grants in declaration order,
   * or empty without grants.
   */
  static String wireCall(ContainerDefinition definition, String className) {
    if (definition.bridges().isEmpty()) {
      return "";
    }
    StringBuilder grants = new StringBuilder();
    for (Bridge grant : definition.bridges()) {
      grants
          .append(grants.isEmpty() ? "" : ",\n")
          .append("  ")
          .append(TsLiterals.key(grant.binding()))
          .append(": { kind: ")
          .append(TsLiterals.string(grant.kind().wireName()))
          .append(", readOnly: ")
          .append(grant.readsOnly())
          .append(" }");
    }
    return "\n// The bridge: requests from the container to http://" + BRIDGE_HOST
        + " run only these grants.\nwireBridge(" + className + ", "
        + TsLiterals.string(definition.name()) + ", {\n" + grants + ",\n});\n";
  }

  /**
   * The hosts of an {@code allowedHosts} literal: ContainerProxy lets only listed hosts reach
   * outbound handlers, the bridge's included, so a definition with grants lists the bridge host
   * too.
   */
  static List<String> allowedHosts(List<String> hosts, boolean bridged) {
    if (!bridged || hosts.isEmpty() || hosts.contains(BRIDGE_HOST)) {
      return hosts;
    }
    List<String> withBridge = new ArrayList<>(hosts);
    withBridge.add(BRIDGE_HOST);
    return withBridge;
  }

  /** The workers-types type of a granted binding in {@code Env}. */
  static String envType(BridgeKind kind) {
    return switch (kind) {
      case KV -> "KVNamespace";
      case R2 -> "R2Bucket";
      case D1 -> "D1Database";
      case QUEUE -> "Queue";
      case SERVICE -> "Fetcher";
    };
  }
}

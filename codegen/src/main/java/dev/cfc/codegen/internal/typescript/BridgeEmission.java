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

  private BridgeEmission() {}

  /** The import line of the class file, or empty without grants. */
  static String importLine(ContainerDefinition definition) {
    return definition.bridges().isEmpty()
        ? ""
        : "import { wireBridge } from \"./cfc-bridge.js\";\n"
            + "import { BRIDGE_GRANTS } from \"./handles.js\";\n";
  }

  /**
   * The statement registering the bridge handler under the class with the container's entry of
   * {@code BRIDGE_GRANTS}, or empty without grants.
   */
  static String wireCall(ContainerDefinition definition, String className) {
    if (definition.bridges().isEmpty()) {
      return "";
    }
    String name = definition.name();
    return "\n// The bridge: requests from the container to http://" + Bridge.HOST
        + " run only these grants.\nwireBridge(" + className + ", " + TsLiterals.string(name)
        + ", BRIDGE_GRANTS"
        + (TsLiterals.isIdentifier(name) ? "." + name : "[" + TsLiterals.string(name) + "]")
        + ");\n";
  }

  /**
   * {@code BRIDGE_GRANTS} of {@code handles.ts}: each bridged container's grants in declaration
   * order, the one table the generated classes register and Worker tests hand to the test
   * context, so the two cannot drift apart. Empty when no container has grants.
   */
  static String grantsConstant(List<ContainerDefinition> definitions) {
    StringBuilder out = new StringBuilder();
    for (ContainerDefinition definition : definitions) {
      if (definition.bridges().isEmpty()) {
        continue;
      }
      out.append("  ").append(TsLiterals.key(definition.name())).append(": {\n");
      for (Bridge grant : definition.bridges()) {
        out.append("    ")
            .append(TsLiterals.key(grant.binding()))
            .append(": { kind: ")
            .append(TsLiterals.string(grant.kind().wireName()))
            .append(", readOnly: ")
            .append(grant.readsOnly())
            .append(" },\n");
      }
      out.append("  },\n");
    }
    if (out.isEmpty()) {
      return "";
    }
    return "\n/**\n * The bridge grants of each container, as its generated class registers them with"
        + " wireBridge;\n * hand them to the test context: t.container(binding, { bridge:"
        + " BRIDGE_GRANTS.<name> }).\n */\nexport const BRIDGE_GRANTS = {\n" + out
        + "} as const satisfies Readonly<Record<string, BridgeGrants>>;\n";
  }

  /**
   * The hosts of an {@code allowedHosts} literal: ContainerProxy lets only listed hosts reach
   * outbound handlers, the bridge's included, so a definition with grants lists the bridge host
   * too.
   */
  static List<String> allowedHosts(List<String> hosts, boolean bridged) {
    if (!bridged || hosts.isEmpty() || hosts.contains(Bridge.HOST)) {
      return hosts;
    }
    List<String> withBridge = new ArrayList<>(hosts);
    withBridge.add(Bridge.HOST);
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

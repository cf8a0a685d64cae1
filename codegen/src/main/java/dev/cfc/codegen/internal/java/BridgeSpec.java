package dev.cfc.codegen.internal.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.BridgeKind;
import dev.cfc.dsl.ContainerDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The {@code <Name>Bridge} record of a definition with bridge grants: one component per grant,
 * in declaration order, named by {@link BridgeNames#accessor(String)} and typed by the
 * {@code dev.cfc.container} interface of its kind ({@code KvNamespace}, {@code R2Bucket},
 * {@code D1Database}, {@code QueueProducer}, {@code ServiceBinding}); a read-only KV or R2 grant
 * is typed {@code KvReader} or {@code R2Reader}, so a write does not compile. A read-only D1 or
 * service grant keeps its one interface: the Worker's handler refuses its writes
 * ({@code 403 read_only}). Static factories: {@code connect()} (the default
 * {@code BridgeClient}), {@code connect(BridgeClient)} and {@code inMemory()} (the
 * {@code dev.cfc.container.testing} fakes).
 */
final class BridgeSpec {

  /** A binding name that can appear in a Javadoc comment as it is. */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_]+");

  private static final String CONTAINER = "dev.cfc.container";
  private static final String TESTING = "dev.cfc.container.testing";
  private static final ClassName CLIENT = ClassName.get(CONTAINER, "BridgeClient");

  /** One component: the grant and its accessor. */
  private record Component(Bridge grant, String accessor) {

    ClassName type() {
      return switch (grant.kind()) {
        case KV -> ClassName.get(CONTAINER, grant.readsOnly() ? "KvReader" : "KvNamespace");
        case R2 -> ClassName.get(CONTAINER, grant.readsOnly() ? "R2Reader" : "R2Bucket");
        case D1 -> ClassName.get(CONTAINER, "D1Database");
        case QUEUE -> ClassName.get(CONTAINER, "QueueProducer");
        case SERVICE -> ClassName.get(CONTAINER, "ServiceBinding");
      };
    }

    ClassName fake() {
      return switch (grant.kind()) {
        case KV -> ClassName.get(TESTING, "InMemoryKv");
        case R2 -> ClassName.get(TESTING, "InMemoryR2");
        case D1 -> ClassName.get(TESTING, "StubD1");
        case QUEUE -> ClassName.get(TESTING, "InMemoryQueue");
        case SERVICE -> ClassName.get(TESTING, "StubService");
      };
    }

    /** The {@code BridgeClient} method that opens the binding. */
    String clientMethod() {
      return grant.kind().wireName();
    }
  }

  private BridgeSpec() {}

  /** The record of {@code definition}, which has at least one grant. */
  static TypeSpec of(ContainerDefinition definition, String javaPackage, String version) {
    String className = BridgeNames.className(definition);
    ClassName self = ClassName.get(javaPackage, className);
    List<Component> components = components(definition);

    CodeBlock.Builder doc = typeDoc(definition.name(), version).toBuilder().add("\n");
    MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Checks that no accessor is null.\n");
    List<CodeBlock> connected = new ArrayList<>();
    List<CodeBlock> fakes = new ArrayList<>();
    for (Component c : components) {
      constructor.addParameter(c.type(), c.accessor());
      constructor.addStatement(
          "$T.requireNonNull($N, $S)", Objects.class, c.accessor(), c.accessor());
      doc.add("@param $L ", c.accessor()).add(componentDoc(c.grant()));
      connected.add(CodeBlock.of(
          "client.$L($L)", c.clientMethod(), JavaLiterals.string(c.grant().binding())));
      fakes.add(CodeBlock.of("new $T()", c.fake()));
    }

    return TypeSpec.recordBuilder(className)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc.build())
        .recordConstructor(constructor.build())
        .addMethod(MethodSpec.methodBuilder("connect")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addJavadoc(
                "Connects through {@link $T#connect()}: to the URL in {@code CFC_BRIDGE_URL}\n"
                    + "when it is set, else to {@code http://$L}.\n\n@return the bridge\n",
                CLIENT,
                Bridge.HOST)
            .addStatement("return connect($T.connect())", CLIENT)
            .build())
        .addMethod(MethodSpec.methodBuilder("connect")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(ParameterSpec.builder(CLIENT, "client").build())
            .addJavadoc("Opens every granted binding through {@code client}.\n\n")
            .addJavadoc("@param client the bridge client, for example one of a test server\n")
            .addJavadoc("@return the bridge\n")
            .addStatement("$T.requireNonNull(client, $S)", Objects.class, "client")
            .addStatement("return new $T($L)", self, CodeBlock.join(connected, ",$W"))
            .build())
        .addMethod(MethodSpec.methodBuilder("inMemory")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addJavadoc(
                "Fresh in-memory fakes from {@code $L}, one per grant,\nfor the app's unit"
                    + " tests; no request leaves the process. To start from seeded data,\npass"
                    + " fakes to the constructor.\n\n@return the bridge over new fakes\n",
                TESTING)
            .addStatement("return new $T($L)", self, CodeBlock.join(fakes, ",$W"))
            .build())
        .build();
  }

  private static List<Component> components(ContainerDefinition definition) {
    Set<String> taken = new HashSet<>();
    List<Component> components = new ArrayList<>();
    for (Bridge grant : definition.bridges()) {
      String accessor = BridgeNames.accessor(grant.binding());
      if (!taken.add(accessor)) {
        throw new IllegalArgumentException("two bridge grants of \"" + definition.name()
            + "\" become the accessor " + accessor + "; validation should have rejected it");
      }
      components.add(new Component(grant, accessor));
    }
    return components;
  }

  private static CodeBlock typeDoc(String container, String version) {
    return CodeBlock.builder()
        .add(
            "The Worker bindings the container {@code $L} may use through the bridge: one typed"
                + "\naccessor per grant of its definition's {@code bridge(...)}, in that order."
                + " Each call is\nan HTTP request to the reserved host {@code $L}, which the"
                + " generated Container\nclass answers inside Cloudflare, running only the granted"
                + " operations on the granted\nbindings.\n",
            container,
            Bridge.HOST)
        .add(
            "\n<p>Generated by cfc $L from the definition; do not edit: {@code cfc generate}\n"
                + "rewrites this file.\n",
            version)
        .build();
  }

  private static CodeBlock componentDoc(Bridge grant) {
    String name = SAFE_NAME.matcher(grant.binding()).matches()
        ? "{@code " + grant.binding() + "}"
        : "(an unusual name)";
    CodeBlock what = CodeBlock.of(
        "the $L binding $L ({@code $L})",
        kindName(grant.kind()),
        name,
        grant.kind().wranglerKey());
    if (!grant.readsOnly()) {
      return CodeBlock.builder().add(what).add("\n").build();
    }
    return CodeBlock.builder()
        .add(what)
        .add(
            grant.kind() == BridgeKind.KV || grant.kind() == BridgeKind.R2
                ? ";\n    read-only: typed as a reader, so writes do not compile\n"
                : ";\n    read-only: the Worker refuses writes with {@code 403 read_only}\n")
        .build();
  }

  private static String kindName(BridgeKind kind) {
    return switch (kind) {
      case KV -> "KV";
      case R2 -> "R2";
      case D1 -> "D1";
      case QUEUE -> "queue producer";
      case SERVICE -> "service";
    };
  }
}

package dev.cfc.codegen.internal.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfc.container.BridgeClient;
import dev.cfc.container.D1Database;
import dev.cfc.container.KvReader;
import dev.cfc.container.QueueProducer;
import dev.cfc.container.R2Bucket;
import dev.cfc.container.R2Reader;
import dev.cfc.container.ServiceBinding;
import dev.cfc.container.testing.InMemoryKv;
import dev.cfc.container.testing.InMemoryQueue;
import dev.cfc.container.testing.InMemoryR2;
import dev.cfc.container.testing.StubD1;
import dev.cfc.container.testing.StubService;
import dev.cfc.dsl.Bridge;
import dev.cfc.dsl.Container;
import dev.cfc.dsl.Image;
import java.lang.reflect.RecordComponent;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code <Name>Bridge}, compiled by javac against {@code dev.cfc:cfc-container}:
 * its components and their types, its factories, and that a read-only grant's writes do not
 * compile.
 */
class BridgeRecordTest {

  private static final String APP_PACKAGE = "app/generated/";

  private static Map<String, String> bridgeCase() {
    return new JavaEmitter(JavaCases.VERSION)
        .emit(JavaCases.bridge().definitions(), JavaCases.PACKAGE);
  }

  private static Class<?> load(GeneratedJava.Compiled compiled, String simpleName)
      throws ClassNotFoundException {
    @SuppressWarnings("resource") // the class must stay loadable for the whole test
    URLClassLoader loader = compiled.loader();
    return loader.loadClass(JavaCases.PACKAGE + "." + simpleName);
  }

  @Test
  void oneComponentPerGrantInDeclarationOrderTypedByKindAndReadersForReadOnlyKvAndR2(
      @TempDir Path dir) throws Exception {
    Class<?> bridge = load(GeneratedJava.compileCleanly(dir, bridgeCase()), "UploaderBridge");

    Map<String, Class<?>> components = new LinkedHashMap<>();
    for (RecordComponent c : bridge.getRecordComponents()) {
      components.put(c.getName(), c.getType());
    }
    assertThat(components)
        .containsExactly(
            Map.entry("cache", KvReader.class),
            Map.entry("mediaBucket", R2Bucket.class),
            Map.entry("archive", R2Reader.class),
            Map.entry("db", D1Database.class),
            Map.entry("progress", QueueProducer.class),
            Map.entry("billing", ServiceBinding.class));
  }

  @Test
  void onlyContainersWithGrantsGetABridgeRecord() {
    assertThat(bridgeCase().keySet())
        .containsExactly(
            APP_PACKAGE + "IndexerContainerConfig.java",
            APP_PACKAGE + "UploaderContainerConfig.java",
            APP_PACKAGE + "UploaderBridge.java",
            APP_PACKAGE + "RequestMetadata.java");
  }

  @Test
  void inMemoryBuildsAFreshFakeForEveryGrant(@TempDir Path dir) throws Throwable {
    Class<?> bridge = load(GeneratedJava.compileCleanly(dir, bridgeCase()), "UploaderBridge");

    Object first = GeneratedJava.callStatic(bridge, "inMemory", new Class<?>[0]);
    Map<String, Object> values = GeneratedJava.components(first);
    List<Class<?>> kinds = new ArrayList<>();
    values.values().forEach(v -> kinds.add(v.getClass()));
    assertThat(kinds)
        .containsExactly(
            InMemoryKv.class,
            InMemoryR2.class,
            InMemoryR2.class,
            StubD1.class,
            InMemoryQueue.class,
            StubService.class);
    Map<Object, Boolean> distinct = new IdentityHashMap<>();
    values.values().forEach(v -> distinct.put(v, true));
    GeneratedJava.components(GeneratedJava.callStatic(bridge, "inMemory", new Class<?>[0]))
        .values()
        .forEach(v -> distinct.put(v, true));
    assertThat(distinct).as("two grants, or two calls, never share a fake").hasSize(12);
  }

  @Test
  void theConstructorAndConnectRejectNull(@TempDir Path dir) throws Throwable {
    Class<?> bridge = load(GeneratedJava.compileCleanly(dir, bridgeCase()), "UploaderBridge");

    assertThatThrownBy(() -> GeneratedJava.callStatic(
            bridge, "connect", new Class<?>[] {BridgeClient.class}, (Object) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("client");
    Class<?>[] types = new Class<?>[bridge.getRecordComponents().length];
    for (int i = 0; i < types.length; i++) {
      types[i] = bridge.getRecordComponents()[i].getType();
    }
    Object[] values = {
      new InMemoryKv(), new InMemoryR2(), null, new StubD1(), new InMemoryQueue(), new StubService()
    };
    assertThatThrownBy(() -> {
          try {
            bridge.getConstructor(types).newInstance(values);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        })
        .isInstanceOf(NullPointerException.class)
        .hasMessage("archive");
  }

  /** The app's code calling {@code call} on a {@code UploaderBridge bridge}. */
  private static Map<String, String> withApp(String call) {
    Map<String, String> files = new LinkedHashMap<>(bridgeCase());
    files.put(
        "app/App.java",
        "package app;\n\n"
            + "import app.generated.UploaderBridge;\n\n"
            + "/** The app. */\n"
            + "public final class App {\n"
            + "  private App() {}\n\n"
            + "  /**\n   * Uses the bridge.\n   *\n   * @param bridge the bridge\n   */\n"
            + "  public static void use(UploaderBridge bridge) {\n"
            + "    " + call + ";\n"
            + "  }\n"
            + "}\n");
    return files;
  }

  @Test
  void writesThroughAReadOnlyGrantDoNotCompileAndThroughAWritableOneDo(@TempDir Path dir)
      throws Exception {
    GeneratedJava.compileCleanly(
        dir.resolve("kv-read"), withApp("bridge.cache().get(\"k\").isPresent()"));
    GeneratedJava.compileCleanly(
        dir.resolve("r2-write"), withApp("bridge.mediaBucket().delete(\"k\")"));
    GeneratedJava.compileCleanly(
        dir.resolve("r2-read"), withApp("bridge.archive().head(\"k\").isPresent()"));

    for (String write : List.of(
        "bridge.cache().put(\"k\", \"v\")",
        "bridge.cache().delete(\"k\")",
        "bridge.archive().delete(\"k\")",
        "bridge.archive().put(\"k\", new byte[0], null)")) {
      GeneratedJava.Compiled compiled =
          GeneratedJava.compile(dir.resolve("write-" + write.hashCode()), withApp(write));
      assertThat(compiled.success()).as(write).isFalse();
      assertThat(compiled.diagnostics())
          .as(write)
          .contains("App.java")
          .contains("cannot find symbol");
    }
  }

  @Test
  void keywordsRecordMembersAndFactoryNamesGetBindingAppended(@TempDir Path dir) throws Exception {
    Map<String, String> files = new JavaEmitter(JavaCases.VERSION)
        .emit(JavaCases.bridgeNames().definitions(), JavaCases.PACKAGE);
    Class<?> bridge = load(GeneratedJava.compileCleanly(dir, files), "KeywordsBridge");

    List<String> names = new ArrayList<>();
    for (RecordComponent c : bridge.getRecordComponents()) {
      names.add(c.getName());
    }
    assertThat(names)
        .containsExactly(
            "classBinding",
            "toStringBinding",
            "hashCodeBinding",
            "getClassBinding",
            "connectBinding",
            "inMemoryBinding",
            "recordBinding",
            "client",
            "v2Fa",
            "oddName");
  }

  @Test
  void twoGrantsWithOneAccessorAreRefusedRatherThanRenamed() {
    var definition = Container.define("app")
        .image(Image.build("containers/app"))
        .bridge(Bridge.r2("MEDIA_BUCKET"), Bridge.kv("mediaBucket"))
        .build();
    assertThatThrownBy(
            () -> new JavaEmitter(JavaCases.VERSION).emit(List.of(definition), "app.generated"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mediaBucket");
  }
}

package dev.cfc.codegen.internal.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code <Name>ContainerConfig} records compiled with javac and called
 * reflectively: {@code from(Map)} returns the values, falls back to the definition for absent
 * {@code env} values, and names every absent secret at once.
 */
class ContainerConfigBehaviourTest {

  private static final Class<?>[] MAP = {Map.class};
  private static final Map<String, Class<?>> CLASSES = new HashMap<>();

  @BeforeAll
  static void compileEveryCase(@TempDir Path dir) throws Exception {
    for (JavaCases.Case c : JavaCases.all().values()) {
      GeneratedJava.Compiled compiled = GeneratedJava.compileCleanly(
          Files.createDirectory(dir.resolve(c.name())),
          new JavaEmitter(JavaCases.VERSION).emit(c.definitions(), JavaCases.PACKAGE));
      ClassLoader loader = compiled.loader();
      for (var d : c.definitions()) {
        String name = ContainerConfigSpec.className(d);
        CLASSES.put(name, loader.loadClass(JavaCases.PACKAGE + "." + name));
      }
    }
  }

  private static Object from(String className, Map<String, String> env) throws Throwable {
    return GeneratedJava.callStatic(CLASSES.get(className), "from", MAP, env);
  }

  @Test
  void fromReturnsEveryValueAndThePortsOfTheDefinition() throws Throwable {
    Object config = from(
        "TranscoderContainerConfig",
        Map.of(
            "LOG_LEVEL",
            "debug",
            "S3_BUCKET",
            "uploads",
            "TRANSCODER_API_KEY",
            "key-1",
            "STRIPE_KEY",
            "sk_test",
            "UNRELATED",
            "ignored"));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("logLevel", "debug");
    expected.put("s3Bucket", "uploads");
    expected.put("transcoderApiKey", "key-1");
    expected.put("stripeKey", "sk_test");
    expected.put("defaultPort", 8080);
    expected.put("port8080", 8080);
    expected.put("port9090", 9090);
    assertThat(GeneratedJava.components(config)).containsExactlyEntriesOf(expected);
  }

  @Test
  void absentEnvValuesFallBackToTheDefinitionAndTheEmptyStringIsAValue() throws Throwable {
    Object config = from(
        "TranscoderContainerConfig",
        Map.of("S3_BUCKET", "", "TRANSCODER_API_KEY", "", "STRIPE_KEY", "sk"));

    assertThat(GeneratedJava.components(config))
        .containsEntry("logLevel", "info")
        .containsEntry("s3Bucket", "")
        .containsEntry("transcoderApiKey", "");
  }

  @Test
  void everyAbsentSecretIsNamedInOneException() {
    assertThatThrownBy(() -> from("TranscoderContainerConfig", Map.of("LOG_LEVEL", "x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cfc: container transcoder cannot start, missing environment variables:"
            + " TRANSCODER_API_KEY, STRIPE_KEY");
  }

  @Test
  void aNullValueInTheMapIsAbsent() {
    Map<String, String> env = new HashMap<>();
    env.put("TRANSCODER_API_KEY", null);
    env.put("STRIPE_KEY", "sk");
    env.put("LOG_LEVEL", null);

    assertThatThrownBy(() -> from("TranscoderContainerConfig", env))
        .hasMessageEndingWith("missing environment variables: TRANSCODER_API_KEY");
  }

  @Test
  void toStringShowsEnvValuesAndPortsButHidesSecrets() throws Throwable {
    Object config = from(
        "TranscoderContainerConfig",
        Map.of("TRANSCODER_API_KEY", "key-1", "STRIPE_KEY", "sk_live_secret"));

    assertThat(config.toString())
        .isEqualTo("TranscoderContainerConfig[logLevel=info,"
            + " s3Bucket=media, transcoderApiKey=(hidden), stripeKey=(hidden), defaultPort=8080,"
            + " port8080=8080, port9090=9090]");
  }

  @Test
  void theCanonicalConstructorTakesOtherPortsAndRejectsNullStrings() throws Exception {
    Class<?> type = CLASSES.get("TranscoderContainerConfig");
    Constructor<?> constructor = type.getDeclaredConstructors()[0];
    Object config = constructor.newInstance("info", "b", "k", "s", 0, 0, 0);
    assertThat(GeneratedJava.components(config)).containsEntry("defaultPort", 0);

    assertThatThrownBy(() -> constructor.newInstance("info", null, "k", "s", 0, 0, 0))
        .isInstanceOf(InvocationTargetException.class)
        .cause()
        .isInstanceOf(NullPointerException.class)
        .hasMessage("s3Bucket");
  }

  @Test
  void aContainerWithoutVariablesReadsTheRealEnvironment() throws Throwable {
    Object config =
        GeneratedJava.callStatic(CLASSES.get("JobContainerConfig"), "fromEnv", new Class<?>[0]);

    assertThat(config.getClass().getRecordComponents()).isEmpty();
    assertThat(config.toString()).isEqualTo("JobContainerConfig[]");
  }

  @Test
  void hostileValuesAndNamesSurviveExactly() throws Throwable {
    Object config = from(
        "EvilContainerConfig",
        Map.of(
            "API_KEY",
            "a",
            "ODD-SECRET\"*/\\u002a/",
            "odd",
            "DB_PASSWORD",
            "db",
            "KEY\"*/`${k}`\n",
            "read by its exact name"));

    assertThat(GeneratedJava.components(config))
        .containsEntry("plain", JavaCases.HOSTILE)
        .containsEntry("empty", "")
        .containsEntry("keyK", "read by its exact name")
        .containsEntry("oddSecretU002a", "odd");
    assertThatThrownBy(() -> from("EvilContainerConfig", Map.of()))
        .hasMessageEndingWith(": API_KEY, ODD-SECRET\"*/\\u002a/, DB_PASSWORD");
  }

  @Test
  void everyClashingAccessorReadsItsOwnVariable() throws Throwable {
    List<String> variables = List.of(
        "FROM",
        "log_level",
        "LOG_LEVEL",
        "LOG_LEVEL2",
        "CLASS",
        "TO_STRING",
        "DEFAULT_PORT",
        "PORT_8080",
        "ENV",
        "MISSING",
        "2FA",
        "__",
        "HTTPProxy",
        "log__level",
        "Log_Level");
    Map<String, String> env = new HashMap<>();
    variables.forEach(v -> env.put(v, v));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("fromValue", "FROM");
    expected.put("logLevel5", "log_level");
    expected.put("logLevel", "LOG_LEVEL");
    expected.put("logLevel2", "LOG_LEVEL2");
    expected.put("classValue", "CLASS");
    expected.put("toStringValue", "TO_STRING");
    expected.put("defaultPortValue", "DEFAULT_PORT");
    expected.put("port8080Value", "PORT_8080");
    expected.put("env", "ENV");
    expected.put("missing", "MISSING");
    expected.put("v2Fa", "2FA");
    expected.put("value", "__");
    expected.put("httpProxy", "HTTPProxy");
    expected.put("logLevel4", "log__level");
    expected.put("logLevel3", "Log_Level");
    expected.put("defaultPort", 8080);
    expected.put("port8080", 8080);
    assertThat(GeneratedJava.components(from("ClashContainerConfig", env)))
        .containsExactlyEntriesOf(expected);
    assertThatThrownBy(() -> from("ClashContainerConfig", Map.of()))
        .hasMessageEndingWith(": HTTPProxy, log__level, Log_Level");
  }
}

package dev.cfc.codegen.internal.typescript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Probe;
import dev.cfc.dsl.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emitted TypeScript under the real compiler: {@code tsc} 5.9.3 with the runtime's
 * {@code tsconfig.base.json} ({@code strict}, {@code moduleResolution: bundler},
 * {@code @cloudflare/workers-types}) against the real {@code @cloudflare/containers}, all from
 * {@code runtime-js-templates/node_modules}, which that module's build installs with
 * {@code npm ci}. Work directories live in {@code runtime-js-templates/target/} so that package
 * resolution finds those node_modules.
 */
class TypeScriptTscTest {

  static final Path RUNTIME =
      Path.of("..", "runtime-js-templates").toAbsolutePath().normalize();
  static final Path TSC = RUNTIME.resolve("node_modules/typescript/bin/tsc");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path work;

  @BeforeAll
  static void requireTheRuntimeNodeModules() throws IOException {
    if (!Files.isRegularFile(TSC)
        || !Files.isDirectory(RUNTIME.resolve("node_modules/@cloudflare/containers"))
        || !Files.isDirectory(RUNTIME.resolve("node_modules/@cloudflare/workers-types"))) {
      fail(RUNTIME + "/node_modules lacks typescript, @cloudflare/containers or"
          + " @cloudflare/workers-types. Build runtime-js-templates with its tests (it runs"
          + " `npm ci`), or run `npm ci` in " + RUNTIME + "; a -DskipTests build of it does not.");
    }
    Path target = Files.createDirectories(RUNTIME.resolve("target"));
    work = Files.createTempDirectory(target, "codegen-tsc-");
  }

  @AfterAll
  static void deleteTheWorkDirectory() throws IOException {
    if (work == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(work)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void everyGoldenCaseTypeChecksUnderStrictTogetherWithAWorkerUsingEveryHandleMethod()
      throws Exception {
    Path dir = Files.createDirectory(work.resolve("golden"));
    for (TsCases.Case c : TsCases.all().values()) {
      Path caseDir = Files.createDirectory(dir.resolve(c.name()));
      write(
          caseDir,
          new TypeScriptEmitter(TsCases.VERSION)
              .writingTo(TsCases.OUTPUT_DIR)
              .emit(c.definitions(), c.workerName(), c.environments()));
    }
    writeUserClass(dir, "hooks", userClass());
    String worker =
        Files.readString(RUNTIME.resolve("test/worker-sample/worker.ts"), StandardCharsets.UTF_8);
    assertThat(worker).contains("../fixture-generated/");
    Files.writeString(
        dir.resolve("two-containers/worker.ts"),
        worker
            .replace("../fixture-generated/HookedContainer.js", "../hooks/HookedContainer.js")
            .replace("../fixture-generated/", "./"),
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("tsconfig.json"), tsconfig(true, "*/*.ts"), StandardCharsets.UTF_8);

    Result tsc = run(dir, "node", TSC.toString(), "-p", "tsconfig.json", "--strict");

    assertThat(tsc.exitCode()).as("tsc output:\n" + tsc.output()).isZero();
  }

  @Test
  void aUserHookWithTheWrongSignatureFailsTypeChecking() throws Exception {
    Path dir = Files.createDirectory(work.resolve("wrong-hook"));
    write(
        Files.createDirectory(dir.resolve("hooks")),
        new TypeScriptEmitter(TsCases.VERSION)
            .writingTo(TsCases.OUTPUT_DIR)
            .emit(TsCases.hooks().definitions(), TsCases.WORKER));
    String userClass = userClass();
    String rightSignature = "override onStop(params: StopParams): void {";
    assertThat(userClass).contains(rightSignature);
    writeUserClass(
        dir, "hooks", userClass.replace(rightSignature, "override onStop(params: string): void {"));
    Files.writeString(
        dir.resolve("tsconfig.json"), tsconfig(true, "*/*.ts"), StandardCharsets.UTF_8);

    Result tsc = run(dir, "node", TSC.toString(), "-p", "tsconfig.json", "--strict");

    assertThat(tsc.exitCode()).as("tsc output:\n" + tsc.output()).isNotZero();
    assertThat(tsc.output())
        .contains("fixture-user/hooked-base.ts")
        .contains("'onStop'")
        .contains("StopParams");
  }

  /** The runtime fixture's user class, which the {@code hooks} case extends. */
  private static String userClass() throws IOException {
    return Files.readString(
        RUNTIME.resolve("test").resolve(TsCases.HOOKS_MODULE.substring("test/".length())),
        StandardCharsets.UTF_8);
  }

  /**
   * Writes the user class where the case's generated class imports it from, importing the
   * runtime from the case directory as a project's class imports it from typescript-out.
   */
  private static void writeUserClass(Path dir, String caseName, String text) throws IOException {
    Path module = dir.resolve(TsCases.HOOKS_MODULE.substring("test/".length()));
    Files.createDirectories(module.getParent());
    Files.writeString(
        module,
        text.replace("\"../fixture-generated/", "\"../" + caseName + "/"),
        StandardCharsets.UTF_8);
  }

  @Test
  void hostileStringsCompileAndRunToExactlyTheJavaStrings() throws Exception {
    Path dir = Files.createDirectory(work.resolve("roundtrip"));
    String worker = "worker\"*/`${w}`\n" + TsCases.HOSTILE;
    ContainerDefinition d = TsCases.hostileDefinition();
    Settings s = d.effectiveSettings();
    write(dir, new TypeScriptEmitter(TsCases.VERSION).emit(List.of(d), worker));
    StringBuilder values = new StringBuilder();
    values.append("import type { CfcContainerConfig } from \"./cfc-runtime.js\";\n");
    values
        .append("export const config: CfcContainerConfig = ")
        .append(TypeScriptEmitter.configLiteral(d.name(), s, worker, ""))
        .append(";\n");
    values.append("export const fields = {\n");
    for (TypeScriptEmitter.Field f : TypeScriptEmitter.overrideFields(s)) {
      values.append("  ").append(f.name()).append(": ").append(f.literal()).append(",\n");
    }
    values.append("};\n");
    values
        .append("export const labels: Readonly<Record<string, string>> = ")
        .append(TypeScriptEmitter.labelsLiteral(s))
        .append(";\n");
    Files.writeString(dir.resolve("values.ts"), values, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("tsconfig.json"), tsconfig(false, "*.ts"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("package.json"), "{ \"type\": \"module\" }\n");
    Files.writeString(dir.resolve("print.mjs"), """
        const m = await import("./out/values.js");
        process.stdout.write(JSON.stringify({ config: m.config, fields: m.fields, labels: m.labels }));
        """);

    Result tsc = run(dir, "node", TSC.toString(), "-p", "tsconfig.json", "--strict");
    assertThat(tsc.exitCode()).as("tsc output:\n" + tsc.output()).isZero();
    Result node = run(dir, "node", "print.mjs");
    assertThat(node.exitCode()).as("node output:\n" + node.output()).isZero();

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("config", expectedConfig(d.name(), s, worker));
    expected.put("fields", expectedFields(s));
    expected.put("labels", s.labels());
    JsonNode want = JSON.readTree(JSON.writeValueAsString(expected));
    JsonNode got = JSON.readTree(node.output());
    assertThat(got).isEqualTo(want);
    assertThat(got.at("/config/env/PLAIN").textValue()).isEqualTo(TsCases.HOSTILE);
    assertThat(got.at("/labels/team").textValue()).isEqualTo(TsCases.HOSTILE);
    assertThat(got.at("/fields/allowedHosts/0").textValue()).isEqualTo(TsCases.HOSTILE);
    assertThat(got.at("/config/probes/0/path").textValue()).isEqualTo(TsCases.HOSTILE);
    assertThat(got.at("/config/workerName").textValue()).isEqualTo(worker);
  }

  private static Map<String, Object> expectedConfig(String name, Settings s, String worker) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("workerName", worker);
    c.put("env", s.env());
    c.put("secrets", s.secrets());
    c.put("secretsStore", s.secretsStore());
    List<Map<String, Object>> probes = new ArrayList<>();
    for (Probe p : s.probes()) {
      Map<String, Object> probe = new LinkedHashMap<>();
      probe.put("path", p.path());
      if (p.port() != null) {
        probe.put("port", p.port());
      }
      if (p.status() != null) {
        probe.put("status", p.status());
      }
      probes.add(probe);
    }
    c.put("probes", probes);
    c.put(
        "readiness",
        Map.of(
            "timeoutMs",
            s.readinessBudget().timeout().toMillis(),
            "pollMs",
            s.readinessBudget().poll().toMillis()));
    c.put("forwardMetadata", s.forwardMetadata());
    return c;
  }

  private static Map<String, Object> expectedFields(Settings s) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("defaultPort", s.defaultPort());
    f.put("sleepAfter", s.sleepAfter().text());
    f.put("entrypoint", s.entrypoint());
    f.put("allowedHosts", s.allowedHosts());
    f.put("deniedHosts", s.deniedHosts());
    f.put("pingEndpoint", TypeScriptEmitter.PING_HOST + s.pingEndpoint());
    f.put("labels", s.labels());
    return f;
  }

  private static String tsconfig(boolean noEmit, String include) throws IOException {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("strict", true);
    if (noEmit) {
      options.put("noEmit", true);
    } else {
      options.put("outDir", "out");
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("extends", RUNTIME.resolve("tsconfig.base.json").toString());
    config.put("compilerOptions", options);
    config.put("include", List.of(include));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n";
  }

  private static void write(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
  }

  record Result(int exitCode, String output) {}

  private static Result run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 120 s");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}

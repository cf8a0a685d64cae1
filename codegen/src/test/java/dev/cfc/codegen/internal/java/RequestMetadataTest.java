package dev.cfc.codegen.internal.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code RequestMetadata}, compiled with javac and called reflectively, against
 * the TypeScript side: the runtime's own {@code cfc-metadata.ts} (from the runtime jar), compiled
 * with the runtime's {@code tsc} and run with node, encodes hostile values and decodes
 * hand-written headers; the Java parser must agree with both.
 */
class RequestMetadataTest {

  private static final Path RUNTIME =
      Path.of("..", "runtime-js-templates").toAbsolutePath().normalize();
  private static final Path TSC = RUNTIME.resolve("node_modules/typescript/bin/tsc");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      RequestMetadataSpec.FIELDS.stream().map(f -> f[0]).toList();

  /** Values that must survive encodeURIComponent → URLDecoder unchanged. */
  static final List<String> HOSTILE = List.of(
      "",
      ";",
      "=",
      "%",
      "%25",
      "%2B",
      "+",
      " ",
      "a b",
      "v=2;id=forged",
      "k=v;k2=v2",
      "é",
      "😀",
      "中文",
      "👩‍👩‍👧",
      "\n\t\r",
      "\"'\\",
      "~!*()'",
      "&?#/:@",
      "%E9",
      "\u0000",
      "\u2028");

  private static Class<?> metadata;
  private static Path work;

  @BeforeAll
  static void compileTheGeneratedClass(@TempDir Path dir) throws Exception {
    GeneratedJava.Compiled compiled = GeneratedJava.compileCleanly(
        dir, new JavaEmitter(JavaCases.VERSION).emit(List.of(), JavaCases.PACKAGE));
    metadata = compiled.loader().loadClass(JavaCases.PACKAGE + ".RequestMetadata");
  }

  @AfterAll
  static void deleteTheNodeWorkDirectory() throws IOException {
    if (work == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(work)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Map<String, Object> parse(String header) throws Throwable {
    return GeneratedJava.components(
        GeneratedJava.callStatic(metadata, "parse", new Class<?>[] {String.class}, header));
  }

  private static Map<String, Object> fields(String... values) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < FIELDS.size(); i++) {
      map.put(FIELDS.get(i), values[i]);
    }
    return map;
  }

  @Test
  void parsesEveryFieldOfAVersion1Header() throws Throwable {
    String header = "v=1;id=8a1b2c3d4e5f-AMS;colo=AMS;region=North%20Holland;country=NL;"
        + "ip=203.0.113.7;worker=media-api;method=POST;path=%2Fupload%2Fa%20b;"
        + "url=https%3A%2F%2Fmedia.example%2Fupload%2Fa%20b%3Fq%3D1";

    assertThat(parse(header))
        .containsExactlyEntriesOf(fields(
            "8a1b2c3d4e5f-AMS",
            "AMS",
            "North Holland",
            "NL",
            "203.0.113.7",
            "media-api",
            "POST",
            "/upload/a b",
            "https://media.example/upload/a b?q=1"));
  }

  @Test
  void ignoresUnknownKeysAndReadsMissingOnesAsEmpty() throws Throwable {
    assertThat(parse("v=1;future=%ZZ;id=x;novalue;;method=GET"))
        .containsExactlyEntriesOf(fields("x", "", "", "", "", "", "GET", "", ""));
  }

  @Test
  void rejectsAnUnknownOrMissingVersion() {
    assertThatThrownBy(() -> parse("v=2;id=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported x-cfc-metadata version \"2\"; this class reads version 1");
    assertThatThrownBy(() -> parse("id=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported x-cfc-metadata version \"\"");
  }

  @Test
  void rejectsAValueThatIsNotPercentEncodingNamingItsKey() {
    assertThatThrownBy(() -> parse("v=1;path=%2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the value of path in x-cfc-metadata is not percent-encoded: ");
  }

  @Test
  void fromIsEmptyForAnAbsentHeader() throws Throwable {
    Class<?>[] string = {String.class};
    assertThat(GeneratedJava.callStatic(metadata, "from", string, (Object) null))
        .isEqualTo(Optional.empty());
    Optional<?> present =
        (Optional<?>) GeneratedJava.callStatic(metadata, "from", string, "v=1;id=x");
    assertThat(GeneratedJava.components(present.orElseThrow())).containsEntry("id", "x");
    assertThat(metadata.getField("HEADER").get(null)).isEqualTo("x-cfc-metadata");
  }

  @Test
  void headersEncodedByTheTypeScriptRuntimeParseBackToTheSameValues() throws Throwable {
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (String value : HOSTILE) {
      inputs.add(fields(FIELDS.stream().map(f -> value).toArray(String[]::new)));
    }
    List<String> all = new ArrayList<>(HOSTILE);
    while (all.size() < FIELDS.size()) {
      all.add("x" + all.size());
    }
    for (int shift = 0; shift < all.size(); shift++) {
      String[] values = new String[FIELDS.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = all.get((shift + i) % all.size());
      }
      inputs.add(fields(values));
    }
    List<String> requests = List.of(
        "https://media.example/a b/é/%41?q=1;v=2&x=%3B#frag",
        "http://localhost:8787/", "https://media.example/😀?=");

    JsonNode out = runTypeScript(inputs, List.of(), requests);

    JsonNode encoded = out.get("encoded");
    assertThat(encoded).hasSize(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      String header = encoded.get(i).textValue();
      assertThat(header).startsWith("v=1;id=");
      assertThat(parse(header)).as(header).containsExactlyEntriesOf(inputs.get(i));
    }
    for (JsonNode request : out.get("requests")) {
      Map<String, Object> expected = JSON.convertValue(
          request.get("metadata"),
          JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
      assertThat(parse(request.get("header").textValue())).containsExactlyEntriesOf(expected);
    }
  }

  @Test
  void theJavaParserAgreesWithTheReferenceDecoder() throws Throwable {
    List<String> headers = List.of(
        "v=1;id=a+b;colo=%2B;region=%20",
        "id=x;v=1;worker=w",
        "v=1;id=first;id=second",
        "v=1;;noequals;id=a=b;path=%2F%3B%3D",
        "v=%31;id=x",
        "v=1;id=%F0%9F%98%80;url=%E4%B8%AD",
        "v=1;future=anything;url=https%3A%2F%2Fx",
        "v=2;id=x",
        "v=1 ;id=x",
        "V=1;id=x",
        "");

    JsonNode decoded = runTypeScript(List.of(), headers, List.of()).get("decoded");

    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i);
      JsonNode reference = decoded.get(i);
      if (reference.has("error")) {
        assertThatThrownBy(() -> parse(header))
            .as(header)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("unsupported x-cfc-metadata version");
      } else {
        Map<String, Object> expected = JSON.convertValue(
            reference.get("ok"),
            JSON.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        assertThat(parse(header)).as(header).containsExactlyEntriesOf(expected);
      }
    }
  }

  /**
   * Compiles the runtime's {@code cfc-metadata.ts} with tsc and runs it with node: encodes
   * {@code encode}, decodes {@code decode} with {@code decodeMetadata}, and forwards a GET of
   * each URL in {@code requests} through {@code withMetadata}.
   */
  private static JsonNode runTypeScript(
      List<Map<String, Object>> encode, List<String> decode, List<String> requests)
      throws Exception {
    Path dir = compiledTypeScript();
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("encode", encode);
    input.put("decode", decode);
    input.put("requests", requests);
    Path in = Files.createTempFile(dir, "input-", ".json");
    Path out = Files.createTempFile(dir, "output-", ".json");
    Files.writeString(in, JSON.writeValueAsString(input), StandardCharsets.UTF_8);
    String log = run(dir, "node", "driver.mjs", in.toString(), out.toString());
    return JSON.readTree(
        Files.readString(out, StandardCharsets.UTF_8).isEmpty()
            ? fail("node wrote nothing:\n" + log)
            : Files.readString(out, StandardCharsets.UTF_8));
  }

  private static synchronized Path compiledTypeScript() throws Exception {
    if (work != null) {
      return work;
    }
    if (!Files.isRegularFile(TSC)
        || !Files.isDirectory(RUNTIME.resolve("node_modules/@cloudflare/workers-types"))) {
      fail(RUNTIME + "/node_modules lacks typescript or @cloudflare/workers-types. Build"
          + " runtime-js-templates with its tests (it runs `npm ci`), or run `npm ci` there.");
    }
    work = Files.createTempDirectory(
        Files.createDirectories(RUNTIME.resolve("target")), "codegen-metadata-");
    try (InputStream source = RequestMetadataTest.class
        .getClassLoader()
        .getResourceAsStream("dev/cfc/runtime/cfc-metadata.ts")) {
      assertThat(source).as("cfc-metadata.ts in the runtime jar").isNotNull();
      Files.write(work.resolve("cfc-metadata.ts"), source.readAllBytes());
    }
    Files.writeString(
        work.resolve("tsconfig.json"),
        JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(Map.of(
                "extends", RUNTIME.resolve("tsconfig.base.json").toString(),
                "compilerOptions", Map.of("outDir", "out"),
                "include", List.of("cfc-metadata.ts"))),
        StandardCharsets.UTF_8);
    Files.writeString(work.resolve("package.json"), "{ \"type\": \"module\" }\n");
    Files.writeString(work.resolve("driver.mjs"), """
        import { readFileSync, writeFileSync } from "node:fs";
        import { decodeMetadata, encodeMetadata, metadataOf, withMetadata }
          from "./out/cfc-metadata.js";

        const [input, output] = process.argv.slice(2);
        const { encode, decode, requests } = JSON.parse(readFileSync(input, "utf8"));
        const result = {
          encoded: encode.map(encodeMetadata),
          decoded: decode.map((header) => {
            try {
              return { ok: decodeMetadata(header) };
            } catch (error) {
              return { error: String(error) };
            }
          }),
          requests: requests.map((url) => {
            const request = new Request(url, {
              headers: { "cf-ray": "8a1b;x=y", "cf-connecting-ip": "2001:db8::1" },
            });
            Object.defineProperty(request, "cf",
              { value: { colo: "AMS", region: "Zuid-Holland; NL=", country: "NL" } });
            const forwarded = withMetadata(request, "media-api é");
            return {
              header: forwarded.headers.get("x-cfc-metadata"),
              metadata: metadataOf(request, "media-api é"),
            };
          }),
        };
        writeFileSync(output, JSON.stringify(result));
        """, StandardCharsets.UTF_8);
    run(work, "node", TSC.toString(), "-p", "tsconfig.json");
    return work;
  }

  private static String run(Path dir, String... command) throws Exception {
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
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + text).isZero();
    return text;
  }
}

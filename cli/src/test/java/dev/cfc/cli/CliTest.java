package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process through picocli, asserting exact output and exit codes. */
class CliTest {

  @TempDir
  Path project;

  private String out;
  private String err;

  private static final String WRANGLER = """
      # hand-written
      name = "shop"
      main = "src/index.ts"
      compatibility_date = "2025-11-17"
      """;

  private static final String GOOD = """
      package app;

      import dev.cfc.dsl.*;
      import java.util.List;

      public final class AppContainers implements ContainerSet {
        @Override public List<ContainerDefinition> containers() {
          return List.of(
              Container.define("api")
                  .image(Image.registry("registry.cloudflare.com/shop/api:1.0"))
                  .defaultPort(8080)
                  .maxInstances(3)
                  .build());
        }
      }
      """;

  private static final String BAD = """
      package app;

      import dev.cfc.dsl.*;
      import java.util.List;

      public final class AppContainers implements ContainerSet {
        @Override public List<ContainerDefinition> containers() {
          return List.of(
              Container.define("api")
                  .image(Image.registry("registry.cloudflare.com/shop/api:1.0"))
                  .defaultPort(70000)
                  .sleepAfter("0s")
                  .env("1BAD", "x")
                  .enableInternet(false)
                  .allowedHosts("https://x.com/path")
                  .env("TOKEN", "x")
                  .secrets("TOKEN")
                  .build());
        }
      }
      """;

  @BeforeEach
  void project() throws IOException {
    Files.writeString(project.resolve("cfc.toml"), "sources = \"cfc\"\n");
    Files.writeString(project.resolve("wrangler.toml"), WRANGLER);
    source("AppContainers.java", GOOD);
  }

  private void source(String name, String text) throws IOException {
    Path file = project.resolve("cfc/app").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of("-C", project.toString()));
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return code;
  }

  private List<Path> projectFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(project)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !project.relativize(p).startsWith(".cfc"))
          .map(project::relativize)
          .sorted()
          .toList();
    }
  }

  @Test
  void validateOnAGoodProjectExitsZero() {
    assertThat(run("validate")).isEqualTo(0);
    assertThat(err).isEmpty();
    assertThat(out).startsWith("ok:");
  }

  /** Each error points at the DSL call that set the value: its line and its column. */
  @Test
  void validateReportsFiveLocatedErrorsAtOnceAndWritesNothing() throws IOException {
    source("AppContainers.java", BAD);
    List<Path> before = projectFiles();
    String wrangler = Files.readString(project.resolve("wrangler.toml"));
    assertThat(run("validate")).isEqualTo(1);
    assertThat(out).isEmpty();
    assertThat(err).isEqualTo("""
        cfc/app/AppContainers.java:11:14: error CFC010: defaultPort 70000 is outside 1-65535
            use a TCP port between 1 and 65535, for example 8080
        cfc/app/AppContainers.java:12:14: error CFC031: sleepAfter "0s" must be at least 1s
            use a positive duration such as .sleepAfter("30s"), or remove the call
        cfc/app/AppContainers.java:13:14: error CFC040: env name "1BAD" must match ^[A-Za-z_][A-Za-z0-9_]*$
            rename it, for example "_1BAD"
        cfc/app/AppContainers.java:15:14: error CFC050: allowedHost "https://x.com/path" is not a host name or *.suffix pattern (no scheme, path, port or inner wildcard)
            write "x.com"
        cfc/app/AppContainers.java:17:14: error CFC041: variable "TOKEN" is set by both env(...) and secrets(...); the container would see only one of them
            keep it in one of env, secrets or secretsStore
        5 errors; nothing was written
        """);
    assertThat(projectFiles()).isEqualTo(before);
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(wrangler);
    assertThat(run("generate")).isEqualTo(1);
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(wrangler);
  }

  @Test
  void jsonOutputHasTheDocumentedShape() throws IOException {
    source("AppContainers.java", BAD);
    assertThat(run("--json", "validate")).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(out);
    assertThat(root.fieldNames()).toIterable().containsExactly("diagnostics", "files");
    JsonNode first = root.get("diagnostics").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly("code", "severity", "message", "file", "line", "column", "hint");
    assertThat(first.get("code").asText()).isEqualTo("CFC010");
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("file").asText()).isEqualTo("cfc/app/AppContainers.java");
    assertThat(first.get("line").asInt()).isEqualTo(11);
    assertThat(root.get("diagnostics")).hasSize(5);
    assertThat(err).isEmpty();
  }

  @Test
  void generateThenNoChangesThenCheckPasses() throws IOException {
    assertThat(run("generate")).isEqualTo(0);
    assertThat(out).contains("wrangler.toml: +1 container, +1 binding, +1 migration v1\n");
    String written = Files.readString(project.resolve("wrangler.toml"));
    assertThat(written)
        .startsWith(WRANGLER)
        .contains("class_name = \"ApiContainer\"")
        .contains("name = \"shop-api\"");
    assertThat(run("generate")).isEqualTo(0);
    assertThat(out).isEqualTo("no changes\n");
    assertThat(run("check")).isEqualTo(0);
    assertThat(out).isEqualTo("up to date\n");
  }

  @Test
  void checkExitsThreeWithAOneLineDiffWhenAValueChanged() throws IOException {
    assertThat(run("generate")).isEqualTo(0);
    source("AppContainers.java", GOOD.replace(".maxInstances(3)", ".maxInstances(4)"));
    assertThat(run("check")).isEqualTo(3);
    assertThat(out)
        .contains("-max_instances = 3\n+max_instances = 4\n")
        .contains("wrangler.toml: ~1 field\n")
        .contains("src/_generated: 1 updated\n")
        .endsWith("stale: run `cfc generate` and commit the result\n");
    assertThat(out.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")))
        .containsExactly(
            "+max_instances = 4",
            "+    api: createContainerHandle(env.CONTAINER_API, { maxInstances: 4, defaultPort: 8080 },"
                + " deps),");
    assertThat(run("--quiet", "check")).isEqualTo(3);
    assertThat(out).contains("+max_instances = 4");
    assertThat(run("diff")).isEqualTo(0);
    assertThat(out).contains("+max_instances = 4");
    assertThat(run("generate")).isEqualTo(0);
    assertThat(run("check")).isEqualTo(0);
  }

  @Test
  void removingADefinitionWithoutAllowDestroyWritesNothing() throws IOException {
    assertThat(run("generate")).isEqualTo(0);
    String generated = Files.readString(project.resolve("wrangler.toml"));
    source(
        "AppContainers.java", GOOD.replace("\"api\"", "\"web\"").replace("shop/api", "shop/web"));
    assertThat(run("generate")).isEqualTo(1);
    assertThat(err).contains("error CFC103").contains("ApiContainer").contains("--allow-destroy");
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(generated);
    assertThat(run("generate", "--allow-destroy")).isEqualTo(0);
    assertThat(Files.readString(project.resolve("wrangler.toml")))
        .contains("deleted_classes = [\"ApiContainer\"]")
        .doesNotContain("class_name = \"ApiContainer\"");
  }

  @Test
  void generatedFilesOfARemovedDefinitionAreDeletedAndHandWrittenOnesKept() throws IOException {
    assertThat(run("generate")).isEqualTo(0);
    Path generated = project.resolve("src/_generated");
    assertThat(generated.resolve("ApiContainer.ts")).exists();
    Path handWritten = generated.resolve("notes.ts");
    Files.writeString(handWritten, "export const notes = 1;\n");
    source(
        "AppContainers.java", GOOD.replace("\"api\"", "\"web\"").replace("shop/api", "shop/web"));
    assertThat(run("generate", "--allow-destroy")).isEqualTo(0);
    assertThat(out).contains("src/_generated: ").contains("1 created").contains("1 deleted");
    assertThat(generated.resolve("ApiContainer.ts")).doesNotExist();
    assertThat(generated.resolve("WebContainer.ts")).exists();
    assertThat(handWritten).hasContent("export const notes = 1;");
    assertThat(run("--json", "check")).isEqualTo(0);
  }

  @Test
  void aSecondConfigThatWranglerWouldReadFirstIsAWarningNamingBoth() throws IOException {
    Files.writeString(
        project.resolve("cfc.toml"), "sources = \"cfc\"\nwrangler = \"wrangler.toml\"\n");
    Files.writeString(project.resolve("wrangler.jsonc"), "{ \"name\": \"other\" }\n");
    assertThat(run("validate")).isEqualTo(0);
    assertThat(err)
        .startsWith("wrangler.jsonc: warning CFC209: both wrangler.toml and"
            + " wrangler.jsonc exist; cfc edits wrangler.toml, but wrangler reads wrangler.jsonc"
            + " first");
  }

  @Test
  void aConfigWranglerOnlyReadsWithDashCHasNoRivalBesideIt() throws IOException {
    Files.writeString(
        project.resolve("cfc.toml"),
        "sources = \"cfc\"\nwrangler = \"wrangler.runtime-host.toml\"\n");
    Files.writeString(project.resolve("wrangler.runtime-host.toml"), WRANGLER);
    Files.writeString(project.resolve("wrangler.jsonc"), "{ \"name\": \"other\" }\n");
    assertThat(run("validate")).isEqualTo(0);
    assertThat(err).doesNotContain("CFC209");
  }

  @Test
  void aWarningListedInSuppressWarningsIsNotReported() throws IOException {
    Files.writeString(
        project.resolve("cfc.toml"),
        "sources = \"cfc\"\nwrangler =" + " \"wrangler.toml\"\nsuppress-warnings = [\"CFC209\"]\n");
    Files.writeString(project.resolve("wrangler.jsonc"), "{ \"name\": \"other\" }\n");
    assertThat(run("validate")).isEqualTo(0);
    assertThat(err).isEmpty();
  }

  @Test
  void anErrorOrAnUnknownCodeCannotBeSuppressed() throws IOException {
    Files.writeString(
        project.resolve("cfc.toml"),
        "sources = \"cfc\"\nsuppress-warnings = [\"CFC100\", \"CFC999\"]\n");
    assertThat(run("validate")).isEqualTo(1);
    assertThat(err)
        .contains("cfc.toml:2:1: error CFC205: CFC100 in suppress-warnings is an"
            + " error, and errors cannot be suppressed")
        .contains("error CFC205: CFC999 in suppress-warnings is not a cfc diagnostic code");
  }

  @Test
  void accountLimitsInTheProjectFileAdmitALargerCustomInstanceType() throws IOException {
    source(
        "AppContainers.java",
        GOOD.replace(
            ".maxInstances(3)",
            ".maxInstances(3).instanceType(InstanceType.custom(8, 32768, 40000))"));
    assertThat(run("validate")).isEqualTo(1);
    assertThat(err).contains("error CFC021").contains("[account-limits]");
    Files.writeString(
        project.resolve("cfc.toml"),
        "sources = \"cfc\"\n\n[account-limits]\n"
            + "vcpu = 8\nmemory-mib = 32768\ndisk-mb = 40000\n");
    assertThat(run("validate")).as(err).isEqualTo(0);
    Files.writeString(
        project.resolve("cfc.toml"),
        "sources = \"cfc\"\n\n[account-limits]\n" + "vcpu = -1\ncores = 8\n");
    assertThat(run("validate")).isEqualTo(1);
    assertThat(err)
        .contains("cfc.toml:4:1: error CFC205: account-limits.vcpu must be a positive" + " number")
        .contains("error CFC205: unknown key cores in [account-limits]");
  }

  @Test
  void dryRunPrintsTheDiffAndWritesNothing() throws IOException {
    assertThat(run("generate", "--dry-run")).isEqualTo(0);
    assertThat(out).contains("+++ b/wrangler.toml").contains("+[[containers]]");
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(WRANGLER);
  }

  @Test
  void validateUsesTheCacheAGenerateLeftInsteadOfJavac() {
    assertThat(run("--verbose", "generate")).isEqualTo(0);
    assertThat(err).contains("with javac in");
    assertThat(run("--verbose", "validate")).isEqualTo(0);
    assertThat(err)
        .contains("sources unchanged: using cached classes")
        .contains("(javac not run)")
        .doesNotContain("with javac in");
  }

  @Test
  void aJavaCompileErrorIsShownLikeJavac() throws IOException {
    source("AppContainers.java", GOOD.replace(".maxInstances(3)", ".maxInstancez(3)"));
    assertThat(run("validate")).isEqualTo(1);
    assertThat(err)
        .startsWith("cfc/app/AppContainers.java:12:")
        .contains("error CFC203")
        .contains("cannot find symbol")
        .contains(".maxInstancez(3)")
        .contains("^");
  }

  @Test
  void missingProjectFileHasItsOwnMessage() throws IOException {
    Files.delete(project.resolve("cfc.toml"));
    assertThat(run("validate")).isEqualTo(1);
    assertThat(err).startsWith("cfc.toml: error CFC200: no cfc.toml in ").contains("cfc init");
  }

  @Test
  void missingSourcesDirectoryHasItsOwnMessage() throws IOException {
    Files.writeString(project.resolve("cfc.toml"), "sources = \"nowhere\"\n");
    assertThat(run("validate")).isEqualTo(1);
    assertThat(err).startsWith("cfc.toml: error CFC201: sources directory nowhere does not exist");
  }

  @Test
  void noContainerSetHasItsOwnMessage() throws IOException {
    source("AppContainers.java", "package app;\npublic final class AppContainers {}\n");
    assertThat(run("validate")).isEqualTo(1);
    assertThat(err).startsWith("cfc: error CFC202: no public ContainerSet class");
  }

  @Test
  void twoContainerSetsAreBothLoaded() throws IOException {
    source(
        "More.java",
        GOOD.replace("AppContainers", "More")
            .replace("\"api\"", "\"web\"")
            .replace("shop/api", "shop/web"));
    assertThat(run("generate")).isEqualTo(0);
    String written = Files.readString(project.resolve("wrangler.toml"));
    assertThat(written).contains("ApiContainer").contains("WebContainer");
  }

  @Test
  void explainPrintsTheCatalogueEntry() {
    assertThat(run("explain", "CFC012")).isEqualTo(0);
    assertThat(out)
        .startsWith("## CFC012 — defaultPort not among requiredPorts")
        .contains("Fix:");
    assertThat(run("explain", "CFC999")).isEqualTo(2);
    assertThat(err).contains("no diagnostic code CFC999");
  }

  @Test
  void initScaffoldsAProjectThatValidates() throws IOException {
    Path fresh = project.resolve("fresh");
    Files.createDirectories(fresh);
    StringWriter o = new StringWriter();
    int code = Main.run(
        new String[] {"-C", fresh.toString(), "init"},
        new PrintWriter(o),
        new PrintWriter(new StringWriter()));
    assertThat(code).isEqualTo(0);
    assertThat(o.toString())
        .contains("created cfc.toml")
        .contains("created wrangler.toml")
        .contains("created src/index.ts");
    assertThat(Files.readString(fresh.resolve("src/index.ts"))).contains("AppContainer");
    assertThat(Files.readString(fresh.resolve(".gitignore"))).contains(".cfc/");
    code = Main.run(
        new String[] {"-C", fresh.toString(), "validate"},
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    assertThat(code).isEqualTo(0);
    code = Main.run(
        new String[] {"-C", fresh.toString(), "init"},
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    assertThat(code).isEqualTo(1);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("validate", "--no-such-option")).isEqualTo(2);
    assertThat(err).contains("--no-such-option");
  }

  @Test
  void watchCannotBeCombinedWithADryRunOrSarifAndStartsNothing() throws IOException {
    List<Path> before = projectFiles();
    assertThat(run("generate", "--watch", "--dry-run")).isEqualTo(2);
    assertThat(err)
        .startsWith("cfc: --watch writes and prints each run as it ends: it cannot be"
            + " combined with --dry-run");
    assertThat(run("--format=sarif", "generate", "--watch")).isEqualTo(2);
    assertThat(err).contains("cannot be combined with --format=sarif");
    assertThat(projectFiles()).isEqualTo(before);
  }

  @Test
  void versionIsPrinted() {
    assertThat(run("--version")).isEqualTo(0);
    assertThat(out).startsWith("cfc ");
  }
}

package dev.cfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfc import} and {@code cfc init} on a config that already declares containers. */
class ImportCommandTest {

  @TempDir
  Path project;

  private String out;
  private String err;

  private static final String CONFIG = """
      # hand-written, deployed
      name = "shop"
      main = "src/index.ts"
      compatibility_date = "2025-11-17"

      [[containers]]
      class_name = "Sandbox"
      image = "./Dockerfile"
      max_instances = 2
      ssh = { enabled = true }   # cfc writes this with ssh(true)
      unsafe = { placement = "x" }

      [[containers]]
      class_name = "MyContainer"
      image = "registry.cloudflare.com/acme/app:1.0"

      [[durable_objects.bindings]]
      name = "SANDBOX"
      class_name = "Sandbox"

      [[durable_objects.bindings]]
      name = "MY_CONTAINER"
      class_name = "MyContainer"

      [[migrations]]
      tag = "v1"
      new_sqlite_classes = ["Sandbox", "MyContainer"]

      [env.staging]
      name = "shop-staging"

      [[env.staging.containers]]
      class_name = "Sandbox"
      image = "./Dockerfile"
      max_instances = 1
      ssh = { enabled = true }
      unsafe = { placement = "x" }

      [[env.staging.containers]]
      class_name = "MyContainer"
      image = "registry.cloudflare.com/acme/app:1.1"

      [[env.staging.durable_objects.bindings]]
      name = "SANDBOX"
      class_name = "Sandbox"

      [[env.staging.durable_objects.bindings]]
      name = "MY_CONTAINER"
      class_name = "MyContainer"
      """;

  @BeforeEach
  void project() throws IOException {
    Files.writeString(project.resolve("wrangler.toml"), CONFIG);
    Files.writeString(project.resolve("Dockerfile"), "FROM scratch\n");
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

  @Test
  void importThenGenerateChangesNoByteOfTheConfigAndOneEditIsOneLine() throws IOException {
    assertThat(run("import")).as(err).isZero();
    assertThat(out)
        .isEqualTo("created cfc.toml\n"
            + "created cfc/app/AppContainers.java\n"
            + "imported Sandbox, MyContainer from wrangler.toml (environments staging)\n"
            + "next: run `cfc generate`; it adopts every entry and changes no byte of"
            + " wrangler.toml\n");
    String source = Files.readString(project.resolve("cfc/app/AppContainers.java"));
    assertThat(source)
        .contains("Container.define(\"sandbox\")")
        .contains(".className(\"Sandbox\")")
        .contains(".binding(\"SANDBOX\")")
        .contains(".ssh(true)")
        .contains(".wranglerKey(\"unsafe\", \"{\\\"placement\\\":\\\"x\\\"}\")")
        .contains(".environment(\"staging\", e -> e.maxInstances(1))")
        .contains("Container.define(\"my\")")
        .contains(".environment(\"staging\", e -> e.image(Image.registry(")
        .contains(".adopt()");
    assertThat(Files.readString(project.resolve("cfc.toml")))
        .contains("environments = [\"staging\"]");

    assertThat(run("generate")).as(err).isZero();
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(CONFIG);
    assertThat(run("check")).as(out + err).isZero();

    Files.writeString(
        project.resolve("cfc/app/AppContainers.java"),
        source.replace(".maxInstances(2)", ".maxInstances(4)"));
    assertThat(run("generate")).as(err).isZero();
    List<String> before = CONFIG.lines().toList();
    List<String> after =
        Files.readString(project.resolve("wrangler.toml")).lines().toList();
    assertThat(after).hasSameSizeAs(before);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(after.get(i));
      }
    }
    assertThat(changed).containsExactly("max_instances = 4");
  }

  @Test
  void onlyImportsTheNamedClassAndAnUnknownOneNamesTheCandidates() throws IOException {
    assertThat(run("import", "--only", "Nope")).isEqualTo(1);
    assertThat(err)
        .startsWith("wrangler.toml: error CFC243: --only Nope: wrangler.toml declares no"
            + " container of that class")
        .contains("Sandbox (binding SANDBOX, image ./Dockerfile)")
        .contains("MyContainer (binding MY_CONTAINER, image registry.cloudflare.com/acme/app:1.0)")
        .endsWith("1 error; nothing was written\n");
    assertThat(project.resolve("cfc.toml")).doesNotExist();

    assertThat(run("import", "--only", "MyContainer", "--package", "shop.infra"))
        .as(err)
        .isZero();
    String source = Files.readString(project.resolve("cfc/shop/infra/AppContainers.java"));
    assertThat(source).startsWith("package shop.infra;").doesNotContain("Sandbox");
  }

  @Test
  void anExistingFileIsNeverReplaced() throws IOException {
    Path target = project.resolve("cfc/app/AppContainers.java");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "// mine\n");
    assertThat(run("import")).isEqualTo(1);
    assertThat(err)
        .startsWith("cfc/app/AppContainers.java: error CFC244: cfc/app/AppContainers.java exists"
            + " already; cfc import never replaces a file");
    assertThat(Files.readString(target)).isEqualTo("// mine\n");
    assertThat(project.resolve("cfc.toml")).doesNotExist();

    assertThat(run("import", "--file", "cfc/app/Imported.java")).as(err).isZero();
    assertThat(Files.readString(project.resolve("cfc/app/Imported.java")))
        .contains("public final class Imported implements ContainerSet");
  }

  @Test
  void anExistingProjectFileMustListTheImportedEnvironments() throws IOException {
    Files.writeString(project.resolve("cfc.toml"), "sources = \"defs\"\n");
    assertThat(run("import")).isEqualTo(1);
    assertThat(err).contains("error CFC246: cfc.toml does not list environment staging");
    assertThat(project.resolve("defs")).doesNotExist();

    Files.writeString(
        project.resolve("cfc.toml"), "sources = \"defs\"\nenvironments = [\"staging\"]\n");
    assertThat(run("import")).as(err).isZero();
    assertThat(project.resolve("defs/app/AppContainers.java")).exists();
    assertThat(Files.readString(project.resolve("cfc.toml")))
        .isEqualTo("sources = \"defs\"\nenvironments = [\"staging\"]\n");
  }

  @Test
  void initInAProjectWithContainersImportsThemInsteadOfASample() throws IOException {
    assertThat(run("init")).as(err).isZero();
    assertThat(out).contains("imported Sandbox, MyContainer from wrangler.toml");
    assertThat(Files.readString(project.resolve("cfc/app/AppContainers.java")))
        .contains(".className(\"Sandbox\")")
        .doesNotContain("define(\"app\")");
    assertThat(run("generate")).as(err).isZero();
    assertThat(Files.readString(project.resolve("wrangler.toml"))).isEqualTo(CONFIG);
  }
}

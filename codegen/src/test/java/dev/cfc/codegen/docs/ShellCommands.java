package dev.cfc.codegen.docs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commands a {@code <!-- shell -->} block may contain, each with the evidence that the build
 * runs it. Keep this list short: a command belongs here only when a test runs it (this test, or
 * another one that {@link Evidence.AssertedIn} points at).
 */
final class ShellCommands {

  private ShellCommands() {}

  /** Why a command is known to work. */
  sealed interface Evidence {

    /**
     * The docs test runs the same steps as {@code cfc <command>} on a copy of {@code project}:
     * generate succeeds and a second run changes nothing (which is also what check asserts);
     * validate succeeds.
     */
    record Runs(String project, String command) implements Evidence {}

    /** Another test or the CI script runs it: {@code file} contains {@code needle}. */
    record AssertedIn(String file, String needle) implements Evidence {}

    /** {@code cfc explain <code>}: the catalogue has an entry for the code. */
    record Explains(String code) implements Evidence {}

    /** A plain copy of a project directory that the docs test copies the same way. */
    record Copies(String project) implements Evidence {}
  }

  /** The allow-list, in the order the docs use the commands. */
  static final Map<String, Evidence> ALLOWED = allowed();

  private static Map<String, Evidence> allowed() {
    Map<String, Evidence> m = new LinkedHashMap<>();
    m.put("mvn -B verify", new Evidence.AssertedIn(".ci/run", "mvn -B verify"));
    String installed = "cli/src/test/java/dev/cfc/cli/InstalledLauncherIT.java";
    m.put(
        "mvn -B -q install -DskipTests",
        new Evidence.AssertedIn("cli/pom.xml", "<id>install-into-it-repository-launcher</id>"));
    m.put(
        "install -m 755 ~/.m2/repository/dev/cfc/cfc-cli/0.1.0-SNAPSHOT/"
            + "cfc-cli-0.1.0-SNAPSHOT-launcher.sh ~/.local/bin/cfc",
        new Evidence.AssertedIn(installed, "aCopyOnThePathFindsTheJarInTheMavenRepository"));
    m.put("cfc --version", new Evidence.AssertedIn(installed, "\"--version\""));
    m.put(
        "jbang catalog add --name cfc ./jbang-catalog.json",
        new Evidence.AssertedIn(installed, "theJbangCatalogAliasNamesTheInstalledExecutableJar"));
    m.put(
        "jbang cfc@cfc --version",
        new Evidence.AssertedIn(installed, "theJbangCatalogAliasNamesTheInstalledExecutableJar"));
    m.put(
        "mvn -B -q install -DskipTests && ./cfc generate -C examples/quickstart",
        new Evidence.AssertedIn(
            "cli/src/test/java/dev/cfc/cli/LauncherIT.java",
            "copy(root.resolve(\"examples/quickstart\"), project)"));
    m.put("cp -r examples/quickstart /tmp/quickstart", new Evidence.Copies("examples/quickstart"));
    m.put(
        "./cfc validate -C /tmp/quickstart", new Evidence.Runs("examples/quickstart", "validate"));
    m.put(
        "./cfc generate -C /tmp/quickstart", new Evidence.Runs("examples/quickstart", "generate"));
    m.put("./cfc check -C /tmp/quickstart", new Evidence.Runs("examples/quickstart", "check"));
    m.put(
        "./cfc generate --watch -C /tmp/quickstart",
        new Evidence.AssertedIn(
            "cli/src/test/java/dev/cfc/cli/WatchCommandIT.java", "\"generate\", \"--watch\""));
    String scaffold = "cli/src/test/java/dev/cfc/cli/InitProjectEndToEndTest.java";
    m.put("./cfc init -C my-worker", new Evidence.AssertedIn(scaffold, "initOutput(project)"));
    m.put(
        "./cfc validate -C my-worker",
        new Evidence.AssertedIn(
            "cli/src/test/java/dev/cfc/cli/CliTest.java", "initScaffoldsAProjectThatValidates"));
    m.put("./cfc generate -C my-worker", new Evidence.AssertedIn(scaffold, "cfc(\"generate\")"));
    m.put("./cfc check -C my-worker", new Evidence.AssertedIn(scaffold, "cfc(\"check\")"));
    m.put("npm install", new Evidence.AssertedIn(scaffold, "  npm install"));
    m.put("npx tsc -p tsconfig.json", new Evidence.AssertedIn(scaffold, "\"tsconfig.json\");"));
    m.put(
        "npx wrangler dev",
        new Evidence.AssertedIn(
            "codegen/src/main/java/dev/cfc/codegen/ProjectScaffold.java", "\"npx wrangler dev\""));
    m.put(
        "npx wrangler deploy",
        new Evidence.AssertedIn(
            "codegen/src/test/java/dev/cfc/codegen/examples/EveryExampleDeploysTest.java",
            "WranglerProof.prove(wrangler, environments)"));
    m.put("./cfc explain CFC103", new Evidence.Explains("CFC103"));
    String importing = "cli/src/test/java/dev/cfc/cli/ImportCommandTest.java";
    m.put("./cfc import -C my-worker", new Evidence.AssertedIn(importing, "run(\"import\")"));
    String docsTest = "codegen/src/test/java/dev/cfc/codegen/docs/DocsSnippetsTest.java";
    m.put(
        "npm install --save-dev --save-exact @types/node@20.19.25",
        new Evidence.AssertedIn(
            "runtime-js-templates/package.json", "\"@types/node\": \"20.19.25\""));
    m.put(
        "npx tsc -p tsconfig.test.json",
        new Evidence.AssertedIn(docsTest, "tsc.toString(), \"-p\", \"tsconfig.test.json\""));
    m.put(
        "echo '{ \"type\": \"module\" }' > build/package.json",
        new Evidence.AssertedIn(
            docsTest,
            "dir.resolve(\"build/package.json\"), \"{ \\\"type\\\": \\\"module\\\" }\\n\""));
    m.put(
        "node --test build/*.test.js",
        new Evidence.AssertedIn(docsTest, "List.of(\"node\", \"--test\")"));
    return m;
  }

  /** A shell line without its trailing {@code # comment}; empty for blank and comment lines. */
  static String command(String line) {
    String stripped = line.strip();
    int comment = stripped.indexOf(" #");
    if (stripped.startsWith("#")) {
      return "";
    }
    return (comment >= 0 ? stripped.substring(0, comment) : stripped).strip();
  }
}

package dev.cfc.codegen.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cfc.codegen.CompileRequest;
import dev.cfc.codegen.CompileResult;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.DiagnosticCatalog;
import dev.cfc.codegen.GoldenDirectory;
import dev.cfc.codegen.ProjectConfig;
import dev.cfc.container.BridgeClient;
import dev.cfc.dsl.ContainerSet;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every code block in the user documentation (the root README and {@code docs/*.md}) is taken from a file that compiles or from a
 * command the tests run.
 *
 * <p>Each fenced block in {@code docs/*.md} sits right below one marker comment:
 *
 * <ul>
 *   <li>{@code <!-- snippet: <path>[#<region>] -->}: the block equals that file of the repository,
 *       or its region ({@code // region name} … {@code // endregion}, {@code #} in TOML), marker
 *       lines removed and dedented. Java under {@code docs/snippets/java} is compiled here with
 *       {@code -Xlint:all -Werror}; projects are generated (and their TypeScript type-checked and
 *       their {@code *.test.ts} run) by the tests below; examples are covered by their own tests
 *       as well.
 *   <li>{@code <!-- generated: <project> [--allow-destroy] [--adopt] [--env=<name>] <what> -->}:
 *       the block equals what {@code cfc generate} produces on a copy of the project:
 *       {@code output} (what it prints), {@code diff} or {@code diff:<file>} (the unified diff it
 *       applies) or a file path (the file afterwards; a generated TypeScript file without its
 *       first line, which carries the cfc version).
 *   <li>{@code <!-- shell -->}: every command is in {@link ShellCommands#ALLOWED}, whose evidence
 *       is checked here.
 *   <li>{@code <!-- output -->}: terminal output shown for illustration (help text, JSON), not
 *       checked.
 * </ul>
 *
 * <p>{@code -Dcfc.updateGoldens=true} (or {@code -Dcfc.updateDocs=true}, the docs alone) rewrites
 * every snippet and generated block from its source.
 */
class DocsSnippetsTest {

  /** {@code cfc.updateGoldens}, which rewrites every kind of expected output, or this page's own. */
  private static final boolean UPDATE =
      GoldenDirectory.UPDATE || Boolean.getBoolean("cfc.updateDocs");

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DOCS = ROOT.resolve("docs");
  private static final Path SNIPPETS = DOCS.resolve("snippets");
  private static final Path RUNTIME = ROOT.resolve("runtime-js-templates");

  /** Pages written and checked by others (the diagnostics catalogue has its own test). */
  private static final Set<String> NOT_CHECKED =
      Set.of("diagnostics.md", "maven-plugin.md", "performance.md");

  /** Pages other people are still writing; links to them may not resolve yet. */
  private static final Set<String> PENDING = Set.of("performance.md");

  private static final Pattern SNIPPET = Pattern.compile("snippet:\\s*(\\S+?)(?:#(\\S+))?");
  private static final Pattern GENERATED = Pattern.compile("generated:\\s*(.+)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private static ProjectRuns runs;

  @BeforeAll
  static void workArea() throws IOException {
    Path target = Files.createDirectories(RUNTIME.resolve("target"));
    runs = new ProjectRuns(ROOT, Files.createTempDirectory(target, "docs-snippets-"));
  }

  @AfterAll
  static void cleanUp() throws IOException {
    runs.clean();
  }

  static List<MarkdownPage> pages() throws IOException {
    List<MarkdownPage> pages = new ArrayList<>();
    pages.add(MarkdownPage.read(ROOT.resolve("README.md")));
    try (Stream<Path> list = Files.list(DOCS)) {
      for (Path path : list.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        if (!NOT_CHECKED.contains(path.getFileName().toString())) {
          pages.add(MarkdownPage.read(path));
        }
      }
    }
    return pages;
  }

  @TestFactory
  Stream<DynamicTest> everyBlockEqualsItsSource() throws IOException {
    return pages().stream().map(page -> DynamicTest.dynamicTest(page.name, () -> checkPage(page)));
  }

  private void checkPage(MarkdownPage page) throws Exception {
    List<String> problems = new ArrayList<>();
    List<String> replacements = new ArrayList<>();
    for (MarkdownPage.Block block : page.blocks) {
      String where = page.name + ":" + block.line();
      String marker = block.marker();
      replacements.add(null);
      if (marker == null) {
        problems.add(where + ": the block has no marker; put <!-- snippet: path#region -->,"
            + " <!-- generated: project what -->, <!-- shell --> or <!-- output --> on the line"
            + " above it");
        continue;
      }
      if (marker.equals("output") || marker.equals("shell")) {
        continue;
      }
      String expected;
      try {
        expected = expected(marker);
      } catch (IllegalArgumentException | IllegalStateException e) {
        problems.add(where + ": " + e.getMessage());
        continue;
      }
      if (!expected.equals(block.content())) {
        replacements.set(replacements.size() - 1, expected);
        problems.add(where + ": the block differs from <!-- " + marker + " -->\n"
            + lineDiff(block.content(), expected));
      }
    }
    boolean rewritable = replacements.stream().anyMatch(r -> r != null);
    if (UPDATE && rewritable) {
      Files.writeString(page.path, page.withContents(replacements), StandardCharsets.UTF_8);
      problems.removeIf(p -> p.contains("differs from"));
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n\n", problems)
          + (rewritable ? "\n\nrun with -Dcfc.updateDocs=true to rewrite the blocks" : ""));
    }
  }

  /** What a snippet or generated block must contain. */
  private String expected(String marker) throws IOException {
    Matcher snippet = SNIPPET.matcher(marker);
    if (snippet.matches()) {
      Path file = ROOT.resolve(snippet.group(1)).normalize();
      if (!file.startsWith(ROOT) || !Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no file " + snippet.group(1));
      }
      return Regions.extract(
          Files.readString(file, StandardCharsets.UTF_8), snippet.group(2), snippet.group(1));
    }
    Matcher generated = GENERATED.matcher(marker);
    if (generated.matches()) {
      List<String> words = List.of(generated.group(1).trim().split("\\s+"));
      if (words.size() < 2) {
        throw new IllegalArgumentException("write <!-- generated: <project> [options] <what> -->");
      }
      ProjectRuns.Run run = runs.generate(words.get(0), words.subList(1, words.size() - 1));
      String what = words.get(words.size() - 1);
      if (what.equals("output")) {
        return run.output();
      }
      if (what.equals("diff") || what.startsWith("diff:")) {
        String diff = run.diff(what.equals("diff") ? null : what.substring("diff:".length()));
        return diff.endsWith("\n") ? diff.substring(0, diff.length() - 1) : diff;
      }
      String text = run.file(what);
      if (what.endsWith(".ts") && text.startsWith("// Generated by cfc ")) {
        text = text.substring(text.indexOf('\n') + 1);
      }
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
    throw new IllegalArgumentException(
        "unknown marker <!-- " + marker + " -->; use snippet:," + " generated:, shell or output");
  }

  @Test
  void shellBlocksHoldOnlyCommandsTheBuildRuns() throws IOException {
    List<String> problems = new ArrayList<>();
    for (MarkdownPage page : pages()) {
      for (MarkdownPage.Block block : page.blocks) {
        if (!"shell".equals(block.marker())) {
          continue;
        }
        for (String line : block.content().split("\n")) {
          String command = ShellCommands.command(line);
          if (!command.isEmpty() && !ShellCommands.ALLOWED.containsKey(command)) {
            problems.add(page.name + ":" + block.line() + ": `" + command + "` is not a command"
                + " the tests run; add it to ShellCommands.ALLOWED with its evidence, or show"
                + " it differently");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyAllowedCommandIsUsed() throws IOException {
    Set<String> used = new LinkedHashSet<>();
    for (MarkdownPage page : pages()) {
      for (MarkdownPage.Block block : page.blocks) {
        if ("shell".equals(block.marker())) {
          for (String line : block.content().split("\n")) {
            used.add(ShellCommands.command(line));
          }
        }
      }
    }
    assertThat(used)
        .as("keep ShellCommands.ALLOWED to the commands the pages show")
        .containsAll(ShellCommands.ALLOWED.keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyAllowedCommandIsBackedByItsEvidence() {
    return ShellCommands.ALLOWED.entrySet().stream()
        .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> verify(entry.getValue())));
  }

  private void verify(ShellCommands.Evidence evidence) throws IOException {
    if (evidence instanceof ShellCommands.Evidence.AssertedIn a) {
      assertThat(Files.readString(ROOT.resolve(a.file()), StandardCharsets.UTF_8))
          .as(a.file() + " runs the command")
          .contains(a.needle());
    } else if (evidence instanceof ShellCommands.Evidence.Explains e) {
      assertThat(DiagnosticCatalog.entry(e.code())).isPresent();
    } else if (evidence instanceof ShellCommands.Evidence.Copies c) {
      assertThat(ROOT.resolve(c.project()).resolve("cfc.toml")).isRegularFile();
    } else if (evidence instanceof ShellCommands.Evidence.Runs r) {
      ProjectRuns.Run run = runs.generate(r.project(), List.of());
      assertThat(run.failed()).as(run.output()).isFalse();
      if (!r.command().equals("validate")) {
        CompileResult again = recompile(run.copy());
        assertThat(again.isStale())
            .as("a second run of " + r.project() + " changes nothing")
            .isFalse();
        assertThat(again.summaryLines()).containsExactly("no changes");
      }
    }
  }

  private static CompileResult recompile(Path dir) throws IOException {
    ProjectConfig config = ProjectConfig.load(dir.resolve("cfc.toml")).config();
    DefinitionLoader.Loaded definitions = new DefinitionLoader(dir, null).load(config.sourcesDir());
    assertThat(definitions.diagnostics()).isEmpty();
    return Compiler.compile(
        CompileRequest.from(config).definitions(definitions.definitions()).build());
  }

  /**
   * A Java block to paste compiles as pasted: it quotes a file that a test compiles (the snippets
   * here, a docs project, an example or a golden input), never text written into the page alone.
   * Output blocks (what a command prints or writes) are not code to paste.
   */
  @Test
  void everyJavaBlockQuotesACompiledJavaFile() throws IOException {
    List<String> problems = new ArrayList<>();
    for (MarkdownPage page : pages()) {
      for (MarkdownPage.Block block : page.blocks) {
        // output blocks show what cfc prints or writes, fragments included, and say so
        if (!"java".equals(block.info()) || "output".equals(block.marker())) {
          continue;
        }
        Matcher snippet = block.marker() == null ? null : SNIPPET.matcher(block.marker());
        boolean compiled = snippet != null
            && snippet.matches()
            && snippet.group(1).endsWith(".java")
            && COMPILED_JAVA.stream().anyMatch(snippet.group(1)::startsWith);
        if (!compiled) {
          problems.add(page.name + ":" + block.line() + ": a Java block that quotes no compiled"
              + " file; move the code into docs/snippets/java and quote it with"
              + " <!-- snippet: docs/snippets/java/... -->");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Where the Java that pages quote is compiled by a test. */
  private static final List<String> COMPILED_JAVA = List.of(
      "docs/snippets/java/",
      "docs/snippets/projects/",
      "examples/",
      "codegen/src/test/resources/golden/");

  @Test
  void javaSnippetsCompileWithoutWarnings() throws Exception {
    Path dir = SNIPPETS.resolve("java");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    compile(files, List.of(dslClasspath()));
  }

  private static String dslClasspath() throws URISyntaxException {
    return jarOf(ContainerSet.class);
  }

  /**
   * What a container app's Maven build has: the generated {@code <Name>Bridge} needs
   * cfc-container, which needs Jackson.
   */
  private static List<String> containerClasspath() throws URISyntaxException {
    return List.of(
        jarOf(BridgeClient.class),
        jarOf(JsonNode.class),
        jarOf(TreeNode.class),
        jarOf(JsonProperty.class));
  }

  private static String jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  /** Projects with hand-written TypeScript: the docs quote it, so it must type-check and run. */
  @TestFactory
  Stream<DynamicTest> typeScriptOfQuotedProjectsTypeChecksAndItsTestsPass() throws IOException {
    List<String> projects = new ArrayList<>();
    for (String project : quotedProjects()) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(project))) {
        boolean hasTs = walk.anyMatch(p -> p.toString().endsWith(".ts")
            && !p.toString().replace('\\', '/').contains("/_generated/"));
        if (hasTs) {
          projects.add(project);
        }
      }
    }
    return projects.stream().map(p -> DynamicTest.dynamicTest(p, () -> typeCheckAndTest(p)));
  }

  private void typeCheckAndTest(String project) throws Exception {
    Path tsc = RUNTIME.resolve("node_modules/typescript/bin/tsc");
    if (!Files.isRegularFile(tsc)) {
      fail("runtime-js-templates/node_modules is missing: build runtime-js-templates with its"
          + " tests first (it runs npm ci)");
    }
    ProjectRuns.Run run = runs.generate(project, List.of());
    assertThat(run.failed()).as(run.output()).isFalse();
    Path dir = run.copy();
    // The steps docs/runtime.md gives for running the tests in plain Node, with its tsconfig.
    Files.copy(
        SNIPPETS.resolve("node-tests/tsconfig.test.json"), dir.resolve("tsconfig.test.json"));
    exec(dir, "node", tsc.toString(), "-p", "tsconfig.test.json");
    List<String> tests;
    try (Stream<Path> walk = Files.walk(dir.resolve("build"))) {
      tests =
          walk.map(Path::toString).filter(p -> p.endsWith(".test.js")).sorted().toList();
    }
    if (!tests.isEmpty()) {
      // Plain Node, no module hooks: tests import the generated handles.ts, which is Node-safe.
      Files.writeString(
          dir.resolve("build/package.json"), "{ \"type\": \"module\" }\n", StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of("node", "--test"));
      command.addAll(tests);
      exec(dir, command.toArray(String[]::new));
    }
  }

  /**
   * Projects with {@code java-out}: the generated Java and the container apps written against it
   * (every other {@code .java} outside the DSL sources) compile with {@code -Xlint:all -Werror},
   * with cfc-container and Jackson on the class path as in a container app's build.
   */
  @TestFactory
  Stream<DynamicTest> containerJavaOfQuotedProjectsCompiles() throws IOException {
    List<String> projects = new ArrayList<>();
    for (String project : quotedProjects()) {
      ProjectConfig config =
          ProjectConfig.load(ROOT.resolve(project).resolve("cfc.toml")).config();
      if (config != null && config.javaOut() != null) {
        projects.add(project);
      }
    }
    return projects.stream().map(p -> DynamicTest.dynamicTest(p, () -> compileContainerJava(p)));
  }

  private void compileContainerJava(String project) throws Exception {
    ProjectRuns.Run run = runs.generate(project, List.of());
    assertThat(run.failed()).as(run.output()).isFalse();
    Path dir = run.copy();
    ProjectConfig config = ProjectConfig.load(dir.resolve("cfc.toml")).config();
    Path dsl = dir.resolve(config.sources()).normalize();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".java")
              && !p.startsWith(dsl)
              && !p.startsWith(dir.resolve(".cfc")))
          .sorted()
          .toList();
    }
    assertThat(files).anyMatch(p -> p.startsWith(dir.resolve(config.javaOut())));
    compile(files, containerClasspath());
  }

  private static void compile(List<Path> files, List<String> classpath) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("docs-java-snippets");
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          new ArrayList<>(List.of("-d", out.toString(), "-Xlint:all", "-Werror", "-proc:none"));
      if (!classpath.isEmpty()) {
        options.addAll(List.of("-classpath", String.join(java.io.File.pathSeparator, classpath)));
      }
      StringWriter log = new StringWriter();
      boolean ok = javac
          .getTask(
              log,
              fileManager,
              diagnostics,
              options,
              null,
              fileManager.getJavaFileObjectsFromPaths(files))
          .call();
      assertThat(ok).as(diagnostics.getDiagnostics() + "\n" + log).isTrue();
      assertThat(diagnostics.getDiagnostics()).isEmpty();
    } finally {
      ProjectRuns.deleteTree(out);
    }
  }

  private static void exec(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(180, TimeUnit.SECONDS))
        .as(String.join(" ", command))
        .isTrue();
    assertThat(process.exitValue())
        .as(String.join(" ", command) + "\n" + output)
        .isZero();
  }

  /** Every project a generated marker names. */
  private static Set<String> quotedProjects() throws IOException {
    Set<String> projects = new TreeSet<>();
    for (MarkdownPage page : pages()) {
      for (MarkdownPage.Block block : page.blocks) {
        Matcher generated = block.marker() == null ? null : GENERATED.matcher(block.marker());
        if (generated != null && generated.matches()) {
          projects.add(generated.group(1).trim().split("\\s+")[0]);
        }
      }
    }
    return projects;
  }

  @Test
  void everySnippetProjectAndJavaSnippetIsQuoted() throws IOException {
    Set<String> quoted = new LinkedHashSet<>(quotedProjects());
    for (MarkdownPage page : pages()) {
      for (MarkdownPage.Block block : page.blocks) {
        Matcher snippet = block.marker() == null ? null : SNIPPET.matcher(block.marker());
        if (snippet != null && snippet.matches()) {
          quoted.add(snippet.group(1));
        }
      }
    }
    List<String> unused = new ArrayList<>();
    try (Stream<Path> list = Files.list(SNIPPETS.resolve("projects"))) {
      for (Path project : list.sorted().toList()) {
        String name = ROOT.relativize(project).toString().replace('\\', '/');
        if (quoted.stream().noneMatch(q -> q.equals(name) || q.startsWith(name + "/"))) {
          unused.add(name);
        }
      }
    }
    try (Stream<Path> walk = Files.walk(SNIPPETS.resolve("java"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String name = ROOT.relativize(file).toString().replace('\\', '/');
        if (!quoted.contains(name)) {
          unused.add(name);
        }
      }
    }
    assertThat(unused).as("snippet sources no page quotes").isEmpty();
  }

  @Test
  void regionMarkersInSnippetSourcesAreBalanced() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(SNIPPETS)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        try {
          Regions.names(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          problems.add(ROOT.relativize(file) + ": " + e.getMessage());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void relativeLinksResolve() throws IOException {
    List<String> broken = new ArrayList<>();
    for (MarkdownPage page : pages()) {
      String text = withoutCodeBlocks(page);
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.startsWith("http://")
            || target.startsWith("https://")
            || target.startsWith("mailto:")) {
          continue;
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path resolved =
            file.isEmpty() ? page.path : page.path.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          if (!PENDING.contains(resolved.getFileName().toString())) {
            broken.add(page.name + ": " + target);
          }
        } else if (anchor != null
            && resolved.toString().endsWith(".md")
            && !anchors(MarkdownPage.read(resolved)).contains(anchor)) {
          broken.add(page.name + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theIndexLinksEveryPage() throws IOException {
    String index = Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    try (Stream<Path> list = Files.list(DOCS)) {
      for (Path page : list.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        String name = page.getFileName().toString();
        if (!name.equals("README.md") && !index.contains("(" + name + ")")) {
          missing.add(name);
        }
      }
    }
    for (String pending : PENDING) {
      if (!index.contains("(" + pending + ")")) {
        missing.add(pending);
      }
    }
    assertThat(missing).as("pages docs/README.md does not link").isEmpty();
  }

  /** The anchors GitHub gives a page's headings. */
  private static Set<String> anchors(MarkdownPage page) {
    Set<String> anchors = new LinkedHashSet<>();
    for (String line : withoutCodeBlocks(page).split("\n")) {
      if (line.startsWith("#")) {
        String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
        anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }

  private static String withoutCodeBlocks(MarkdownPage page) {
    List<String> lines = new ArrayList<>(Arrays.asList(page.text().split("\n", -1)));
    for (MarkdownPage.Block block : page.blocks) {
      for (int i = block.open(); i <= block.close(); i++) {
        lines.set(i, "");
      }
    }
    return String.join("\n", lines);
  }

  /** A small line diff for failure messages: lines only in the page, then only in the source. */
  private static String lineDiff(String actual, String expected) {
    List<String> a = List.of(actual.split("\n", -1));
    List<String> e = List.of(expected.split("\n", -1));
    StringBuilder out = new StringBuilder();
    int max = Math.max(a.size(), e.size());
    int shown = 0;
    for (int i = 0; i < max && shown < 12; i++) {
      String left = i < a.size() ? a.get(i) : null;
      String right = i < e.size() ? e.get(i) : null;
      if (left == null || !left.equals(right)) {
        out.append("    line ")
            .append(i + 1)
            .append(": page   ")
            .append(left == null ? "(none)" : left)
            .append('\n')
            .append("    line ")
            .append(i + 1)
            .append(": source ")
            .append(right == null ? "(none)" : right)
            .append('\n');
        shown++;
      }
    }
    return out.toString();
  }
}

package dev.cfc.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code cfc init} (and the Maven goal {@code cfc:init}) writes: a project that runs after
 * {@code npm install}, {@code cfc generate} and {@code npx wrangler dev}. Every file is written
 * only when it is missing; a file the user already has is never replaced, and what was left
 * alone is reported with what it may lack.
 */
public final class ProjectScaffold {

  private static final NpmPackages PACKAGES = readPackages();

  private ProjectScaffold() {}

  /**
   * The npm packages a cfc project needs, at the versions this build of cfc type-checks its
   * runtime and proves its wrangler configs with. The build copies the version lists of both
   * into cfc, so the scaffold cannot name a version the build did not test.
   *
   * @param wrangler {@code wrangler} (dev dependency: {@code wrangler dev}, {@code deploy})
   * @param containers {@code @cloudflare/containers}, the class every generated Container extends
   * @param workersTypes {@code @cloudflare/workers-types}, the Worker globals for {@code tsc}
   * @param typescript {@code typescript}
   */
  public record NpmPackages(
      String wrangler, String containers, String workersTypes, String typescript) {

    /** Package name to version, runtime dependencies first. */
    public Map<String, String> byName() {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("@cloudflare/containers", containers);
      all.put("@cloudflare/workers-types", workersTypes);
      all.put("typescript", typescript);
      all.put("wrangler", wrangler);
      return all;
    }
  }

  /**
   * What a scaffold run did.
   *
   * @param created the files written, relative to the project directory
   * @param skipped the files that already existed, each with what the user may need to add
   */
  public record Result(List<String> created, List<String> skipped) {
    public Result {
      created = List.copyOf(created);
      skipped = List.copyOf(skipped);
    }
  }

  /** The npm packages and versions this build of cfc was tested with. */
  public static NpmPackages npmPackages() {
    return PACKAGES;
  }

  /**
   * Writes every missing file of a runnable project into {@code dir}: {@code cfc.toml} (at
   * {@code projectFile}), a sample definition with its Dockerfile, and, when the directory has no
   * Worker yet, a {@code wrangler.toml} and {@code src/index.ts}; {@code package.json} and
   * {@code tsconfig.json} when absent; {@code .gitignore} lines for {@code .cfc/},
   * {@code node_modules/}, {@code .wrangler/} and {@code .dev.vars}. The project file must not
   * exist yet.
   */
  public static Result write(Path dir, Path projectFile) throws IOException {
    return write(dir, projectFile, DEFAULT_SOURCES);
  }

  /**
   * As {@link #write(Path, Path)}, with the definitions in {@code sources} (relative to
   * {@code dir}; the {@code sources} key of {@code cfc.toml}) instead of {@code cfc}: a Maven
   * project keeps them where it compiles its Java.
   */
  public static Result write(Path dir, Path projectFile, String sources) throws IOException {
    Path project = dir.toAbsolutePath().normalize();
    List<String> created = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Path projectPath = projectFile.toAbsolutePath().normalize();
    Files.createDirectories(projectPath.getParent());
    Files.writeString(
        projectPath,
        PROJECT_FILE.formatted(sources),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW);
    created.add(project.relativize(projectPath).toString().replace('\\', '/'));

    writeIfMissing(project, sampleFile(sources), SAMPLE, created, skipped, "");
    writeIfMissing(project, "containers/app/Dockerfile", DOCKERFILE, created, skipped, "");
    writeIfMissing(project, "containers/app/server.js", SERVER, created, skipped, "");

    String existingConfig = existingWranglerConfig(project);
    if (existingConfig == null) {
      writeNew(project, "wrangler.toml", wranglerToml(workerName(project)), created);
      writeIfMissing(
          project,
          "src/index.ts",
          WORKER,
          created,
          skipped,
          "export the container classes from your Worker: export { AppContainer } from"
              + " \"./_generated/index.js\"");
    } else {
      skipped.add(existingConfig + " (exists; `cfc generate` adds the container entries to it;"
          + " export the container classes from its `main` module: export { AppContainer }"
          + " from \"./_generated/index.js\")");
    }

    Path packageJson = project.resolve("package.json");
    if (Files.exists(packageJson)) {
      List<String> missing = missingPackages(packageJson);
      skipped.add("package.json (exists"
          + (missing.isEmpty()
              ? ")"
              : "; add what it lacks: npm install --save-exact " + String.join(" ", missing)
                  + ")"));
    } else {
      writeNew(project, "package.json", packageJson(workerName(project)), created);
    }
    writeIfMissing(
        project,
        "tsconfig.json",
        TSCONFIG,
        created,
        skipped,
        "to type-check the generated code it needs \"types\": [\"@cloudflare/workers-types\"]"
            + " and \"moduleResolution\": \"bundler\"");

    List<String> added = addGitignoreEntries(project);
    if (!added.isEmpty()) {
      created.add(".gitignore (" + String.join(", ", added) + ")");
    }
    return new Result(created, skipped);
  }

  /** Where the sample definition goes: {@code <sources>/app/AppContainers.java}. */
  public static String sampleFile(String sources) {
    return sources + "/app/AppContainers.java";
  }

  /**
   * The commands that take a freshly scaffolded project to a running Worker, in order, with
   * {@code generate} the command that runs {@code cfc generate} ({@code mvn cfc:generate} in
   * Maven).
   */
  public static List<String> nextSteps(String generate) {
    return List.of(
        "npm install",
        generate,
        "npx tsc -p tsconfig.json",
        "npx wrangler dev",
        "npx wrangler deploy");
  }

  private static String existingWranglerConfig(Path dir) {
    for (String name : List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml")) {
      if (Files.exists(dir.resolve(name))) {
        return name;
      }
    }
    return null;
  }

  private static void writeIfMissing(
      Path dir,
      String file,
      String content,
      List<String> created,
      List<String> skipped,
      String hint)
      throws IOException {
    if (Files.exists(dir.resolve(file))) {
      skipped.add(file + " (exists" + (hint.isEmpty() ? "" : "; " + hint) + ")");
      return;
    }
    writeNew(dir, file, content, created);
  }

  private static void writeNew(Path dir, String file, String content, List<String> created)
      throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    created.add(file);
  }

  private static List<String> missingPackages(Path packageJson) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(packageJson.toFile());
    } catch (IOException e) {
      root = null;
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> entry : PACKAGES.byName().entrySet()) {
      boolean declared = root != null
          && (root.path("dependencies").has(entry.getKey())
              || root.path("devDependencies").has(entry.getKey()));
      if (!declared) {
        missing.add(entry.getKey() + "@" + entry.getValue());
      }
    }
    return missing;
  }

  private static List<String> addGitignoreEntries(Path dir) throws IOException {
    Path gitignore = dir.resolve(".gitignore");
    String existing =
        Files.exists(gitignore) ? Files.readString(gitignore, StandardCharsets.UTF_8) : "";
    List<String> present = existing.lines().map(String::strip).toList();
    List<String> added = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (String[] entry : GITIGNORE) {
      String withoutSlash =
          entry[0].endsWith("/") ? entry[0].substring(0, entry[0].length() - 1) : entry[0];
      if (!present.contains(entry[0]) && !present.contains(withoutSlash)) {
        lines.append("# ").append(entry[1]).append('\n').append(entry[0]).append('\n');
        added.add(entry[0]);
      }
    }
    if (!added.isEmpty()) {
      String prefix = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
      Files.writeString(gitignore, existing + prefix + lines, StandardCharsets.UTF_8);
    }
    return added;
  }

  private static final String[][] GITIGNORE = {
    {".cfc/", "cfc's compile cache"},
    {"node_modules/", "npm packages"},
    {".wrangler/", "wrangler's local state"},
    {".dev.vars", "local secrets for `wrangler dev`"},
  };

  static String workerName(Path dir) {
    Path name = dir.getFileName();
    String raw = name == null ? "my-worker" : name.toString().toLowerCase(Locale.ROOT);
    String cleaned = raw.replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return cleaned.isEmpty() ? "my-worker" : cleaned;
  }

  private static String wranglerToml(String worker) {
    return "name = \"" + worker + "\"\n"
        + "main = \"src/index.ts\"\n"
        + "compatibility_date = \"2025-11-17\"\n";
  }

  private static String packageJson(String worker) {
    return """
        {
          "name": "%s",
          "version": "0.0.0",
          "private": true,
          "type": "module",
          "scripts": {
            "typecheck": "tsc -p tsconfig.json",
            "dev": "wrangler dev",
            "deploy": "wrangler deploy"
          },
          "dependencies": {
            "@cloudflare/containers": "%s"
          },
          "devDependencies": {
            "@cloudflare/workers-types": "%s",
            "typescript": "%s",
            "wrangler": "%s"
          }
        }
        """.formatted(
            worker,
            PACKAGES.containers(),
            PACKAGES.workersTypes(),
            PACKAGES.typescript(),
            PACKAGES.wrangler());
  }

  private static NpmPackages readPackages() {
    JsonNode runtime = readResource("scaffold/runtime/package.json");
    JsonNode proof = readResource("scaffold/proof/package.json");
    return new NpmPackages(
        version(proof, "wrangler"),
        version(runtime, "@cloudflare/containers"),
        version(runtime, "@cloudflare/workers-types"),
        version(runtime, "typescript"));
  }

  private static JsonNode readResource(String name) {
    try (InputStream in = ProjectScaffold.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("cfc was built without its " + name);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String version(JsonNode packageJson, String name) {
    String version = packageJson.path("devDependencies").path(name).asText("");
    if (version.isEmpty()) {
      version = packageJson.path("dependencies").path(name).asText("");
    }
    if (version.isEmpty()) {
      throw new IllegalStateException("cfc was built without a version of " + name);
    }
    return version;
  }

  /** The {@code sources} of a project scaffolded outside Maven. */
  public static final String DEFAULT_SOURCES = "cfc";

  private static final String PROJECT_FILE = """
      # cfc project file: where the container definitions live and what cfc writes.
      sources = "%s" # directory of ContainerSet .java files
      typescript-out = "src/_generated" # generated Container classes and Worker handles
      # wrangler = "wrangler.toml"     # default: wrangler.json, wrangler.jsonc, wrangler.toml
      # java-out = "containers/java-generated"
      # java-package = "app.generated"
      # environments = ["staging", "production"]
      """;

  // The options the runtime's own tsconfig.base.json type-checks the generated code with.
  private static final String TSCONFIG = """
      {
        "compilerOptions": {
          "target": "ES2022",
          "lib": ["ES2022"],
          "module": "ES2022",
          "moduleResolution": "bundler",
          "types": ["@cloudflare/workers-types"],
          "strict": true,
          "noImplicitOverride": true,
          "skipLibCheck": true,
          "isolatedModules": true,
          "verbatimModuleSyntax": true,
          "forceConsistentCasingInFileNames": true,
          "noEmit": true
        },
        "include": ["src/**/*.ts"]
      }
      """;

  private static final String WORKER = """
      // The Worker. `./_generated` is written by `cfc generate`; wrangler needs every
      // container class exported from this module.
      import { containers, type Env } from "./_generated/index.js";

      export { AppContainer } from "./_generated/index.js";

      export default {
        async fetch(request: Request, env: Env): Promise<Response> {
          return containers(env).app.get("default").fetch(request);
        },
      };
      """;

  // A Dockerfile image, not a registry one: `wrangler dev` builds it with the local Docker, so
  // the scaffold runs before anything is pushed to a registry.
  private static final String SAMPLE = """
      package app;

      import dev.cfc.dsl.Container;
      import dev.cfc.dsl.ContainerDefinition;
      import dev.cfc.dsl.ContainerSet;
      import dev.cfc.dsl.Image;
      import dev.cfc.dsl.InstanceType;
      import java.util.List;

      /** The containers of this Worker. cfc compiles this file; see `cfc --help`. */
      public final class AppContainers implements ContainerSet {
        @Override
        public List<ContainerDefinition> containers() {
          return List.of(
              Container.define("app")
                  .image(Image.build("containers/app"))
                  .defaultPort(8080)
                  .instanceType(InstanceType.BASIC)
                  .maxInstances(3)
                  .sleepAfter("5m")
                  .build());
        }
      }
      """;

  private static final String DOCKERFILE = """
      FROM node:22-slim
      WORKDIR /app
      COPY server.js .
      EXPOSE 8080
      CMD ["node", "server.js"]
      """;

  private static final String SERVER = """
      const http = require("node:http");
      http
        .createServer((req, res) => {
          res.writeHead(200, { "content-type": "text/plain" });
          res.end(`app container: ${req.method} ${req.url}\\n`);
        })
        .listen(8080);
      """;
}

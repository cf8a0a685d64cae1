package dev.cfc.cli;

import dev.cfc.codegen.ImportRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cfc init}: scaffolds {@code cfc.toml}, a sample definition, a minimal wrangler config
 * when the project has none, and a {@code .gitignore} entry for the compile cache.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create cfc.toml, a sample ContainerSet and a .gitignore entry for .cfc/.")
final class InitCommand implements Callable<Integer> {

  @ParentCommand
  CfcCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = root.projectDir();
    Path projectFile = root.projectFile();
    if (Files.exists(projectFile)) {
      err.println("cfc: " + dir.relativize(projectFile.toAbsolutePath().normalize())
          + " already exists; init changes nothing in an existing project");
      err.flush();
      return Main.INVALID;
    }
    if (dev.cfc.codegen.Importer.declaresContainers(dir, null)) {
      // the config's own containers, not a sample, are what this project defines
      return ImportCommand.run(root, spec, List.of(), ImportRequest.DEFAULT_PACKAGE, null);
    }
    List<String> created = new ArrayList<>();
    Path sample = dir.resolve("cfc/app/AppContainers.java");
    if (!Files.exists(sample)) {
      Files.createDirectories(sample.getParent());
      Files.writeString(sample, SAMPLE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      created.add("cfc/app/AppContainers.java");
    }
    boolean hasConfig = Files.exists(dir.resolve("wrangler.json"))
        || Files.exists(dir.resolve("wrangler.jsonc"))
        || Files.exists(dir.resolve("wrangler.toml"));
    if (!hasConfig) {
      String worker = workerName(dir);
      Files.writeString(
          dir.resolve("wrangler.toml"),
          "name = \"" + worker + "\"\n"
              + "main = \"src/index.ts\"\n"
              + "compatibility_date = \"2025-11-17\"\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW);
      created.add("wrangler.toml");
      Path workerModule = dir.resolve("src/index.ts");
      if (!Files.exists(workerModule)) {
        Files.createDirectories(workerModule.getParent());
        Files.writeString(
            workerModule, WORKER, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        created.add("src/index.ts");
      }
    }
    Files.createDirectories(projectFile.toAbsolutePath().getParent());
    Files.writeString(
        projectFile, PROJECT_FILE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    created.add(0, dir.relativize(projectFile.toAbsolutePath().normalize()).toString());
    if (addGitignoreEntry(dir)) {
      created.add(".gitignore (.cfc/)");
    }
    if (!root.quiet) {
      for (String file : created) {
        out.println("created " + file);
      }
      out.println("next: edit cfc/app/AppContainers.java, then run `cfc generate`");
      out.flush();
    }
    return Main.OK;
  }

  private static boolean addGitignoreEntry(Path dir) throws IOException {
    Path gitignore = dir.resolve(".gitignore");
    String existing =
        Files.exists(gitignore) ? Files.readString(gitignore, StandardCharsets.UTF_8) : "";
    if (existing.lines().anyMatch(l -> l.strip().equals(".cfc/") || l.strip().equals(".cfc"))) {
      return false;
    }
    String prefix = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
    Files.writeString(
        gitignore, existing + prefix + "# cfc's compile cache\n.cfc/\n", StandardCharsets.UTF_8);
    return true;
  }

  private static String workerName(Path dir) {
    Path name = dir.getFileName();
    String raw = name == null ? "my-worker" : name.toString().toLowerCase(java.util.Locale.ROOT);
    String cleaned = raw.replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return cleaned.isEmpty() ? "my-worker" : cleaned;
  }

  private static final String PROJECT_FILE = """
      # cfc project file: where the container definitions live and what cfc writes.
      sources = "cfc"                  # directory of ContainerSet .java files
      typescript-out = "src/_generated" # generated Container classes and Worker handles
      # wrangler = "wrangler.toml"     # default: wrangler.json, wrangler.jsonc, wrangler.toml
      # java-out = "containers/java-generated"
      # java-package = "app.generated"
      # environments = ["staging", "production"]
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
                  .image(Image.registry("registry.cloudflare.com/my-account/app:1.0"))
                  .defaultPort(8080)
                  .instanceType(InstanceType.BASIC)
                  .maxInstances(3)
                  .sleepAfter("5m")
                  .build());
        }
      }
      """;
}

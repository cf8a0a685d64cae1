package dev.cfc.cli;

import dev.cfc.codegen.ImportRequest;
import dev.cfc.codegen.ProjectScaffold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cfc init}: writes every missing file of a runnable project ({@link ProjectScaffold}) and
 * prints what it created, what it left alone, and the commands that run the Worker.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create cfc.toml, a sample ContainerSet, and whatever else of a runnable Worker"
        + " is missing (wrangler.toml, src/index.ts, package.json, tsconfig.json, .gitignore).")
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
    ProjectScaffold.Result result = ProjectScaffold.write(dir, projectFile);
    if (!root.quiet) {
      for (String file : result.created()) {
        out.println("created " + file);
      }
      for (String file : result.skipped()) {
        out.println("skipped " + file);
      }
      out.println("next: edit "
          + ProjectScaffold.sampleFile(ProjectScaffold.DEFAULT_SOURCES)
          + ", then run:");
      Path here = Path.of("").toAbsolutePath();
      if (!dir.toAbsolutePath().normalize().equals(here)) {
        out.println("  cd " + here.relativize(dir.toAbsolutePath().normalize()));
      }
      for (String step : ProjectScaffold.nextSteps("cfc generate")) {
        out.println("  " + step);
      }
      out.flush();
    }
    return Main.OK;
  }
}

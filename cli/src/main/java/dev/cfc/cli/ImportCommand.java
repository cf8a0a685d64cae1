package dev.cfc.cli;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.ImportRequest;
import dev.cfc.codegen.ImportResult;
import dev.cfc.codegen.Importer;
import dev.cfc.codegen.ProjectConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cfc import}: writes a {@code ContainerSet} declaring the containers the wrangler config
 * already has, each adopting its entry, and {@code cfc.toml} when there is none.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Write a ContainerSet that declares the containers the wrangler config already"
        + " has, each with adopt(), so that the next `cfc generate` changes no byte of the"
        + " config; and cfc.toml when there is none. Never replaces a file.")
final class ImportCommand implements Callable<Integer> {

  @ParentCommand
  CfcCommand root;

  @Spec
  CommandSpec spec;

  @Option(
      names = "--only",
      paramLabel = "<ClassName>",
      description = "Import only the container of this class_name (repeatable).")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--package",
      paramLabel = "<package>",
      description = "The Java package of the written ContainerSet (default: app).")
  String packageName = ImportRequest.DEFAULT_PACKAGE;

  @Option(
      names = "--file",
      paramLabel = "<path.java>",
      description = "Where to write it, relative to the project; its name is the class name"
          + " (default: <sources>/<package>/AppContainers.java).")
  Path file;

  @Override
  public Integer call() throws IOException {
    return run(root, spec, only, packageName, file);
  }

  /** Imports and writes; shared with {@code cfc init} in a project that declares containers. */
  static int run(
      CfcCommand root, CommandSpec spec, List<String> only, String packageName, Path file)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = root.projectDir();
    Path projectFile = root.projectFile();
    Path wrangler = null;
    if (Files.exists(projectFile)) {
      ProjectConfig.Loaded loaded = ProjectConfig.load(projectFile);
      if (loaded.config() == null) {
        return report(err, loaded.diagnostics());
      }
      wrangler =
          loaded.config().wrangler() == null ? null : Path.of(loaded.config().wrangler());
    }
    String typeName = ImportRequest.DEFAULT_TYPE;
    if (file != null) {
      String name = file.getFileName().toString();
      if (!name.endsWith(".java")
          || !javax.lang.model.SourceVersion.isIdentifier(
              name.substring(0, name.length() - ".java".length()))) {
        err.println("cfc: --file " + file + " must name a Java source such as AppContainers.java");
        err.flush();
        return Main.USAGE;
      }
      typeName = name.substring(0, name.length() - ".java".length());
    }
    if (!javax.lang.model.SourceVersion.isName(packageName)) {
      err.println("cfc: --package " + packageName + " is not a Java package name");
      err.flush();
      return Main.USAGE;
    }
    ImportResult result = Importer.run(ImportRequest.builder(dir)
        .wranglerConfig(wrangler)
        .packageName(packageName)
        .typeName(typeName)
        .only(only)
        .build());
    if (result.hasErrors()) {
      return report(err, result.diagnostics());
    }
    Importer.Written written = Importer.write(result, dir, projectFile, file);
    List<Diagnostic> all = new ArrayList<>(result.diagnostics());
    all.addAll(written.diagnostics());
    if (written.hasErrors()) {
      return report(err, all);
    }
    all.forEach(d -> err.println(d.render()));
    err.flush();
    if (!root.quiet) {
      for (String created : written.created()) {
        out.println("created " + created);
      }
      out.println("imported " + String.join(", ", result.classNames()) + " from "
          + result.configFile()
          + (result.environments().isEmpty()
              ? ""
              : " (environments " + String.join(", ", result.environments()) + ")"));
      out.println("next: run `cfc generate`; it adopts every entry and changes no byte of "
          + result.configFile());
      out.flush();
    }
    return Main.OK;
  }

  private static int report(PrintWriter err, List<Diagnostic> diagnostics) {
    diagnostics.forEach(d -> err.println(d.render()));
    err.println(Diagnostic.failureSummary(diagnostics));
    err.flush();
    return Main.INVALID;
  }
}

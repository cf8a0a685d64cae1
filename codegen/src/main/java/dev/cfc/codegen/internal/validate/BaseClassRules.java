package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.codegen.internal.model.Names;
import dev.cfc.dsl.BaseClass;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The team's class a generated class extends ({@code extendsClass(module, exportName)}): CFC130
 * (the module is not there), CFC131 (the export is not a class name the generated file can
 * import), CFC132 (the module is not a TypeScript or JavaScript module inside the project),
 * CFC133 (the module exports nothing of that name). The generated file imports the module by a
 * path relative to {@code typescript-out}; each of these would otherwise fail only when wrangler
 * bundles the Worker.
 */
final class BaseClassRules {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  /** What a generated class extending the team's class imports besides it. */
  private static final Set<String> IMPORTED =
      Set.of("CfcContainerConfig", "StopParams", "runHook", "wireOutbound");
  /** Extensions wrangler's esbuild bundles and {@code moduleResolution: bundler} resolves. */
  private static final List<String> MODULE_EXTENSIONS =
      List.of(".ts", ".mts", ".tsx", ".js", ".mjs");

  private final Path projectDir;
  private final Findings findings;

  BaseClassRules(Path projectDir, Findings findings) {
    this.projectDir = projectDir;
    this.findings = findings;
  }

  void check(ContainerDefinition definition) {
    BaseClass base = definition.baseClass();
    if (base == null) {
      return;
    }
    SourceLocation where = definition.sources().getOrDefault("extendsClass", definition.where());
    String call = "extendsClass(" + quote(base.module()) + ", " + quote(base.exportName()) + ")";
    String of = " of container " + quote(definition.name());
    String exportProblem = exportProblem(base.exportName(), Names.className(definition));
    if (exportProblem != null) {
      findings.error(
          "CFC131",
          where,
          call + of + ": " + quote(base.exportName()) + " " + exportProblem,
          "name the exported class, for example extendsClass(\"src/containers/" + definition.name()
              + "-hooks.ts\", \"" + suggestedExport(definition) + "\")");
    }
    Path module = modulePath(base.module());
    if (module == null) {
      findings.error(
          "CFC132",
          where,
          call + of + ": " + quote(base.module())
              + " is not a TypeScript or JavaScript module inside the project",
          "give the module's path relative to the project directory, ending in .ts, .mts, .tsx,"
              + " .js or .mjs, for example \"src/containers/" + definition.name() + "-hooks.ts\"");
      return;
    }
    if (!Files.isRegularFile(module)) {
      findings.error(
          "CFC130",
          where,
          call + of + ": module " + quote(base.module())
              + " does not exist (relative to the project directory)",
          "create it with `export abstract class " + suggestedExport(definition)
              + " extends CfcContainer { … }`, or fix the path");
      return;
    }
    if (exportProblem == null && !exports(module, base.exportName())) {
      findings.error(
          "CFC133",
          where,
          call + of + ": module " + quote(base.module()) + " does not export "
              + quote(base.exportName()),
          "declare it as `export abstract class " + base.exportName()
              + " extends CfcContainer`, or name the class the module exports");
    }
  }

  /** The module inside the project, or null when it cannot be one the generated file imports. */
  private Path modulePath(String module) {
    if (module.isBlank() || module.contains("\\") || module.endsWith(".d.ts")) {
      return null;
    }
    if (MODULE_EXTENSIONS.stream().noneMatch(module::endsWith)) {
      return null;
    }
    try {
      Path relative = Path.of(module);
      if (relative.isAbsolute() || relative.normalize().startsWith("..")) {
        return null;
      }
      return projectDir.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static String exportProblem(String exportName, String generatedClass) {
    if (!IDENTIFIER.matcher(exportName).matches()) {
      return "is not a JavaScript identifier";
    }
    if (Names.RESERVED.contains(exportName)) {
      return "is a reserved word in JavaScript or TypeScript";
    }
    if (exportName.equals(generatedClass)) {
      return "is the generated class's own name";
    }
    if (IMPORTED.contains(exportName)) {
      return "is a name the generated class already imports";
    }
    return null;
  }

  /**
   * Whether the module's text exports the name: {@code export [default] [abstract] class X},
   * {@code export const X}, or {@code X} in an {@code export { … }} list. A module with
   * {@code export *} may re-export it, and passes.
   */
  private static boolean exports(Path module, String name) {
    String text;
    try {
      text = Files.readString(module, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      // Unreadable text is tsc's to report; this check only catches a misspelt export.
      return true;
    }
    String quoted = Pattern.quote(name);
    return text.contains("export *")
        || Pattern.compile("export\\s+(?:default\\s+)?(?:abstract\\s+)?class\\s+" + quoted + "\\b")
            .matcher(text)
            .find()
        || Pattern.compile("export\\s+(?:const|let|var)\\s+" + quoted + "\\b")
            .matcher(text)
            .find()
        || Pattern.compile("export\\s*\\{[^}]*\\b" + quoted + "\\b[^}]*}")
            .matcher(text)
            .find();
  }

  private static String suggestedExport(ContainerDefinition definition) {
    String name = definition.name();
    return name.isEmpty()
        ? "ContainerHooks"
        : Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Hooks";
  }
}

package dev.cfc.codegen;

import dev.cfc.codegen.internal.InputFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * The project file {@code cfc.toml}, read by the CLI and the Maven plugin alike so that both
 * compile the same project the same way.
 *
 * @param projectDir the directory holding the project
 * @param sources directory of DSL {@code .java} files, relative to the project ({@code sources})
 * @param wrangler the wrangler config, or null to find it as wrangler does ({@code wrangler})
 * @param typescriptOut directory for generated TypeScript ({@code typescript-out})
 * @param javaOut directory for generated Java accessors, or null for none ({@code java-out})
 * @param javaPackage package of the generated Java ({@code java-package})
 * @param environments wrangler environments cfc maintains ({@code environments})
 * @param suppressedWarnings warning codes not to report ({@code suppress-warnings}); errors
 *     cannot be suppressed
 * @param definitionTimeout how long loading one {@code ContainerSet} may take
 *     ({@code definition-timeout}, {@code "30s"}, {@code "2m"} or whole seconds)
 * @param accountLimits the largest custom instance type the account may run
 *     ({@code [account-limits]}: {@code vcpu}, {@code memory-mib}, {@code disk-mb})
 */
public record ProjectConfig(
    Path projectDir,
    String sources,
    String wrangler,
    String typescriptOut,
    String javaOut,
    String javaPackage,
    List<String> environments,
    List<String> suppressedWarnings,
    Duration definitionTimeout,
    AccountLimits accountLimits) {

  /** The project file's name. */
  public static final String FILE_NAME = "cfc.toml";

  /**
   * How long loading one {@code ContainerSet} may take unless {@code definition-timeout} says
   * otherwise: real definitions take milliseconds, and a stuck one should not hold the project
   * lock for long.
   */
  public static final Duration DEFAULT_DEFINITION_TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> KEYS = Set.of(
      "sources",
      "wrangler",
      "typescript-out",
      "java-out",
      "java-package",
      "environments",
      "suppress-warnings",
      "definition-timeout",
      "account-limits");

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([smh])");

  public ProjectConfig {
    environments = List.copyOf(environments);
    suppressedWarnings = List.copyOf(suppressedWarnings);
    Objects.requireNonNull(definitionTimeout, "definitionTimeout");
    Objects.requireNonNull(accountLimits, "accountLimits");
  }

  /** The values used when {@code cfc.toml} leaves a key out. */
  public static ProjectConfig defaults(Path projectDir) {
    return new ProjectConfig(
        projectDir,
        "cfc",
        null,
        "src/_generated",
        null,
        "app.generated",
        List.of(),
        List.of(),
        DEFAULT_DEFINITION_TIMEOUT,
        AccountLimits.PUBLISHED);
  }

  /**
   * Reads a project file. Malformed TOML, unknown keys and values of the wrong type become
   * located {@code CFC205} errors.
   */
  public static Loaded load(Path file) {
    Path projectDir = file.toAbsolutePath().normalize().getParent();
    String shown = file.getFileName().toString();
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (InputFiles.absent(file)) {
      diagnostics.add(Diagnostic.error(
          "CFC200",
          Diagnostic.Location.of(shown),
          "no " + shown + " in " + projectDir,
          "run `cfc init` there to create one, or point at the project with -C <dir>"));
      return new Loaded(null, diagnostics);
    }
    InputFiles.Read read = InputFiles.read(file, shown);
    if (read.problem() != null) {
      return new Loaded(null, List.of(read.problem()));
    }
    // As wrangler does for its config, a UTF-8 byte order mark is not part of the TOML.
    String text = read.text().startsWith("\uFEFF") ? read.text().substring(1) : read.text();
    Diagnostic tooDeep = InputFiles.tomlTooDeep(text, shown);
    if (tooDeep != null) {
      return new Loaded(null, List.of(tooDeep));
    }
    TomlParseResult toml = Toml.parse(text);
    for (TomlParseError error : toml.errors()) {
      TomlPosition at = error.position();
      diagnostics.add(Diagnostic.error(
          "CFC205",
          new Diagnostic.Location(shown, at.line(), at.column()),
          "malformed " + shown + ": " + error.getMessage(),
          "fix the TOML syntax"));
    }
    if (!diagnostics.isEmpty()) {
      return new Loaded(null, diagnostics);
    }
    ProjectConfig defaults = defaults(projectDir);
    for (String key : toml.keySet()) {
      if (!KEYS.contains(key)) {
        diagnostics.add(typeError(
            toml,
            key,
            shown,
            "unknown key " + key + " in " + shown,
            "known keys: sources, wrangler, typescript-out, java-out, java-package,"
                + " environments, suppress-warnings, definition-timeout, account-limits"));
      }
    }
    String sources = string(toml, "sources", defaults.sources(), shown, diagnostics);
    String wrangler = string(toml, "wrangler", null, shown, diagnostics);
    String typescriptOut =
        string(toml, "typescript-out", defaults.typescriptOut(), shown, diagnostics);
    String javaOut = string(toml, "java-out", null, shown, diagnostics);
    String javaPackage = string(toml, "java-package", defaults.javaPackage(), shown, diagnostics);
    Duration definitionTimeout =
        duration(toml, "definition-timeout", DEFAULT_DEFINITION_TIMEOUT, shown, diagnostics);
    List<String> environments = new ArrayList<>();
    if (toml.contains("environments")) {
      if (!toml.isArray("environments")) {
        diagnostics.add(typeError(
            toml,
            "environments",
            shown,
            "environments must be an array of strings",
            "environments = [\"staging\"]"));
      } else {
        TomlArray array = toml.getArray("environments");
        for (int i = 0; i < array.size(); i++) {
          Object value = array.get(i);
          if (value instanceof String name && name.matches("[A-Za-z0-9_-]+")) {
            if (!environments.contains(name)) {
              environments.add(name);
            }
          } else {
            diagnostics.add(typeError(
                toml,
                "environments",
                shown,
                "environment " + value + " is not a valid wrangler environment name",
                "use letters, digits, - and _ only"));
          }
        }
      }
    }
    List<String> suppressed = suppressedWarnings(toml, shown, diagnostics);
    AccountLimits limits = accountLimits(toml, shown, diagnostics);
    if (!diagnostics.isEmpty()) {
      return new Loaded(null, diagnostics);
    }
    return new Loaded(
        new ProjectConfig(
            projectDir,
            sources,
            wrangler,
            typescriptOut,
            javaOut,
            javaPackage,
            environments,
            suppressed,
            definitionTimeout,
            limits),
        List.of());
  }

  /**
   * {@code [account-limits]}: each of {@code vcpu}, {@code memory-mib} and {@code disk-mb} a
   * positive number; a key left out keeps Cloudflare's published limit.
   */
  private static AccountLimits accountLimits(
      TomlParseResult toml, String shown, List<Diagnostic> diagnostics) {
    String key = "account-limits";
    AccountLimits published = AccountLimits.PUBLISHED;
    if (!toml.contains(key)) {
      return published;
    }
    String example = "[account-limits]\nvcpu = 8\nmemory-mib = 32768\ndisk-mb = 40000";
    if (!toml.isTable(key)) {
      diagnostics.add(typeError(toml, key, shown, key + " must be a table", example));
      return published;
    }
    org.tomlj.TomlTable table = toml.getTable(key);
    for (String name : table.keySet()) {
      if (!Set.of("vcpu", "memory-mib", "disk-mb").contains(name)) {
        diagnostics.add(typeError(
            toml,
            key + "." + name,
            shown,
            "unknown key " + name + " in [" + key + "]",
            "known keys: vcpu, memory-mib, disk-mb"));
      }
    }
    double vcpu = positive(toml, table, key, "vcpu", published.vcpu(), shown, diagnostics);
    double memory =
        positive(toml, table, key, "memory-mib", published.memoryMib(), shown, diagnostics);
    double disk = positive(toml, table, key, "disk-mb", published.diskMb(), shown, diagnostics);
    return new AccountLimits(vcpu, (long) memory, (long) disk);
  }

  private static double positive(
      TomlParseResult toml,
      org.tomlj.TomlTable table,
      String key,
      String name,
      double fallback,
      String shown,
      List<Diagnostic> diagnostics) {
    if (!table.contains(name)) {
      return fallback;
    }
    Object value = table.get(name);
    if (value instanceof Number number
        && number.doubleValue() > 0
        && !Double.isInfinite(number.doubleValue())) {
      return number.doubleValue();
    }
    diagnostics.add(typeError(
        toml,
        key + "." + name,
        shown,
        key + "." + name + " must be a positive number",
        "for example " + name + " = " + (long) fallback * 2));
    return fallback;
  }

  /** {@code suppress-warnings}: codes the catalogue documents as warnings, nothing else. */
  private static List<String> suppressedWarnings(
      TomlParseResult toml, String shown, List<Diagnostic> diagnostics) {
    String key = "suppress-warnings";
    List<String> codes = new ArrayList<>();
    if (!toml.contains(key)) {
      return codes;
    }
    if (!toml.isArray(key)) {
      diagnostics.add(typeError(
          toml, key, shown, key + " must be an array of warning codes", key + " = [\"CFC209\"]"));
      return codes;
    }
    TomlArray array = toml.getArray(key);
    for (int i = 0; i < array.size(); i++) {
      String code =
          array.get(i) instanceof String text ? text.strip() : String.valueOf(array.get(i));
      if (!DiagnosticCatalog.entry(code).isPresent()) {
        diagnostics.add(typeError(
            toml,
            key,
            shown,
            code + " in " + key + " is not a cfc diagnostic code",
            "`cfc explain CFCnnn` lists what a code means"));
      } else if (!DiagnosticCatalog.isWarning(code)) {
        diagnostics.add(typeError(
            toml,
            key,
            shown,
            code + " in " + key + " is an error, and errors cannot be suppressed",
            "fix what it reports; only warnings can be suppressed"));
      } else if (!codes.contains(code.toUpperCase(java.util.Locale.ROOT))) {
        codes.add(code.toUpperCase(java.util.Locale.ROOT));
      }
    }
    return codes;
  }

  private static Duration duration(
      TomlParseResult toml,
      String key,
      Duration fallback,
      String shown,
      List<Diagnostic> diagnostics) {
    if (!toml.contains(key)) {
      return fallback;
    }
    Object value = toml.get(key);
    if (value instanceof Long seconds && seconds >= 1 && seconds <= 86_400) {
      return Duration.ofSeconds(seconds);
    }
    Matcher m = value instanceof String text ? DURATION.matcher(text) : null;
    if (m != null && m.matches() && Long.parseLong(m.group(1)) >= 1) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    diagnostics.add(typeError(
        toml,
        key,
        shown,
        key + " must be a duration such as \"30s\"," + " \"2m\" or whole seconds (at least 1), not "
            + value,
        key + " = \"30s\""));
    return fallback;
  }

  private static String string(
      TomlParseResult toml,
      String key,
      String fallback,
      String shown,
      List<Diagnostic> diagnostics) {
    if (!toml.contains(key)) {
      return fallback;
    }
    if (!toml.isString(key) || toml.getString(key).isBlank()) {
      diagnostics.add(
          typeError(toml, key, shown, key + " must be a non-empty string", key + " = \"...\""));
      return fallback;
    }
    return toml.getString(key);
  }

  private static Diagnostic typeError(
      TomlParseResult toml, String key, String shown, String message, String hint) {
    TomlPosition at = toml.inputPositionOf(key);
    Diagnostic.Location location = at == null
        ? Diagnostic.Location.of(shown)
        : new Diagnostic.Location(shown, at.line(), at.column());
    return Diagnostic.error("CFC205", location, message, hint);
  }

  /** The directory of DSL sources, resolved against the project. */
  public Path sourcesDir() {
    return projectDir.resolve(sources);
  }

  /**
   * The result of reading {@code cfc.toml}.
   *
   * @param config the project settings, or null when there were errors
   * @param diagnostics the errors found
   */
  public record Loaded(ProjectConfig config, List<Diagnostic> diagnostics) {
    public Loaded {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}

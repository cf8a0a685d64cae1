package dev.cfc.codegen.internal.model;

import dev.cfc.dsl.ContainerDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives the stable names of a definition: {@code videoTranscoder} → class
 * {@code VideoTranscoderContainer}, binding {@code CONTAINER_VIDEO_TRANSCODER}, container
 * application name {@code <worker>-video-transcoder[-<env>]}.
 */
public final class Names {

  /** JavaScript/TypeScript reserved and strict-mode words a definition name may not be. */
  public static final Set<String> RESERVED = Set.of(
      "break",
      "case",
      "catch",
      "class",
      "const",
      "continue",
      "debugger",
      "default",
      "delete",
      "do",
      "else",
      "enum",
      "export",
      "extends",
      "false",
      "finally",
      "for",
      "function",
      "if",
      "import",
      "in",
      "instanceof",
      "new",
      "null",
      "return",
      "super",
      "switch",
      "this",
      "throw",
      "true",
      "try",
      "typeof",
      "var",
      "void",
      "while",
      "with",
      "implements",
      "interface",
      "let",
      "package",
      "private",
      "protected",
      "public",
      "static",
      "yield",
      "await",
      "async",
      "arguments",
      "eval",
      "undefined",
      "constructor",
      "prototype",
      "any",
      "boolean",
      "number",
      "string",
      "symbol",
      "object",
      "never",
      "unknown",
      "declare",
      "type",
      "namespace",
      "module",
      "readonly",
      "abstract",
      "as",
      "is",
      "keyof",
      "infer",
      "satisfies",
      "of",
      "get",
      "set",
      "from");

  private Names() {}

  /** {@code transcoder} → {@code TranscoderContainer}. */
  public static String className(String definitionName) {
    if (definitionName.isEmpty()) {
      return "Container";
    }
    return Character.toUpperCase(definitionName.charAt(0)) + definitionName.substring(1)
        + "Container";
  }

  /**
   * The Durable Object class of a definition: its {@code className(...)}, else derived from its
   * name. Every class name cfc writes or emits comes from here; the reconcile may still keep a
   * binding the config already has.
   */
  public static String className(ContainerDefinition definition) {
    return definition.className() != null ? definition.className() : className(definition.name());
  }

  /** The Durable Object binding a definition asks for: its {@code binding(...)}, else derived. */
  public static String bindingName(ContainerDefinition definition) {
    return definition.binding() != null ? definition.binding() : bindingName(definition.name());
  }

  /**
   * Whether a {@code renamedFrom} value names the earlier class itself rather than an earlier
   * definition: definition names start lower case, class names conventionally upper case.
   */
  public static boolean isClassReference(String renamedFrom) {
    return !renamedFrom.isEmpty() && Character.isUpperCase(renamedFrom.charAt(0));
  }

  /** The class a {@code renamedFrom} value stands for. */
  public static String renamedFromClass(String renamedFrom) {
    return isClassReference(renamedFrom) ? renamedFrom : className(renamedFrom);
  }

  /** {@code parseHTTPRequest} → {@code CONTAINER_PARSE_HTTP_REQUEST}. */
  public static String bindingName(String definitionName) {
    return "CONTAINER_" + String.join("_", words(definitionName)).toUpperCase(Locale.ROOT);
  }

  /** The longest definition name: generated file names and application names stay short. */
  public static final int MAX_DEFINITION_NAME = 64;

  /** The longest container application name cfc writes or accepts. */
  public static final int MAX_APPLICATION_NAME = 128;

  /**
   * A Docker image repository path component, which wrangler tags a build with the application
   * name as: lower case letters and digits, separated by one {@code .}, one or two {@code _}, or
   * dashes.
   */
  private static final java.util.regex.Pattern REPOSITORY =
      java.util.regex.Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");

  /**
   * The container application {@code name} of a new entry: {@code <worker>-<definition words>}
   * plus {@code -<env>} inside an environment, in lower case with dashes
   * ({@code media}, {@code videoTranscoder}, {@code staging} →
   * {@code media-video-transcoder-staging}), so that it is valid as the image repository
   * wrangler tags the build with. It is unique whenever the bindings are, since both come from
   * the same words.
   */
  public static String applicationName(String workerName, String definitionName, String env) {
    String base = workerName + "-" + String.join("-", words(definitionName));
    return repositorySafe(env == null ? base : base + "-" + env);
  }

  /**
   * {@code name} in lower case with every run of other characters turned into one dash, and no
   * dash at either end: a valid repository component for any name with a letter or digit.
   */
  public static String repositorySafe(String name) {
    return name.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9._]+", "-")
        .replaceAll("[._]{2,}|[._]-|-[._]", "-")
        .replaceAll("-{2,}", "-")
        .replaceAll("^[-._]+|[-._]+$", "");
  }

  /** Whether Docker accepts {@code name} as an image repository, as wrangler uses it. */
  public static boolean isRepositoryName(String name) {
    return name.length() <= MAX_APPLICATION_NAME && REPOSITORY.matcher(name).matches();
  }

  /**
   * Splits camelCase into words: a boundary before an upper-case letter that follows a
   * lower-case letter or digit, and before the last capital of a run that is followed by a
   * lower-case letter; digits stay with the word before them.
   */
  public static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < name.length(); i++) {
      char prev = name.charAt(i - 1);
      char cur = name.charAt(i);
      boolean afterLowerOrDigit =
          Character.isUpperCase(cur) && (Character.isLowerCase(prev) || Character.isDigit(prev));
      boolean endOfCapitalRun = Character.isUpperCase(cur)
          && Character.isUpperCase(prev)
          && i + 1 < name.length()
          && Character.isLowerCase(name.charAt(i + 1));
      if (afterLowerOrDigit || endOfCapitalRun) {
        words.add(name.substring(start, i));
        start = i;
      }
    }
    if (start < name.length()) {
      words.add(name.substring(start));
    }
    return words;
  }
}

package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.codegen.internal.model.Names;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Definition names and container application names: CFC001 (a name that is not lower camelCase or
 * is too long), CFC002 (a reserved word), CFC003 (two names that become the same class or
 * binding), CFC004 (an invalid or self-referring renamedFrom), CFC007 (an application name that is
 * not a valid image repository name).
 */
final class NameRules {

  private static final Pattern DEFINITION_NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");

  private final Findings findings;

  NameRules(Findings findings) {
    this.findings = findings;
  }

  /** Checks the names of all definitions of one run together, since two may clash. */
  void check(List<ContainerDefinition> definitions) {
    Map<String, ContainerDefinition> byClass = new HashMap<>();
    Map<String, ContainerDefinition> byBinding = new HashMap<>();
    for (ContainerDefinition definition : definitions) {
      String name = definition.name();
      if (!DEFINITION_NAME.matcher(name).matches()) {
        findings.error(
            "CFC001",
            definition.where(),
            "container name " + quote(name) + " must match ^[a-z][a-zA-Z0-9]*$",
            "use lower camelCase, for example Container.define(\"" + suggestName(name) + "\")");
        continue;
      }
      if (name.length() > Names.MAX_DEFINITION_NAME) {
        findings.error(
            "CFC001",
            definition.where(),
            "container name "
                + quote(name.substring(0, 20) + "…") + " is " + name.length()
                + " characters long; at most " + Names.MAX_DEFINITION_NAME + " are allowed",
            "choose a shorter name: it becomes generated file names, a class, a binding and"
                + " the container application name");
        continue;
      }
      checkApplicationName(definition);
      if (Names.RESERVED.contains(name)) {
        findings.error(
            "CFC002",
            definition.where(),
            "container name " + quote(name) + " is a reserved word in JavaScript or TypeScript",
            "choose another name, for example Container.define(\"" + name + "App\")");
        continue;
      }
      String className = Names.className(definition);
      String binding = Names.bindingName(definition);
      ContainerDefinition earlier = byClass.putIfAbsent(className, definition);
      if (earlier == null) {
        earlier = byBinding.putIfAbsent(binding, definition);
      } else {
        byBinding.putIfAbsent(binding, definition);
      }
      if (earlier != null) {
        findings.error(
            "CFC003",
            definition.where(),
            "container " + quote(name) + " clashes with " + quote(earlier.name())
                + " (defined at " + findings.locate(earlier.where()).render()
                + "): both become class " + Names.className(earlier) + " or binding "
                + Names.bindingName(earlier),
            "rename one of them, or set .className(\"…\") or .binding(\"…\") on one, so that"
                + " their class and binding names differ");
      }
    }
  }

  void checkRenamedFrom(ContainerDefinition definition) {
    String renamedFrom = definition.renamedFrom();
    if (renamedFrom != null) {
      SourceLocation at = definition.sources().getOrDefault("renamedFrom", definition.where());
      if (Names.isClassReference(renamedFrom)) {
        // A previous class, not a definition name: NameOverrideRules checks it.
      } else if (!DEFINITION_NAME.matcher(renamedFrom).matches()) {
        findings.error(
            "CFC004",
            at,
            "renamedFrom " + quote(renamedFrom) + " is not a valid container name",
            "give the previous definition name exactly");
      } else if (renamedFrom.equals(definition.name())) {
        findings.error(
            "CFC004",
            at,
            "container " + quote(renamedFrom) + " is renamed from itself",
            "remove renamedFrom(\"" + renamedFrom + "\")");
      }
    }
  }

  /**
   * wrangler tags a Dockerfile build with the application name, and Docker refuses a repository
   * name with upper case or other characters; so a name the definition sets must be one.
   */
  private void checkApplicationName(ContainerDefinition definition) {
    String name = definition.containerName();
    if (name == null || Names.isRepositoryName(name)) {
      return;
    }
    String fixed = Names.repositorySafe(name);
    SourceLocation where = definition.sources().getOrDefault("containerName", definition.where());
    findings.error(
        "CFC007",
        where,
        "container application name " + quote(name)
            + " is not valid as an image repository name, which wrangler tags the build with",
        "use lower-case letters, digits and dashes, at most " + Names.MAX_APPLICATION_NAME
            + " characters"
            + (fixed.isEmpty() ? "" : ", for example .containerName(\"" + fixed + "\")"));
  }

  private static String suggestName(String name) {
    StringBuilder out = new StringBuilder();
    boolean upperNext = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) || c > 127) {
        upperNext = out.length() > 0;
        continue;
      }
      out.append(upperNext ? Character.toUpperCase(c) : c);
      upperNext = false;
    }
    String s = out.toString();
    while (!s.isEmpty() && !Character.isLetter(s.charAt(0))) {
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      return "app";
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}

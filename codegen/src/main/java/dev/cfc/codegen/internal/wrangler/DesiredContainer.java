package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One container definition as the wrangler config should reflect it.
 *
 * @param definitionName the DSL name, e.g. {@code transcoder}
 * @param className the Durable Object class, e.g. {@code TranscoderContainer}
 * @param bindingName the Durable Object binding, e.g. {@code CONTAINER_TRANSCODER}
 * @param renamedFromClass the class this definition was called before, or {@code null}
 * @param renamedFromBinding the binding this definition was called before, or {@code null}
 * @param adopt whether a hand-written entry for this class may be taken over
 * @param explicitName whether the definition sets the container application {@code name}
 *     itself ({@code containerName}); otherwise an existing entry keeps its name
 * @param definedAt where the definition was written, for diagnostics
 * @param entriesByScope the {@code containers} entry per scope: key {@code ""} is the top level,
 *     any other key an environment name; every maintained environment is present
 * @param bindingAt where the definition sets its binding with {@code binding(...)}, or
 *     {@code null} when the binding is derived, so that a binding the config already has for
 *     the class is kept
 * @param classAt where the definition sets its class with {@code className(...)}, or
 *     {@code null} when the class is derived; clashes with hand-written entries point there
 */
public record DesiredContainer(
    String definitionName,
    String className,
    String bindingName,
    String renamedFromClass,
    String renamedFromBinding,
    boolean adopt,
    boolean explicitName,
    Diagnostic.Location definedAt,
    Map<String, ContainerEntry> entriesByScope,
    Diagnostic.Location bindingAt,
    Diagnostic.Location classAt) {

  public DesiredContainer {
    Objects.requireNonNull(definitionName, "definitionName");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(bindingName, "bindingName");
    definedAt = definedAt == null ? Diagnostic.Location.UNKNOWN : definedAt;
    entriesByScope = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entriesByScope));
  }

  /** A definition whose binding is derived (no {@code binding(...)} call). */
  public DesiredContainer(
      String definitionName,
      String className,
      String bindingName,
      String renamedFromClass,
      String renamedFromBinding,
      boolean adopt,
      boolean explicitName,
      Diagnostic.Location definedAt,
      Map<String, ContainerEntry> entriesByScope) {
    this(
        definitionName,
        className,
        bindingName,
        renamedFromClass,
        renamedFromBinding,
        adopt,
        explicitName,
        definedAt,
        entriesByScope,
        null,
        null);
  }

  /** The same definition with other entries. */
  DesiredContainer withEntries(Map<String, ContainerEntry> entries) {
    return new DesiredContainer(
        definitionName,
        className,
        bindingName,
        renamedFromClass,
        renamedFromBinding,
        adopt,
        explicitName,
        definedAt,
        entries,
        bindingAt,
        classAt);
  }

  /** The same definition under another binding name. */
  DesiredContainer withBinding(String binding) {
    return new DesiredContainer(
        definitionName,
        className,
        binding,
        renamedFromClass,
        renamedFromBinding,
        adopt,
        explicitName,
        definedAt,
        entriesByScope,
        bindingAt,
        classAt);
  }

  /** The same definition, renamed from {@code fromClass}. */
  DesiredContainer withRenameFrom(String fromClass, String fromBinding) {
    return new DesiredContainer(
        definitionName,
        className,
        bindingName,
        fromClass,
        fromBinding,
        adopt,
        explicitName,
        definedAt,
        entriesByScope,
        bindingAt,
        classAt);
  }

  /** Whether this definition names an earlier class it was renamed from. */
  boolean isRenamed() {
    return renamedFromClass != null && !renamedFromClass.equals(className);
  }
}

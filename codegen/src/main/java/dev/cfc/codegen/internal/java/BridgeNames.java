package dev.cfc.codegen.internal.java;

import dev.cfc.dsl.ContainerDefinition;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names in the generated {@code <Name>Bridge} record, shared by the emitter and by validation
 * (which reports two grants whose accessors would be the same).
 *
 * <p>The record is named like {@code <Name>ContainerConfig} with {@code Bridge} for
 * {@code ContainerConfig}: {@code transcoder} → {@code TranscoderBridge}. The two suffixes differ,
 * so a bridge record can only ever share its name with the bridge record of a definition of the
 * same name.
 *
 * <p>A grant's accessor is its binding name in lowerCamelCase, as {@code <Name>ContainerConfig}
 * names variables ({@code MEDIA_BUCKET} → {@code mediaBucket}, {@code CACHE} → {@code cache}).
 * A name that cannot be a record component as it is — a Java keyword or contextual keyword
 * ({@code var}, {@code yield}, {@code record}), a method every record has ({@code toString},
 * {@code hashCode}, {@code equals}, {@code getClass}, …) or one of the record's static factories
 * ({@code connect}, {@code inMemory}) — gets {@code Binding} appended: {@code CLASS} →
 * {@code classBinding}, {@code TO_STRING} → {@code toStringBinding}. Nothing else is renamed:
 * two grants that still end up with one accessor are an error of the definition, not a suffix.
 */
public final class BridgeNames {

  /** The static methods of the generated record. */
  static final Set<String> FACTORY_METHODS = Set.of("connect", "inMemory");

  private static final Pattern DEFINITION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private BridgeNames() {}

  /** {@code transcoder} → {@code TranscoderBridge}. */
  public static String className(ContainerDefinition definition) {
    String name = definition.name();
    if (!DEFINITION_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("definition name \"" + name
          + "\" does not give a Java class name; validation should have rejected it");
    }
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Bridge";
  }

  /** The accessor of the grant of {@code binding}: {@code MEDIA_BUCKET} → {@code mediaBucket}. */
  public static String accessor(String binding) {
    String name = JavaNames.lowerCamel(binding);
    return reserved(name) ? name + "Binding" : name;
  }

  private static boolean reserved(String name) {
    return JavaNames.notAnyRecordsComponent(name) || FACTORY_METHODS.contains(name);
  }
}

package dev.cfc.codegen.internal.validate;

import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the text values of a definition that are not Unicode text: a Java string holding half of
 * a surrogate pair ({@code "\uD800"}) has no UTF-8 encoding, so it could reach no config or
 * generated file intact. Every text of the definition is checked, found by walking its records
 * and each {@link Settings#values()}, so that a setting added to the DSL later is covered without
 * a list here to keep in step.
 */
final class UnpairedSurrogates {

  /**
   * One bad value.
   *
   * @param setting the setting it was given to, as the DSL records it ({@code env.GREETING})
   * @param where where it was written, or null when the DSL did not record it
   * @param index the offset of the unpaired surrogate in the value
   * @param value the value
   */
  record Found(String setting, SourceLocation where, int index, String value) {}

  private UnpairedSurrogates() {}

  /** The bad values under a record of the DSL, such as a {@code ContainerDefinition}. */
  static List<Found> in(Record definition) {
    List<Found> found = new ArrayList<>();
    walk(definition, "", Map.of(), found);
    return found;
  }

  /** The offset of the first unpaired surrogate in {@code text}, or -1. */
  static int firstUnpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static void walk(
      Object value, String setting, Map<String, SourceLocation> sources, List<Found> found) {
    if (value instanceof String text) {
      int at = firstUnpaired(text);
      if (at >= 0) {
        SourceLocation where = sources.get(setting);
        if (where == null && setting.contains(".")) {
          where = sources.get(setting.substring(0, setting.indexOf('.')));
        }
        found.add(new Found(setting, where, at, text));
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = setting + "." + entry.getKey();
        walk(entry.getKey(), key, sources, found);
        walk(entry.getValue(), key, sources, found);
      }
    } else if (value instanceof Collection<?> items) {
      for (Object item : items) {
        walk(item, setting, sources, found);
      }
    } else if (value instanceof Settings settings) {
      // Settings carry their own source map, so they name their settings from zero again.
      for (Map.Entry<String, Object> part : settings.values().entrySet()) {
        walk(part.getValue(), part.getKey(), settings.sources(), found);
      }
    } else if (value instanceof Record record) {
      Map<String, SourceLocation> inner = sources;
      String prefix = setting;
      RecordComponent[] components = record.getClass().getRecordComponents();
      for (RecordComponent component : components) {
        // A record that carries its own source map (settings, a definition) names its settings
        // from zero again; anything else is a part of the setting that holds it.
        if (component.getName().equals("sources") && read(component, record) instanceof Map m) {
          inner = (Map<String, SourceLocation>) m;
          prefix = "";
        }
      }
      for (RecordComponent component : components) {
        Object part = read(component, record);
        if (part instanceof SourceLocation || component.getName().equals("sources")) {
          continue;
        }
        String name = prefix.isEmpty() ? component.getName() : prefix;
        walk(part, name, inner, found);
      }
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null; // a component the DSL keeps to itself holds no user text
    }
  }
}

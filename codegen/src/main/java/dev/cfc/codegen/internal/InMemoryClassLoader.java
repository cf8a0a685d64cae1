package dev.cfc.codegen.internal;

import java.util.Map;

/** Defines classes from their bytes, by binary name. */
public final class InMemoryClassLoader extends ClassLoader {
  private final Map<String, byte[]> classes;

  /**
   * @param classes class file bytes by binary name
   * @param parent the loader of the DSL, which the classes compile against
   */
  public InMemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    super("cfc-definitions", parent);
    this.classes = Map.copyOf(classes);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}

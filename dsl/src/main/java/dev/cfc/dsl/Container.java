package dev.cfc.dsl;

import java.util.Objects;

/** Entry point of the DSL: {@code Container.define("transcoder")…build()}. */
public final class Container {

  private Container() {}

  /**
   * Starts a container definition. The name ({@code ^[a-z][a-zA-Z0-9]*$}) becomes the class
   * {@code <Name>Container}, the binding {@code CONTAINER_<NAME>} and the wrangler container
   * name {@code <worker>-<name>}.
   */
  public static ContainerBuilder define(String name) {
    return new ContainerBuilder(Objects.requireNonNull(name, "name"), SourceLocation.ofCaller());
  }
}

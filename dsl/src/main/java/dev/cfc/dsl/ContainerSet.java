package dev.cfc.dsl;

import java.util.List;

/**
 * A group of container declarations. cfc loads every public implementation with a public no-arg
 * constructor from the project's sources (the CLI) or compiled classes (the Maven plugin) and
 * compiles the definitions of all of them together.
 */
public interface ContainerSet {

  /** The containers this set declares, in the order their entries are written. */
  List<ContainerDefinition> containers();
}

package dev.cfc.dsl;

import java.util.Objects;

/**
 * A class of the team's own TypeScript that the generated Container class extends, set with
 * {@link ContainerBuilder#extendsClass(String, String)}: the generated class is declared as
 * {@code export class TranscoderContainer extends TranscoderHooks}, imports it from
 * {@code module} and calls its lifecycle hooks.
 *
 * @param module the TypeScript module, relative to the project directory (where {@code cfc.toml}
 *     is), for example {@code src/containers/transcoder-hooks.ts}
 * @param exportName the class the module exports by that name, for example
 *     {@code TranscoderHooks}
 */
public record BaseClass(String module, String exportName) {

  public BaseClass {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(exportName, "exportName");
  }
}

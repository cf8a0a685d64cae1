package dev.cfc.codegen.internal.validate;

import dev.cfc.codegen.internal.wrangler.ConfigFacts;

/** How a hint shows a snippet of the wrangler config: in TOML or in JSON, as the file is. */
final class ConfigSyntax {

  private ConfigSyntax() {}

  static boolean isJson(ConfigFacts config) {
    return config.source().isJson();
  }

  /** A top-level key and string value as the config's own syntax writes it. */
  static String keyValue(ConfigFacts config, String key, String value) {
    return isJson(config) ? "\"" + key + "\": \"" + value + "\"" : key + " = \"" + value + "\"";
  }
}

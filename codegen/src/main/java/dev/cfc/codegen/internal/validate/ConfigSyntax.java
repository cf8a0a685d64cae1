package dev.cfc.codegen.internal.validate;

/** How a hint shows a snippet of the wrangler config: in TOML or in JSON, as the file is. */
final class ConfigSyntax {

  private ConfigSyntax() {}

  static boolean isJson(ConfigContext config) {
    String file = config.configFile();
    return file.endsWith(".json") || file.endsWith(".jsonc");
  }

  /** A top-level key and string value as the config's own syntax writes it. */
  static String keyValue(ConfigContext config, String key, String value) {
    return isJson(config) ? "\"" + key + "\": \"" + value + "\"" : key + " = \"" + value + "\"";
  }
}

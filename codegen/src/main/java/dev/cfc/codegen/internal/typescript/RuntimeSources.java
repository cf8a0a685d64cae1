package dev.cfc.codegen.internal.typescript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TypeScript runtime the generated classes extend, read from the
 * {@code cfc-runtime-js-templates} jar: {@code dev/cfc/runtime/files.txt} names the files, each
 * a resource beside it whose first line carries the {@code @CFC_VERSION@} token.
 */
final class RuntimeSources {

  static final String ROOT = "dev/cfc/runtime/";
  static final String VERSION_TOKEN = "@CFC_VERSION@";

  private RuntimeSources() {}

  /**
   * The runtime files in {@code files.txt} order, file name → content with the version token of
   * the first line replaced by {@code version} and nothing else changed.
   *
   * @throws IllegalStateException when the runtime jar is not on the class path or a file lacks
   *     the token
   */
  static Map<String, String> load(String version) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String line : resource("files.txt").split("\n")) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      files.put(name, stamp(name, resource(name), version));
    }
    if (files.isEmpty()) {
      throw new IllegalStateException(ROOT + "files.txt lists no runtime files");
    }
    return files;
  }

  /** The runtime file names, in {@code files.txt} order. */
  static java.util.List<String> names() {
    return resource("files.txt")
        .lines()
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  private static String stamp(String name, String text, String version) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    if (!first.contains(VERSION_TOKEN)) {
      throw new IllegalStateException(
          "the first line of runtime file " + name + " has no " + VERSION_TOKEN + " token");
    }
    return first.replace(VERSION_TOKEN, version) + (end < 0 ? "" : text.substring(end));
  }

  private static String resource(String name) {
    try (InputStream in = RuntimeSources.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("runtime file " + ROOT + name
            + " is not on the class path (is dev.cfc:cfc-runtime-js-templates a dependency?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

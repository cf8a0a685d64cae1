package dev.cfc.benchmarks;

import java.util.Locale;

/**
 * Large hand-written wrangler configs: comments, variables, KV namespaces and D1 databases at the
 * top level and in each environment, about {@code padding} lines of them on top of name, main,
 * compatibility_date and the environment blocks. None of it belongs to cfc.
 */
abstract class LargeConfigs {

  static LargeConfigs of(String format) {
    return switch (format) {
      case "toml" -> new Toml();
      case "jsonc" -> new Jsonc();
      default -> throw new IllegalArgumentException("format must be toml or jsonc: " + format);
    };
  }

  abstract String fileName();

  /** The config with roughly {@code padding} lines of hand-written content. */
  String text(int padding) {
    // 30 % top-level vars, 30 % top-level KV, 40 % split over the environments.
    int vars = padding * 3 / 10;
    int kv = padding * 3 / 10;
    int perEnv = (padding - vars - kv) / Workloads.ENVIRONMENTS.size();
    return render(vars, kv, perEnv);
  }

  abstract String render(int varLines, int kvLines, int envLines);

  static String id(int seed) {
    return String.format(Locale.ROOT, "%032x", (long) seed * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
  }

  private static final class Toml extends LargeConfigs {
    @Override
    String fileName() {
      return "wrangler.toml";
    }

    @Override
    String render(int varLines, int kvLines, int envLines) {
      StringBuilder t = new StringBuilder()
          .append("# A large, hand-maintained Worker config. cfc edits only its own entries.\n")
          .append("name = \"bench\"\n")
          .append("main = \"src/index.ts\"\n")
          .append("compatibility_date = \"")
          .append(Workloads.COMPATIBILITY_DATE)
          .append("\"\n\n")
          .append("# Plain variables, one per line.\n")
          .append("[vars]\n");
      for (int i = 0; i < varLines - 3; i++) {
        if (i % 10 == 0) {
          t.append("# group ").append(i / 10).append('\n');
        } else {
          t.append("VAR_").append(i).append(" = \"value ").append(i).append("\" # set by hand\n");
        }
      }
      for (int i = 0; i < kvLines / 4; i++) {
        t.append("\n[[kv_namespaces]]\n")
            .append("binding = \"KV_")
            .append(i)
            .append("\"\n")
            .append("id = \"")
            .append(id(i))
            .append("\"\n");
      }
      for (String env : Workloads.ENVIRONMENTS) {
        t.append("\n# The ")
            .append(env)
            .append(" environment.\n")
            .append("[env.")
            .append(env)
            .append("]\n")
            .append("name = \"bench-")
            .append(env)
            .append("\"\n");
        int kvs = envLines / 2 / 4;
        for (int i = 0; i < kvs; i++) {
          t.append("\n[[env.")
              .append(env)
              .append(".kv_namespaces]]\n")
              .append("binding = \"KV_")
              .append(i)
              .append("\"\n")
              .append("id = \"")
              .append(id(i + 100_000))
              .append("\"\n");
        }
        t.append("\n[env.").append(env).append(".vars]\n");
        for (int i = 0; i < envLines - kvs * 4 - 5; i++) {
          t.append("VAR_")
              .append(i)
              .append(" = '")
              .append(env)
              .append(' ')
              .append(i)
              .append("'\n");
        }
      }
      return t.toString();
    }
  }

  private static final class Jsonc extends LargeConfigs {
    @Override
    String fileName() {
      return "wrangler.jsonc";
    }

    @Override
    String render(int varLines, int kvLines, int envLines) {
      StringBuilder t = new StringBuilder()
          .append("// A large, hand-maintained Worker config. cfc edits only its own entries.\n")
          .append("{\n")
          .append("  \"name\": \"bench\",\n")
          .append("  \"main\": \"src/index.ts\",\n")
          .append("  \"compatibility_date\": \"")
          .append(Workloads.COMPATIBILITY_DATE)
          .append("\",\n")
          .append("  /* Plain variables, one per line. */\n")
          .append("  \"vars\": {\n");
      for (int i = 0; i < varLines - 4; i++) {
        if (i % 10 == 0) {
          t.append("    // group ").append(i / 10).append('\n');
        } else {
          t.append("    \"VAR_")
              .append(i)
              .append("\": \"value ")
              .append(i)
              .append("\", // set by hand\n");
        }
      }
      t.append("  },\n  \"kv_namespaces\": [\n");
      for (int i = 0; i < kvLines / 4; i++) {
        t.append("    {\n")
            .append("      \"binding\": \"KV_")
            .append(i)
            .append("\",\n")
            .append("      \"id\": \"")
            .append(id(i))
            .append("\"\n")
            .append("    },\n");
      }
      t.append("  ],\n  \"env\": {\n");
      for (String env : Workloads.ENVIRONMENTS) {
        t.append("    // The ")
            .append(env)
            .append(" environment.\n")
            .append("    \"")
            .append(env)
            .append("\": {\n")
            .append("      \"name\": \"bench-")
            .append(env)
            .append("\",\n")
            .append("      \"kv_namespaces\": [\n");
        int kvs = envLines / 2 / 4;
        for (int i = 0; i < kvs; i++) {
          t.append("        {\n")
              .append("          \"binding\": \"KV_")
              .append(i)
              .append("\",\n")
              .append("          \"id\": \"")
              .append(id(i + 100_000))
              .append("\"\n")
              .append("        },\n");
        }
        t.append("      ],\n      \"vars\": {\n");
        for (int i = 0; i < envLines - kvs * 4 - 8; i++) {
          t.append("        \"VAR_")
              .append(i)
              .append("\": \"")
              .append(env)
              .append(' ')
              .append(i)
              .append("\",\n");
        }
        t.append("      },\n    },\n");
      }
      t.append("  },\n}\n");
      return t.toString();
    }
  }
}

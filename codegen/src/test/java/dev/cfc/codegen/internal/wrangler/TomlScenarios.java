package dev.cfc.codegen.internal.wrangler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random {@code wrangler.toml} configs for {@link ReconcilePropertyTest}: comments, spacing,
 * quoting, key order, unrelated tables and keys, inline arrays, environments, hand-written
 * entries and managed entries that are stale, and an entry with foreign class and binding names
 * and keys cfc has no call for that a definition adopts, against random desired states.
 */
final class TomlScenarios {

  private static final List<String> POOL = List.of("alpha", "beta", "gamma", "delta", "epsilon");

  private TomlScenarios() {}

  static Arbitrary<ReconcileScenario> scenarios() {
    return Arbitraries.randomValue(r -> new Generator(r).scenario());
  }

  /** Builds one scenario from a random source. */
  private static final class Generator {
    private final Random r;
    private final String sep;
    private final boolean single;
    private int counter;

    Generator(Random r) {
      this.r = r;
      this.sep = pick(" = ", "=", "  =  ", " =\t");
      this.single = r.nextInt(3) == 0;
    }

    ReconcileScenario scenario() {
      List<String> envs = new ArrayList<>();
      for (String env : List.of("staging", "production")) {
        if (r.nextInt(3) == 0) {
          envs.add(env);
        }
      }
      List<String> existing = subset(POOL);
      List<String> wanted = subset(POOL);
      Collections.shuffle(wanted, r);
      Set<String> removed = new LinkedHashSet<>();
      for (String e : existing) {
        if (!wanted.contains(e)) {
          removed.add(GoldenCase.className(e));
        }
      }
      boolean allowDestroy = r.nextBoolean();
      List<DesiredContainer> defs = new ArrayList<>();
      for (String w : wanted) {
        Map<String, LinkedHashMap<String, Object>> byScope = new LinkedHashMap<>();
        byScope.put("", desiredFields(w, ""));
        for (String env : envs) {
          byScope.put(env, desiredFields(w, env));
        }
        defs.add(Fixtures.container(w, byScope));
      }
      // A hand-written entry with the user's names and keys cfc has no call for, adopted and
      // edited; only where the top-level containers are [[containers]] tables (inline tables
      // cannot hold the comments around those keys).
      boolean foreign = r.nextBoolean();
      LinkedHashMap<String, Object> foreignTop = null;
      if (foreign) {
        Map<String, LinkedHashMap<String, Object>> byScope = new LinkedHashMap<>();
        foreignTop = foreignFields("");
        byScope.put("", foreignTop);
        for (String env : envs) {
          byScope.put(env, foreignFields(env));
        }
        defs.add(r.nextInt(defs.size() + 1), Fixtures.foreign(byScope));
      }
      DesiredState desired = new DesiredState(defs, envs, allowDestroy, false);

      List<String> unmanaged = new ArrayList<>();
      StringBuilder top = new StringBuilder();
      List<String> topLines = new ArrayList<>(List.of(
          "name" + sep + str("media") + comment() + "\n",
          "main" + sep + str("src/index.ts") + "\n",
          "compatibility_date" + sep + (r.nextBoolean() ? "2025-11-20" : str("2025-11-20")) + "\n",
          "x_list" + sep + "[\n  \"a\", # inside an array\n  'b',\n]\n",
          "x_text" + sep + "\"\"\"\n[[containers]]\nclass_name = \"AlphaContainer\"\n\"\"\"\n",
          "x_num" + sep + r.nextInt(100) + "\n"));
      Collections.shuffle(topLines, r);
      for (String line : topLines.subList(0, 1 + r.nextInt(topLines.size()))) {
        String c = commentLines();
        top.append(c).append(line);
        unmanaged.add(c);
        unmanaged.add(line);
      }

      // Table blocks: [text, managed?]
      List<String[]> blocks = new ArrayList<>();
      blocks.add(new String[] {
        "[vars]\nLOG" + sep + str("info") + comment() + "\nX" + sep + str("y") + "\n", "u"
      });
      blocks.add(new String[] {
        "[[kv_namespaces]]\nbinding" + sep + str("CACHE") + "\nid" + sep + str("abc") + "\n", "u"
      });
      // Some arrays are written inline (`containers = [ { ... }, ... ]`): their elements, hand
      // written ones first, are collected here and written as one key line.
      Map<String, List<String[]>> inline = new LinkedHashMap<>();
      for (ArrayKind kind : List.of(ArrayKind.CONTAINERS, ArrayKind.BINDINGS)) {
        if (r.nextInt(3) == 0) {
          inline.put(":" + kind.name(), new ArrayList<>());
        }
      }
      LinkedHashMap<String, Object> hand = new LinkedHashMap<>();
      hand.put("name", "HAND");
      hand.put("class_name", "HandObject");
      LinkedHashMap<String, Object> manual = new LinkedHashMap<>();
      manual.put("class_name", "ManualContainer");
      manual.put("image", "./manual");
      if (foreign && inline.containsKey(":" + ArrayKind.CONTAINERS.name())) {
        inline.remove(":" + ArrayKind.CONTAINERS.name());
      }
      List<String> foreignChunks = new ArrayList<>();
      if (foreign) {
        blocks.add(new String[] {foreignEntry(foreignChunks), "f"});
        LinkedHashMap<String, Object> b = new LinkedHashMap<>();
        b.put("name", Fixtures.FOREIGN_BINDING);
        b.put("class_name", Fixtures.FOREIGN_CLASS);
        if (inline.containsKey(":" + ArrayKind.BINDINGS.name())) {
          inline.get(":" + ArrayKind.BINDINGS.name()).add(new String[] {value(b), "m"});
        } else {
          blocks.add(new String[] {entry(ArrayKind.BINDINGS.pathIn(""), b), "m"});
        }
      }
      for (String[] handWritten : List.of(
          new String[] {
            "",
            "BINDINGS",
            "[[durable_objects.bindings]]\nname" + sep + str("HAND") + "\nclass_name" + sep
                + str("HandObject") + "\n"
          },
          new String[] {
            "",
            "CONTAINERS",
            "[[containers]]\nclass_name" + sep + str("ManualContainer") + "\nimage" + sep
                + str("./manual") + comment() + "\n"
          })) {
        if (inline.containsKey(":" + handWritten[1])) {
          inline.get(":" + handWritten[1]).add(new String[] {
            value(handWritten[1].equals("BINDINGS") ? hand : manual), "u"
          });
        } else {
          blocks.add(new String[] {handWritten[2], "u"});
        }
      }
      List<String> fileScopes = new ArrayList<>();
      fileScopes.add("");
      List<String> envHeaders = new ArrayList<>();
      List<StringBuilder> envBodies = new ArrayList<>();
      List<List<String>> envChunks = new ArrayList<>();
      for (String env : List.of("staging", "production", "preview")) {
        if (envs.contains(env) ? r.nextBoolean() : r.nextInt(3) == 0) {
          String header = "[env." + env + "]\nname" + sep + str("media-" + env) + "\n";
          if (envs.contains(env)) {
            fileScopes.add(env);
            envBodies.add(new StringBuilder(header));
            envChunks.add(new ArrayList<>(List.of(header)));
          } else {
            envHeaders.add(header);
          }
        }
      }
      for (String scope : fileScopes) {
        for (ArrayKind kind : List.of(ArrayKind.CONTAINERS, ArrayKind.BINDINGS)) {
          if (!scope.isEmpty() && r.nextInt(3) == 0) {
            inline.put(scope + ":" + kind.name(), new ArrayList<>());
          }
        }
        for (String e : existing) {
          String cls = GoldenCase.className(e);
          if (r.nextInt(5) > 0) {
            LinkedHashMap<String, Object> c = staleFields(e, scope, wanted.contains(e));
            List<String[]> array = inline.get(scope + ":" + ArrayKind.CONTAINERS.name());
            if (array != null) {
              array.add(new String[] {value(c), "m"});
            } else {
              blocks.add(new String[] {entry(ArrayKind.CONTAINERS.pathIn(scope), c), "m"});
            }
          }
          if (r.nextInt(5) > 0) {
            LinkedHashMap<String, Object> b = new LinkedHashMap<>();
            b.put("name", GoldenCase.bindingName(e));
            b.put("class_name", cls);
            if (r.nextInt(4) == 0) {
              b.put("script_name", "other");
            }
            List<String[]> array = inline.get(scope + ":" + ArrayKind.BINDINGS.name());
            if (array != null) {
              array.add(new String[] {value(b), "m"});
            } else {
              blocks.add(new String[] {entry(ArrayKind.BINDINGS.pathIn(scope), b), "m"});
            }
          }
        }
      }
      for (Map.Entry<String, List<String[]>> array : inline.entrySet()) {
        String scope = array.getKey().substring(0, array.getKey().indexOf(':'));
        ArrayKind kind = ArrayKind.valueOf(array.getKey().substring(scope.length() + 1));
        List<String> chunks = new ArrayList<>();
        String text = inlineArray(kind, array.getValue(), chunks);
        if (scope.isEmpty()) {
          top.append(text);
          unmanaged.addAll(chunks);
        } else {
          int header = fileScopes.indexOf(scope) - 1;
          envBodies.get(header).append(text);
          envChunks.get(header).addAll(chunks);
        }
      }
      Collections.shuffle(blocks, r);
      // Migrations keep their relative order; each lands somewhere among the other blocks.
      List<String> classes = new ArrayList<>();
      classes.add("HandObject");
      if (foreign) {
        classes.add(Fixtures.FOREIGN_CLASS);
      }
      existing.forEach(e -> classes.add(GoldenCase.className(e)));
      Collections.shuffle(classes, r);
      Set<String> tags = new LinkedHashSet<>();
      int pos = 0;
      int i = 0;
      while (i < classes.size()) {
        int n = 1 + r.nextInt(classes.size() - i);
        List<String> created = classes.subList(i, i + n);
        i += n;
        String tag;
        do {
          tag = r.nextBoolean() ? "v" + (1 + r.nextInt(6)) : "release-" + r.nextInt(50);
        } while (!tags.add(tag));
        StringBuilder m = new StringBuilder("[[migrations]]\ntag" + sep + str(tag) + comment()
            + "\nnew_sqlite_classes" + sep + "[");
        for (int k = 0; k < created.size(); k++) {
          m.append(k > 0 ? ", " : "").append(str(created.get(k)));
        }
        m.append("]\n");
        pos = pos + r.nextInt(blocks.size() - pos + 1);
        blocks.add(pos, new String[] {m.toString(), "u"});
        pos++;
      }
      for (int k = envHeaders.size() - 1; k >= 0; k--) {
        blocks.add(0, new String[] {envHeaders.get(k), "u"});
      }
      for (int k = envBodies.size() - 1; k >= 0; k--) {
        blocks.add(0, new String[] {envBodies.get(k).toString(), "e" + k});
      }

      StringBuilder text = new StringBuilder(top);
      for (String[] block : blocks) {
        String c = (r.nextBoolean() ? "\n" : "") + commentLines();
        text.append(c);
        unmanaged.add(c);
        String body = block[0];
        text.append(body);
        if (block[1].equals("u")) {
          unmanaged.add(body);
        } else if (block[1].equals("f")) {
          unmanaged.addAll(foreignChunks);
        } else if (block[1].startsWith("e")) {
          unmanaged.addAll(envChunks.get(Integer.parseInt(block[1].substring(1))));
        }
        if (r.nextBoolean()) {
          text.append("\n");
        }
      }
      if (r.nextInt(4) == 0) {
        String c = "# the end\n";
        text.append(c);
        unmanaged.add(c);
      }
      Set<String> prev = new LinkedHashSet<>();
      existing.forEach(e -> prev.add(GoldenCase.className(e)));
      // A removed entry takes one blank line before it; blank lines are layout, not content.
      unmanaged.replaceAll(String::stripLeading);
      unmanaged.removeIf(String::isBlank);
      return new ReconcileScenario(
          "wrangler.toml", text.toString(), desired, prev, unmanaged, removed);
    }

    private LinkedHashMap<String, Object> desiredFields(String def, String scope) {
      LinkedHashMap<String, Object> f = new LinkedHashMap<>();
      f.put("name", "media-" + def + (scope.isEmpty() ? "" : "-" + scope));
      f.put(
          "image",
          pick(
              "./Dockerfile",
              "./" + def + "/Dockerfile",
              "registry.cloudflare.com/acme/" + def + ":1." + r.nextInt(3)));
      if (r.nextBoolean()) {
        LinkedHashMap<String, Object> vars = new LinkedHashMap<>();
        vars.put("NODE_VERSION", String.valueOf(20 + r.nextInt(3)));
        f.put("image_vars", vars);
      }
      if (r.nextBoolean()) {
        if (r.nextBoolean()) {
          f.put("instance_type", pick("lite", "basic", "standard-1"));
        } else {
          LinkedHashMap<String, Object> it = new LinkedHashMap<>();
          it.put("vcpu", 1L + r.nextInt(2));
          it.put("memory_mib", 4096L * (1 + r.nextInt(2)));
          it.put("disk_mb", 8000L);
          f.put("instance_type", it);
        }
      }
      if (r.nextBoolean()) {
        f.put("max_instances", 1L + r.nextInt(3));
      }
      if (r.nextInt(3) == 0) {
        f.put("rollout_step_percentage", 10L * (1 + r.nextInt(2)));
      }
      return f;
    }

    /** What the adopting definition asks for: always another max_instances than the file's. */
    private LinkedHashMap<String, Object> foreignFields(String scope) {
      LinkedHashMap<String, Object> f = new LinkedHashMap<>();
      f.put("name", "media-sandbox" + (scope.isEmpty() ? "" : "-" + scope));
      f.put("image", pick("./sandbox/Dockerfile", "registry.cloudflare.com/acme/sandbox:2.0"));
      f.put("max_instances", 4L + r.nextInt(3));
      return f;
    }

    /**
     * The hand-written entry {@link Fixtures#foreign} adopts, its keys in random order: the ones
     * the definition sets, and ones it has no call for with comments inside and around them,
     * which {@code chunks} receives in order as text that must survive.
     */
    private String foreignEntry(List<String> chunks) {
      String header = "[[containers]]\n";
      chunks.add(header);
      List<String[]> lines = new ArrayList<>();
      lines.add(new String[] {"class_name" + sep + str(Fixtures.FOREIGN_CLASS) + "\n", "m"});
      lines.add(new String[] {"image" + sep + str("./sandbox/Dockerfile") + "\n", "m"});
      lines.add(new String[] {"max_instances" + sep + "3\n", "m"});
      lines.add(new String[] {
        "# placement is ours, keep " + (counter++) + "\nscheduling_policy" + sep + str("regional")
            + "   # keep " + (counter++) + "\n",
        "u"
      });
      lines.add(new String[] {
        "authorized_keys" + sep + "[\n  # who may ssh in " + (counter++) + "\n  { public_key = "
            + str("ssh-ed25519 AAAAC3Nza sandbox") + " }, # ops\n]\n",
        "u"
      });
      lines.add(new String[] {
        "constraints" + sep + "{ regions = [" + str("WEUR") + "], cities = [" + str("ams")
            + "] }\n",
        "u"
      });
      lines.add(new String[] {"x_future" + sep + "{ mode = " + str("fast") + " }\n", "u"});
      Collections.shuffle(lines, r);
      StringBuilder out = new StringBuilder(header);
      for (String[] line : lines) {
        out.append(line[0]);
        if (line[1].equals("u")) {
          chunks.add(line[0]);
        }
      }
      return out.toString();
    }

    /** Fields as a previous run (or a hand edit since) may have left them. */
    private LinkedHashMap<String, Object> staleFields(
        String def, String scope, boolean stillWanted) {
      LinkedHashMap<String, Object> f = desiredFields(def, scope);
      f.put("class_name", GoldenCase.className(def));
      if (r.nextInt(3) == 0) {
        f.put("rollout_active_grace_period", 30L);
      }
      List<String> keys = new ArrayList<>(f.keySet());
      Collections.shuffle(keys, r);
      LinkedHashMap<String, Object> shuffled = new LinkedHashMap<>();
      keys.forEach(k -> shuffled.put(k, f.get(k)));
      return shuffled;
    }

    private String entry(List<String> path, Map<String, Object> fields) {
      String indent = r.nextInt(3) == 0 ? "  " : "";
      StringBuilder out = new StringBuilder(
          "[[" + String.join(".", path) + "]]" + (r.nextInt(4) == 0 ? " # entry" : "") + "\n");
      fields.forEach((k, v) -> out.append(indent)
          .append(k)
          .append(sep)
          .append(value(v))
          .append(r.nextInt(5) == 0 ? " # note" : "")
          .append("\n"));
      return out.toString();
    }

    /**
     * An array written as one key line, its elements on lines of their own (with or without a
     * trailing comma and comments) or, when none is managed, possibly all on one line.
     * {@code chunks} receives the text cfc must keep: the key and the hand-written elements.
     */
    private String inlineArray(ArrayKind kind, List<String[]> elements, List<String> chunks) {
      String key =
          (kind == ArrayKind.CONTAINERS ? "containers" : "durable_objects.bindings") + sep + "[";
      chunks.add(key);
      boolean anyManaged = elements.stream().anyMatch(e -> e[1].equals("m"));
      StringBuilder out = new StringBuilder(key);
      if (!anyManaged && r.nextBoolean()) {
        for (int i = 0; i < elements.size(); i++) {
          out.append(i > 0 ? ", " : "").append(elements.get(i)[0]);
          chunks.add(elements.get(i)[0]);
        }
        return out.append("]\n").toString();
      }
      boolean trailingComma = r.nextBoolean();
      String indent = pick("  ", "    ", "\t");
      out.append("\n");
      for (int i = 0; i < elements.size(); i++) {
        out.append(indent).append(elements.get(i)[0]);
        if (elements.get(i)[1].equals("u")) {
          chunks.add(elements.get(i)[0]);
        }
        out.append(i < elements.size() - 1 || trailingComma ? "," : "")
            .append(r.nextInt(4) == 0 ? " # note" : "")
            .append("\n");
      }
      return out.append("]\n").toString();
    }

    private String value(Object v) {
      if (v instanceof String s) {
        return str(s);
      }
      if (v instanceof Map<?, ?> m) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.append(first ? " " : ", ")
              .append(e.getKey())
              .append(" = ")
              .append(value(e.getValue()));
          first = false;
        }
        return out.append(" }").toString();
      }
      return String.valueOf(v);
    }

    private String str(String s) {
      return single ^ r.nextInt(5) == 0 ? "'" + s + "'" : "\"" + s + "\"";
    }

    private String comment() {
      return r.nextInt(4) == 0 ? "   # c" + (counter++) : "";
    }

    private String commentLines() {
      StringBuilder out = new StringBuilder();
      int n = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
      for (int i = 0; i < n; i++) {
        out.append(r.nextBoolean() ? "" : "  ")
            .append("# comment ")
            .append(counter++)
            .append(r.nextBoolean() ? " [[containers]] \"x\"" : "")
            .append("\n");
      }
      return out.toString();
    }

    private List<String> subset(List<String> pool) {
      List<String> out = new ArrayList<>();
      for (String p : pool) {
        if (r.nextBoolean()) {
          out.add(p);
        }
      }
      return out;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
      return options[r.nextInt(options.length)];
    }
  }
}

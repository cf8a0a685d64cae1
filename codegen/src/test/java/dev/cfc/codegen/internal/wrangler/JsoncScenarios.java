package dev.cfc.codegen.internal.wrangler;

import dev.cfc.codegen.Diagnostic;
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
 * Random {@code wrangler.jsonc} and {@code wrangler.json} configs for
 * {@link ReconcilePropertyTest}: line and block comments in every gap, blank lines, indent
 * units, key separators, trailing commas or not, one-line and multi-line containers, shuffled
 * key order, unrelated keys and hand-written entries, stale managed entries, and an entry with
 * foreign class and binding names and keys cfc has no call for that a definition adopts.
 */
final class JsoncScenarios {

  private static final List<String> POOL = List.of("alpha", "beta", "gamma", "delta", "epsilon");

  private JsoncScenarios() {}

  static Arbitrary<ReconcileScenario> scenarios() {
    return Arbitraries.randomValue(r -> new Generator(r).scenario());
  }

  // ---- a tiny JSON model with random formatting ---------------------------------------------

  /** A value to write: {@code keep} marks text that must come out byte-identical. */
  private sealed interface J permits JObj, JArr, JRaw {}

  private record Member(String key, J value, boolean keep) {}

  private record JObj(List<Member> members, boolean managed) implements J {}

  private record JArr(List<J> elements, List<Boolean> keep) implements J {}

  private record JRaw(Object value) implements J {}

  /** Builds one scenario from a random source. */
  private static final class Generator {
    private final Random r;
    private final boolean json;
    private final String unit;
    private final String sep;
    private final boolean trailing;
    private final List<String> keep = new ArrayList<>();
    private int comments;

    Generator(Random r) {
      this.r = r;
      this.json = r.nextInt(5) == 0;
      this.unit = pick("  ", "    ", "\t", "   ");
      this.sep = pick(": ", ":", " : ", ":\t");
      this.trailing = !json && r.nextInt(3) == 0;
    }

    ReconcileScenario scenario() {
      List<String> envs = new ArrayList<>();
      for (String env : List.of("staging", "production")) {
        if (r.nextInt(3) == 0) {
          envs.add(env);
        }
      }
      List<String> pool = new ArrayList<>(POOL);
      Collections.shuffle(pool, r);
      List<String> previous = pool.subList(0, r.nextInt(3));
      List<String> wanted = new ArrayList<>();
      for (String d : POOL) {
        if (r.nextInt(2) == 0) {
          wanted.add(d);
        }
      }
      boolean allowDestroy = r.nextInt(3) > 0;
      Set<String> removed = new LinkedHashSet<>();
      for (String p : previous) {
        if (!wanted.contains(p)) {
          removed.add(GoldenCase.className(p));
        }
      }

      List<DesiredContainer> containers = new ArrayList<>();
      for (int i = 0; i < wanted.size(); i++) {
        String d = wanted.get(i);
        Map<String, ContainerEntry> scopes = new LinkedHashMap<>();
        LinkedHashMap<String, Object> top = fields(d, "");
        scopes.put("", new ContainerEntry(top));
        for (String env : envs) {
          // The same values as the top level, or others; the application name is always the
          // environment's own, as cfc derives it.
          LinkedHashMap<String, Object> same = new LinkedHashMap<>(top);
          same.put("name", "app-" + d + "-" + env);
          scopes.put(env, new ContainerEntry(r.nextBoolean() ? same : fields(d, env)));
        }
        containers.add(new DesiredContainer(
            d,
            GoldenCase.className(d),
            GoldenCase.bindingName(d),
            null,
            null,
            false,
            false,
            new Diagnostic.Location("cfc/App.java", 1 + i, 1),
            scopes));
      }
      // A hand-written entry with the user's names and keys cfc has no call for, adopted and
      // edited (another max_instances than the file's).
      boolean foreign = r.nextBoolean();
      if (foreign) {
        Map<String, LinkedHashMap<String, Object>> byScope = new LinkedHashMap<>();
        byScope.put("", foreignFields(""));
        for (String env : envs) {
          byScope.put(env, foreignFields(env));
        }
        containers.add(r.nextInt(containers.size() + 1), Fixtures.foreign(byScope));
      }
      DesiredState desired = new DesiredState(containers, envs, allowDestroy, false);

      List<String> allEnvs = new ArrayList<>(envs);
      if (r.nextInt(4) == 0) {
        allEnvs.add("preview");
      }
      List<Member> root = new ArrayList<>();
      root.add(new Member("name", new JRaw("app"), true));
      root.add(new Member("main", new JRaw("src/index.ts"), true));
      root.add(new Member("compatibility_date", new JRaw("2025-11-20"), true));
      if (r.nextBoolean()) {
        root.add(new Member(
            "vars",
            new JObj(
                List.of(
                    new Member("GREETING", new JRaw(weird()), true),
                    new Member("LEVEL", new JRaw((long) r.nextInt(5)), true)),
                false),
            true));
      }
      if (r.nextBoolean()) {
        root.add(new Member(
            "kv_namespaces",
            new JArr(
                List.of(new JObj(
                    List.of(
                        new Member("binding", new JRaw("CACHE"), true),
                        new Member("id", new JRaw("0f2a"), true)),
                    false)),
                List.of(true)),
            true));
      }
      if (r.nextBoolean()) {
        root.add(new Member(
            "routes",
            new JArr(
                List.of(new JRaw("a.example.com/*"), new JRaw("b.example.com/*")),
                List.of(true, true)),
            true));
      }
      scope(root, "", previous, true, foreign);
      if (!allEnvs.isEmpty() && (r.nextBoolean() || !previous.isEmpty())) {
        List<Member> envMembers = new ArrayList<>();
        for (String env : allEnvs) {
          if (!envs.contains(env) || r.nextInt(3) > 0) {
            List<Member> scope = new ArrayList<>();
            scope.add(new Member("name", new JRaw("app-" + env), true));
            scope(
                scope,
                env,
                envs.contains(env) || r.nextBoolean() ? previous : List.of(),
                false,
                false);
            envMembers.add(new Member(env, new JObj(shuffled(scope), false), false));
          }
        }
        root.add(new Member("env", new JObj(envMembers, false), false));
      }
      List<J> migrations = new ArrayList<>();
      List<String> created = new ArrayList<>();
      created.add("RateLimiter");
      if (foreign) {
        created.add(Fixtures.FOREIGN_CLASS);
      }
      previous.forEach(p -> created.add(GoldenCase.className(p)));
      int tag = 1;
      while (!created.isEmpty()) {
        int n = 1 + r.nextInt(created.size());
        List<J> names = new ArrayList<>();
        for (String c : created.subList(0, n)) {
          names.add(new JRaw(c));
        }
        created.subList(0, n).clear();
        migrations.add(new JObj(
            List.of(
                new Member("tag", new JRaw("v" + tag++), true),
                new Member("new_sqlite_classes", new JArr(names, null), true)),
            false));
      }
      root.add(new Member(
          "migrations", new JArr(migrations, Collections.nCopies(migrations.size(), true)), false));

      StringBuilder out = new StringBuilder();
      if (!json && r.nextInt(3) == 0) {
        out.append(comment(true, false)).append("\n");
      }
      out.append(write(new JObj(shuffled(root), false), "", true));
      out.append(r.nextBoolean() ? "\n" : "");
      return new ReconcileScenario(
          json ? "wrangler.json" : "wrangler.jsonc",
          out.toString(),
          desired,
          new LinkedHashSet<>(previous.stream().map(GoldenCase::className).toList()),
          keep,
          removed);
    }

    /** containers and durable_objects.bindings of one scope, with stale managed entries. */
    private void scope(
        List<Member> members, String scope, List<String> managed, boolean top, boolean foreign) {
      int shape = r.nextInt(4);
      if (shape == 0 && managed.isEmpty() && !foreign) {
        return;
      }
      List<J> containers = new ArrayList<>();
      List<Boolean> containersKeep = new ArrayList<>();
      List<J> bindings = new ArrayList<>();
      List<Boolean> bindingsKeep = new ArrayList<>();
      if (r.nextBoolean()) {
        bindings.add(new JObj(
            List.of(
                new Member("name", new JRaw("RATE_LIMITER"), true),
                new Member("class_name", new JRaw("RateLimiter"), true)),
            false));
        bindingsKeep.add(true);
      }
      for (String d : managed) {
        if (r.nextInt(5) == 0) {
          continue;
        }
        List<Member> entry = new ArrayList<>();
        entry.add(new Member("class_name", new JRaw(GoldenCase.className(d)), false));
        fields(d, scope).forEach((k, v) -> {
          if (r.nextInt(3) > 0) {
            entry.add(new Member(k, json(r.nextInt(4) == 0 ? stale(v) : v), false));
          }
        });
        if (r.nextInt(4) == 0) {
          entry.add(new Member("rollout_step_percentage", new JRaw(50L), false));
        }
        containers.add(new JObj(shuffled(entry), true));
        containersKeep.add(false);
        bindings.add(new JObj(
            List.of(
                new Member("name", new JRaw(GoldenCase.bindingName(d)), false),
                new Member("class_name", new JRaw(GoldenCase.className(d)), false)),
            true));
        bindingsKeep.add(false);
      }
      if (foreign) {
        int at = r.nextInt(containers.size() + 1);
        containers.add(at, foreignEntry());
        containersKeep.add(at, false);
        bindings.add(new JObj(
            List.of(
                new Member("name", new JRaw(Fixtures.FOREIGN_BINDING), false),
                new Member("class_name", new JRaw(Fixtures.FOREIGN_CLASS), false)),
            true));
        bindingsKeep.add(false);
      }
      if (!containers.isEmpty() || r.nextBoolean()) {
        members.add(new Member("containers", new JArr(containers, containersKeep), false));
      }
      if (!bindings.isEmpty() || r.nextBoolean()) {
        members.add(new Member(
            "durable_objects",
            new JObj(
                List.of(new Member("bindings", new JArr(bindings, bindingsKeep), false)), false),
            false));
      }
    }

    private LinkedHashMap<String, Object> fields(String d, String scope) {
      LinkedHashMap<String, Object> f = new LinkedHashMap<>();
      f.put("name", "app-" + d + (scope.isEmpty() ? "" : "-" + scope));
      f.put(
          "image",
          r.nextBoolean()
              ? "./" + d + "/Dockerfile"
              : "registry.cloudflare.com/acme/" + d + ":1." + r.nextInt(3));
      if (r.nextBoolean()) {
        f.put("max_instances", (long) (1 + r.nextInt(3)));
      }
      switch (r.nextInt(4)) {
        case 0 -> f.put("instance_type", pick("basic", "standard-1"));
        case 1 -> {
          LinkedHashMap<String, Object> t = new LinkedHashMap<>();
          t.put("vcpu", (long) (1 + r.nextInt(2)));
          t.put("memory_mib", 4096L);
          f.put("instance_type", t);
        }
        default -> {}
      }
      if (r.nextInt(4) == 0) {
        LinkedHashMap<String, Object> vars = new LinkedHashMap<>();
        vars.put("A", weird());
        f.put("image_vars", vars);
      }
      return f;
    }

    private LinkedHashMap<String, Object> foreignFields(String scope) {
      LinkedHashMap<String, Object> f = new LinkedHashMap<>();
      f.put("name", "app-sandbox" + (scope.isEmpty() ? "" : "-" + scope));
      f.put("image", pick("./sandbox/Dockerfile", "registry.cloudflare.com/acme/sandbox:2.0"));
      f.put("max_instances", (long) (4 + r.nextInt(3)));
      return f;
    }

    /**
     * The hand-written entry {@link Fixtures#foreign} adopts: the keys the definition sets, and
     * pinned ones it has no call for, which must survive with the comments in and around them.
     */
    private JObj foreignEntry() {
      List<Member> entry = new ArrayList<>();
      entry.add(new Member("class_name", new JRaw(Fixtures.FOREIGN_CLASS), false));
      entry.add(new Member("image", new JRaw("./sandbox/Dockerfile"), false));
      entry.add(new Member("max_instances", new JRaw(3L), false));
      entry.add(new Member("scheduling_policy", new JRaw("regional"), true));
      entry.add(new Member(
          "authorized_keys",
          new JArr(
              List.of(new JObj(
                  List.of(
                      new Member("public_key", new JRaw("ssh-ed25519 AAAAC3Nza sandbox"), true)),
                  false)),
              List.of(true)),
          true));
      entry.add(new Member(
          "constraints",
          new JObj(
              List.of(
                  new Member("regions", new JArr(List.of(new JRaw("WEUR")), null), true),
                  new Member("cities", new JArr(List.of(new JRaw("ams")), null), true)),
              false),
          true));
      entry.add(new Member(
          "x_future", new JObj(List.of(new Member("mode", new JRaw("fast"), true)), false), true));
      return new JObj(shuffled(entry), true);
    }

    private Object stale(Object v) {
      return v instanceof Long l ? l + 7 : v instanceof String s ? s + "-old" : "basic";
    }

    private J json(Object v) {
      if (v instanceof Map<?, ?> m) {
        List<Member> members = new ArrayList<>();
        m.forEach((k, val) -> members.add(new Member((String) k, json(val), false)));
        return new JObj(members, true);
      }
      return new JRaw(v);
    }

    // ---- writing ----------------------------------------------------------------------

    /** Writes a value whose first line is already indented at {@code indent}. */
    private String write(J node, String indent, boolean keepContext) {
      if (node instanceof JRaw raw) {
        return JsoncStyle.literal(raw.value());
      }
      boolean isObject = node instanceof JObj;
      int n =
          isObject ? ((JObj) node).members().size() : ((JArr) node).elements().size();
      boolean managedInside = node instanceof JObj jo && jo.managed() || !keepContext;
      String open = isObject ? "{" : "[";
      String close = isObject ? "}" : "]";
      if (n == 0) {
        return open + pick("", " ", "\n" + indent) + close;
      }
      boolean oneLine = r.nextInt(5) == 0 || (node instanceof JArr a && a.keep() == null);
      boolean trail = trailing && r.nextInt(4) > 0;
      String inner = indent + unit;
      StringBuilder out = new StringBuilder(open);
      if (oneLine) {
        out.append(pick("", " "));
      } else {
        if (!json && r.nextInt(6) == 0) {
          out.append(' ').append(comment(!managedInside, false));
        }
        out.append('\n');
      }
      for (int i = 0; i < n; i++) {
        boolean last = i == n - 1;
        boolean itemKeep;
        J value;
        String prefix;
        boolean childContext;
        boolean pinned = false;
        if (node instanceof JObj o) {
          Member m = o.members().get(i);
          // a key cfc does not own in an entry it manages: it survives with its comments
          pinned = m.keep() && o.managed() && keepContext;
          itemKeep = m.keep() && keepContext;
          value = m.value();
          prefix = JsoncStyle.literal(m.key()) + sep;
          childContext = keepContext && (!o.managed() || pinned);
        } else {
          JArr a = (JArr) node;
          value = a.elements().get(i);
          itemKeep = a.keep() != null && a.keep().get(i) && keepContext;
          prefix = "";
          // an entry cfc manages keeps the context: only its pinned keys are kept in it
          childContext = keepContext;
        }
        boolean itemManaged = !pinned && (managedInside || !itemKeep);
        if (oneLine) {
          if (i > 0) {
            out.append(", ");
          }
          if (!json && r.nextInt(8) == 0) {
            out.append(comment(!managedInside, true)).append(' ');
          }
        } else {
          if (r.nextInt(6) == 0) {
            out.append('\n');
          }
          if (!json && r.nextInt(4) == 0) {
            out.append(inner).append(comment(!managedInside, r.nextBoolean())).append('\n');
          }
          out.append(inner);
          if (!json && r.nextInt(10) == 0) {
            out.append(comment(!itemManaged, true)).append(' ');
          }
        }
        int mark = keep.size();
        String item = prefix + write(value, inner, childContext);
        if (itemKeep && !item.contains("/*") && !item.contains("//")) {
          keep.subList(mark, keep.size()).clear();
          keep.add(item);
        }
        out.append(item);
        if (oneLine) {
          continue;
        }
        out.append(last && !trail ? "" : ",");
        if (!json && r.nextInt(4) == 0) {
          out.append(' ').append(comment(!itemManaged, r.nextBoolean()));
        }
        out.append('\n');
      }
      if (oneLine) {
        return out.append(trail ? "," : "").append(pick("", " ")).append(close).toString();
      }
      if (!json && r.nextInt(5) == 0) {
        out.append(inner).append(comment(!managedInside, false)).append('\n');
      }
      return out.append(indent).append(close).toString();
    }

    /** A unique comment; ones that must survive are recorded in order. */
    private String comment(boolean mustSurvive, boolean block) {
      String body = (mustSurvive ? "keep-" : "may-") + (comments++) + " }],\"";
      String text = block ? "/* " + body + " */" : "// " + body;
      if (mustSurvive) {
        keep.add(text);
      }
      return text;
    }

    private String weird() {
      return pick(
          "plain",
          "quote \" and \\ back",
          "tab\tnew\nline",
          "unicode é ✓",
          "// not a comment",
          "/* nor this */",
          "}, ]");
    }

    private <T> List<T> shuffled(List<T> list) {
      List<T> copy = new ArrayList<>(list);
      Collections.shuffle(copy, r);
      return copy;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
      return options[r.nextInt(options.length)];
    }
  }
}

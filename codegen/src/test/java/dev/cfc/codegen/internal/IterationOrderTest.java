package dev.cfc.codegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.DefinitionLoader;
import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.ContainerDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definitions come out the same in every JVM: {@code Set.of} and {@code Map.of} iterate in the
 * order they were written, and hash-ordered collections are reported where they are made.
 */
class IterationOrderTest {

  @TempDir
  Path project;

  @Test
  void setOfAndMapOfIterateInTheOrderTheyWereWrittenIn() throws IOException {
    DefinitionLoader.Loaded loaded = load("""
        package app;
        import dev.cfc.dsl.*;
        import java.util.*;
        public final class AppContainers implements ContainerSet {
          @Override public List<ContainerDefinition> containers() {
            return Set.of("zeta", "alpha", "mid", "beta", "omega", "gamma", "kappa", "delta")
                .stream()
                .map(name -> {
                  var builder = Container.define(name)
                      .image(Image.registry("registry.cloudflare.com/acme/" + name + ":1"))
                      .allowedHosts(Set.of("z.example.com", "a.example.com", "m.example.com",
                          "b.example.com", "y.example.com").toArray(String[]::new));
                  Map.of("zone", "1", "app", "2", "mode", "3", "bay", "4", "yard", "5")
                      .forEach(builder::label);
                  Map.ofEntries(Map.entry("Z_VAR", "1"), Map.entry("A_VAR", "2"))
                      .forEach(builder::env);
                  Set.copyOf(List.of("S_Z", "S_A", "S_Z")).forEach(builder::secrets);
                  return builder.build();
                })
                .toList();
          }
        }
        """);
    assertThat(loaded.diagnostics()).isEmpty();
    assertThat(loaded.definitions())
        .extracting(ContainerDefinition::name)
        .containsExactly("zeta", "alpha", "mid", "beta", "omega", "gamma", "kappa", "delta");
    ContainerDefinition first = loaded.definitions().get(0);
    assertThat(first.settings().allowedHosts())
        .containsExactly(
            "z.example.com", "a.example.com", "m.example.com", "b.example.com", "y.example.com");
    assertThat(first.settings().labels().keySet())
        .containsExactly("zone", "app", "mode", "bay", "yard");
    assertThat(first.settings().env().keySet()).containsExactly("Z_VAR", "A_VAR");
    assertThat(first.settings().secrets()).containsExactly("S_Z", "S_A");
  }

  @Test
  void theStableCollectionsRejectWhatTheJdksReject() throws IOException {
    DefinitionLoader.Loaded loaded = load("""
        package app;
        import dev.cfc.dsl.*;
        import java.util.*;
        public final class AppContainers implements ContainerSet {
          @Override public List<ContainerDefinition> containers() {
            List<String> rejected = new ArrayList<>();
            try { Set.of("x", "x"); } catch (IllegalArgumentException e) { rejected.add("dup"); }
            try { Map.of("k", "1", "k", "2"); } catch (IllegalArgumentException e) {
              rejected.add("key");
            }
            try { Set.of("x", null); } catch (NullPointerException e) { rejected.add("null"); }
            try { Set.of("x").add("y"); } catch (UnsupportedOperationException e) {
              rejected.add("add");
            }
            return List.of(Container.define("api")
                .image(Image.registry("registry.cloudflare.com/acme/api:1"))
                .env("REJECTED", String.join(",", rejected))
                .build());
          }
        }
        """);
    assertThat(loaded.definitions().get(0).settings().env())
        .containsEntry("REJECTED", "dup,key,null,add");
  }

  @Test
  void hashOrderedCollectionsAreReportedOnTheirLineUnlessSomethingOrdersThem() throws IOException {
    String source = """
        package app;
        import dev.cfc.dsl.*;
        import java.util.*;
        import java.util.stream.*;
        public final class AppContainers implements ContainerSet {
          @Override public List<ContainerDefinition> containers() {
            Set<String> hosts = new HashSet<>(List.of("b.example.com", "a.example.com")); // HASHSET
            var builder = Container.define("api")
                .image(Image.registry("registry.cloudflare.com/acme/api:1"))
                .allowedHosts(hosts.toArray(String[]::new))
                .env(new HashMap<>(Map.of("B", "1", "A", "2")))
                .labels(new HashMap<>(Map.of("b", "1")))
                .deniedHosts(Stream.of("x.example.com").collect(Collectors.toSet()))
                .secrets(new TreeSet<>(new HashSet<>(List.of("S2", "S1"))).descendingSet())
                .secretsStore(Stream.of("K").collect(Collectors.toMap(k -> k, k -> "B_" + k)));
            Stream.of("v").collect(Collectors.toSet()).stream().sorted().forEach(builder::secrets);
            Map<String, String> vars = Stream.of("V").collect(Collectors.toMap(v -> v, v -> v)); // TOMAP
            vars.forEach(builder::buildArg);
            return List.of(builder.build());
          }
        }
        """;
    DefinitionLoader.Loaded loaded = load(source);
    assertThat(loaded.definitions()).as(loaded.diagnostics().toString()).hasSize(1);
    // What the DSL sorted: a map or collection without an order of its own.
    ContainerDefinition api = loaded.definitions().get(0);
    assertThat(api.settings().env().keySet()).containsExactly("A", "B");
    assertThat(api.settings().secrets()).containsExactly("S2", "S1", "v");
    assertThat(api.settings().deniedHosts()).containsExactly("x.example.com");
    assertThat(loaded.diagnostics()).extracting(Diagnostic::code).containsOnly("CFC095");
    assertThat(loaded.diagnostics()).extracting(Diagnostic::isError).containsOnly(false);
    assertThat(loaded.diagnostics())
        .extracting(d -> d.location().render())
        .containsExactly(
            "cfc/app/AppContainers.java:" + lineOf(source, "HASHSET") + ":1",
            "cfc/app/AppContainers.java:" + lineOf(source, "TOMAP") + ":1");
    assertThat(loaded.diagnostics().get(0).message())
        .isEqualTo("new HashSet iterates in no fixed order, so what is built from it may differ"
            + " from one run to the next");
    assertThat(loaded.diagnostics().get(1).message()).startsWith("Collectors.toMap(…) ");
  }

  private DefinitionLoader.Loaded load(String source) throws IOException {
    Path file = project.resolve("cfc/app/AppContainers.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    return new DefinitionLoader(project, null).load(Path.of("cfc"));
  }

  private static int lineOf(String source, String marker) {
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i + 1;
      }
    }
    throw new AssertionError(marker);
  }
}

package dev.cfc.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A reusable outbound-traffic policy, applied with {@code .egress(policy)} on a container, a
 * {@link ContainerDefaults} profile or an environment override. It becomes the generated class's
 * {@code enableInternet}, {@code allowedHosts}, {@code deniedHosts} and {@code interceptHttps}
 * fields (deny overrides allow). Egress features need {@code compatibility_date} 2025-11-17 or
 * later and the Worker to export {@code ContainerProxy}, which cfc re-exports when needed.
 *
 * @param enableInternet whether unlisted hosts are reachable
 * @param allowedHosts host names or {@code *.suffix} patterns that are reachable
 * @param deniedHosts host names or {@code *.suffix} patterns that are never reachable
 * @param httpsIntercepted whether the lists apply to HTTPS too (the image must trust the
 *     Cloudflare CA)
 * @param where where the policy was started
 */
public record Egress(
    boolean enableInternet,
    List<String> allowedHosts,
    List<String> deniedHosts,
    boolean httpsIntercepted,
    SourceLocation where) {

  public Egress {
    allowedHosts = List.copyOf(allowedHosts);
    deniedHosts = List.copyOf(deniedHosts);
    Objects.requireNonNull(where, "where");
  }

  /** A policy that blocks the internet except for allowed hosts. */
  public static Egress denyInternet() {
    return new Egress(false, List.of(), List.of(), false, SourceLocation.ofCaller());
  }

  /** A policy that reaches the internet except for denied hosts. */
  public static Egress allowInternet() {
    return new Egress(true, List.of(), List.of(), false, SourceLocation.ofCaller());
  }

  /** Adds hosts ({@code api.github.com} or {@code *.stripe.com}) to the allow-list. */
  public Egress allow(String... hosts) {
    return new Egress(
        enableInternet, plus(allowedHosts, hosts), deniedHosts, httpsIntercepted, where);
  }

  /** Adds hosts to the deny-list, which beats the allow-list. */
  public Egress deny(String... hosts) {
    return new Egress(
        enableInternet, allowedHosts, plus(deniedHosts, hosts), httpsIntercepted, where);
  }

  /**
   * {@link #allow(String...)} from a collection: in its order for a {@link List},
   * {@link java.util.LinkedHashSet} or {@link java.util.SortedSet}, sorted for any other.
   */
  public Egress allow(Collection<String> hosts) {
    return allow(Collections2.inDefinedOrder(hosts, "hosts").toArray(String[]::new));
  }

  /** {@link #deny(String...)} from a collection, in the order {@link #allow(Collection)} gives. */
  public Egress deny(Collection<String> hosts) {
    return deny(Collections2.inDefinedOrder(hosts, "hosts").toArray(String[]::new));
  }

  /** Applies the lists to HTTPS connections as well ({@code interceptHttps = true}). */
  public Egress interceptHttps() {
    return new Egress(enableInternet, allowedHosts, deniedHosts, true, where);
  }

  private static List<String> plus(List<String> list, String... more) {
    List<String> out = new ArrayList<>(list);
    out.addAll(Arrays.asList(Objects.requireNonNull(more, "hosts")));
    out.forEach(h -> Objects.requireNonNull(h, "host"));
    return out;
  }
}

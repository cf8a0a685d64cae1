package dev.cfc.codegen;

/**
 * The largest custom instance type the Cloudflare account may run ({@code [account-limits]} in
 * {@code cfc.toml}). Cloudflare's published limits are the default; an account whose limits were
 * raised declares them, so that a custom type it runs in production is not refused.
 *
 * @param vcpu the most vCPU of one instance ({@code vcpu})
 * @param memoryMib the most memory of one instance, in MiB ({@code memory-mib})
 * @param diskMb the most disk of one instance, in MB ({@code disk-mb})
 */
public record AccountLimits(double vcpu, long memoryMib, long diskMb) {

  /** Cloudflare's published limits for custom instance types: 4 vCPU, 12 GiB, 20 GB. */
  public static final AccountLimits PUBLISHED = new AccountLimits(4, 12288, 20000);

  /** Whether these are the published limits, nothing raised. */
  public boolean published() {
    return equals(PUBLISHED);
  }
}

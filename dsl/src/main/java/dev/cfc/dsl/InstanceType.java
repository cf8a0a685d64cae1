package dev.cfc.dsl;

/**
 * The size of each container instance, written to wrangler's {@code instance_type}: a named type
 * as a string ({@code "lite"}, {@code "basic"}, {@code "standard-1"} … {@code "standard-4"}) or a
 * custom size as the table {@code { vcpu, memory_mib, disk_mb }}. When unset, the platform
 * deploys {@code lite}.
 *
 * @param name wrangler's name for a named type, or {@code "custom"}
 * @param vcpu virtual CPUs
 * @param memoryMib memory in MiB
 * @param diskMb disk in MB
 * @param custom whether this is a custom size
 */
public record InstanceType(String name, double vcpu, int memoryMib, int diskMb, boolean custom) {

  /** 1/16 vCPU, 256 MiB, 2 GB disk. */
  public static final InstanceType LITE = named("lite", 0.0625, 256, 2000);
  /** 1/4 vCPU, 1 GiB, 4 GB disk. */
  public static final InstanceType BASIC = named("basic", 0.25, 1024, 4000);
  /** 1/2 vCPU, 4 GiB, 8 GB disk. */
  public static final InstanceType STANDARD_1 = named("standard-1", 0.5, 4096, 8000);
  /** 1 vCPU, 6 GiB, 12 GB disk. */
  public static final InstanceType STANDARD_2 = named("standard-2", 1, 6144, 12000);
  /** 2 vCPU, 8 GiB, 16 GB disk. */
  public static final InstanceType STANDARD_3 = named("standard-3", 2, 8192, 16000);
  /** 4 vCPU, 12 GiB, 20 GB disk. */
  public static final InstanceType STANDARD_4 = named("standard-4", 4, 12288, 20000);

  private static InstanceType named(String name, double vcpu, int memoryMib, int diskMb) {
    return new InstanceType(name, vcpu, memoryMib, diskMb, false);
  }

  /**
   * A custom size, written as {@code instance_type = { vcpu, memory_mib, disk_mb }}. Validation
   * applies Cloudflare's limits: 1 ≤ vcpu ≤ 4, memory ≤ 12288 MiB and ≥ 3072 MiB per vCPU, disk
   * ≤ 20000 MB and ≤ 2000 MB per GiB of memory.
   */
  public static InstanceType custom(double vcpu, int memoryMib, int diskMb) {
    return new InstanceType("custom", vcpu, memoryMib, diskMb, true);
  }
}

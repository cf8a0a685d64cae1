package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;

import dev.cfc.codegen.AccountLimits;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.InstanceType;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;

/**
 * Instances and instance types against the account limits: CFC020 (maxInstances below one),
 * CFC021 (vCPU of a custom type), CFC022 (its memory), CFC023 (its disk).
 */
final class InstanceRules implements ScopeRules {

  private final AccountLimits limits;
  private final Findings findings;

  InstanceRules(AccountLimits limits, Findings findings) {
    this.limits = limits;
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    if (s.maxInstances() != null && s.maxInstances() < 1) {
      findings.error(
          "CFC020",
          at(definition, s, "maxInstances"),
          "maxInstances " + s.maxInstances() + " must be at least 1",
          "use .maxInstances(1) or more");
    }
    InstanceType type = s.instanceType();
    if (type == null || !type.custom()) {
      return;
    }
    SourceLocation where = at(definition, s, "instanceType");
    String shown = "custom(" + type.vcpu() + ", " + type.memoryMib() + ", " + type.diskMb() + ")";
    String raise = limits.published()
        ? "; if your account's limits were raised, declare them in cfc.toml: [account-limits]"
        : "";
    if (Double.isNaN(type.vcpu()) || type.vcpu() < 1) {
      findings.error(
          "CFC021",
          where,
          "instance type " + shown + " has " + type.vcpu() + " vCPU; custom types need 1 to "
              + number(limits.vcpu()),
          "for less than one vCPU use InstanceType.LITE (1/16), BASIC (1/4) or STANDARD_1 (1/2)");
    } else if (type.vcpu() > limits.vcpu()) {
      findings.error(
          "CFC021",
          where,
          "instance type " + shown + " has " + type.vcpu()
              + " vCPU; custom types allow at most " + number(limits.vcpu())
              + (limits.published() ? "" : " (the account limits in cfc.toml)"),
          "use at most " + number(limits.vcpu()) + " vCPU"
              + (limits.published() ? " (InstanceType.STANDARD_4)" + raise + " vcpu = <n>" : ""));
    }
    if (type.memoryMib() > limits.memoryMib()) {
      findings.error(
          "CFC022",
          where,
          "instance type " + shown + " has " + type.memoryMib() + " MiB memory; the limit is "
              + limits.memoryMib() + " MiB",
          "use at most " + limits.memoryMib() + " MiB"
              + (raise.isEmpty() ? "" : raise + " memory-mib = <n>"));
    } else if (!Double.isNaN(type.vcpu())
        && type.vcpu() >= 1
        && type.memoryMib() < 3072 * type.vcpu()) {
      findings.error(
          "CFC022",
          where,
          "instance type " + shown + " has " + type.memoryMib()
              + " MiB memory; " + type.vcpu() + " vCPU need at least "
              + (long) Math.ceil(3072 * type.vcpu()) + " MiB (3072 MiB per vCPU)",
          "raise memoryMib to " + (long) Math.ceil(3072 * type.vcpu()) + " or lower vcpu");
    }
    long diskLimit = Math.min(limits.diskMb(), (long) Math.floor(type.memoryMib() / 1024.0 * 2000));
    if (type.diskMb() > diskLimit || type.diskMb() < 1) {
      findings.error(
          "CFC023",
          where,
          "instance type " + shown + " has " + type.diskMb()
              + " MB disk; with " + type.memoryMib() + " MiB memory the limit is " + diskLimit
              + " MB (2000 MB per GiB of memory, " + limits.diskMb() + " MB at most)",
          "use a disk size between 1 and " + diskLimit + " MB"
              + (raise.isEmpty() || diskLimit < limits.diskMb() ? "" : raise + " disk-mb = <n>"));
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}

package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;
import static dev.cfc.codegen.internal.validate.Findings.quote;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ReadinessBudget;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.SourceLocation;
import dev.cfc.dsl.TimeValue;
import java.util.regex.Pattern;

/**
 * Durations: CFC030 (not a duration), CFC031 (shorter than one second), CFC032 (hardTimeout
 * shorter than sleepAfter; a warning), CFC033 (a readiness budget that is not positive or polls
 * less often than it lasts).
 */
final class DurationRules implements ScopeRules {

  private static final Pattern DURATION = Pattern.compile("\\d+[smh]");

  private final Findings findings;

  DurationRules(Findings findings) {
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    long sleep = checkDuration(definition, s, "sleepAfter", s.sleepAfter());
    long hard = checkDuration(definition, s, "hardTimeout", s.hardTimeout());
    if (sleep > 0 && hard > 0 && hard < sleep) {
      findings.warning(
          "CFC032",
          at(definition, s, "hardTimeout"),
          "hardTimeout " + s.hardTimeout()
              + " is shorter than sleepAfter " + s.sleepAfter()
              + ", so the container is stopped before it would ever go idle",
          "raise hardTimeout above " + s.sleepAfter() + " or lower sleepAfter");
    }
    ReadinessBudget budget = s.readinessBudget();
    if (budget != null) {
      SourceLocation where = at(definition, s, "readinessBudget");
      if (budget.timeout().isNegative()
          || budget.timeout().isZero()
          || budget.poll().isNegative()
          || budget.poll().isZero()) {
        findings.error(
            "CFC033",
            where,
            "readinessBudget(" + budget.timeout() + ", " + budget.poll()
                + ") must have a positive timeout and poll interval",
            "for example .readinessBudget(Duration.ofSeconds(30), Duration.ofMillis(500))");
      } else if (budget.poll().compareTo(budget.timeout()) > 0) {
        findings.error(
            "CFC033",
            where,
            "readiness poll interval " + budget.poll() + " is longer than the budget "
                + budget.timeout(),
            "poll more often than the budget, for example every 500 ms");
      }
    }
  }

  private long checkDuration(
      ContainerDefinition definition, Settings s, String key, TimeValue value) {
    if (value == null) {
      return -1;
    }
    SourceLocation where = at(definition, s, key);
    if (!DURATION.matcher(value.text()).matches() || value.seconds() < 0) {
      findings.error(
          "CFC030",
          where,
          key + " " + quote(value.text())
              + " is not a duration: use <number><s|m|h>, a Duration or whole seconds",
          "for example ." + key + "(\"5m\")");
      return -1;
    }
    if (value.seconds() < 1) {
      findings.error(
          "CFC031",
          where,
          key + " " + quote(value.text()) + " must be at least 1s",
          "use a positive duration such as ." + key + "(\"30s\"), or remove the call");
      return -1;
    }
    return value.seconds();
  }
}

package dev.cfc.codegen.internal.validate;

import static dev.cfc.codegen.internal.validate.Findings.at;

import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.Settings;
import dev.cfc.dsl.Ssh;
import dev.cfc.dsl.SshKey;
import java.util.Locale;

/**
 * SSH access, as wrangler 4.86's {@code validateContainerApp} checks it: CFC045 ({@code ssh.port}
 * outside 1–65535), CFC046 (an {@code authorized_keys} or {@code trusted_user_ca_keys} public key
 * that is not an ED25519 key, which wrangler tests as "starts with {@code ssh-ed25519}, ignoring
 * case"), CFC047 (an authorized key with a blank name). wrangler itself accepts an empty name,
 * but the name is what tells the keys of an application apart, so a blank one is refused here
 * rather than deployed nameless. The closed sets (regions, jurisdiction, scheduling policy,
 * rollout kind) are enums in the DSL and need no rule.
 */
final class SshRules implements ScopeRules {

  private static final String ED25519 = "ssh-ed25519";

  private final Findings findings;

  SshRules(Findings findings) {
    this.findings = findings;
  }

  @Override
  public void check(ContainerDefinition definition, String env, Settings s) {
    Ssh ssh = s.ssh();
    if (ssh != null && ssh.port() != null && (ssh.port() < 1 || ssh.port() > 65535)) {
      findings.error(
          "CFC045",
          at(definition, s, "ssh"),
          "ssh port " + ssh.port() + " of container \"" + definition.name()
              + "\" is outside 1-65535",
          "use the port the container's SSH service listens on, such as .ssh(true, 2222)");
    }
    for (SshKey key : s.authorizedKeys()) {
      if (key.name().isBlank()) {
        findings.error(
            "CFC047",
            key.where(),
            "authorized key of container \"" + definition.name() + "\" has a blank name",
            "name the key after its owner, such as .authorizedKey(\"alice\", \"ssh-ed25519 …\")");
      }
      checkPublicKey(definition, "authorized key", key);
    }
    for (SshKey key : s.trustedUserCaKeys()) {
      checkPublicKey(definition, "trusted user CA key", key);
    }
  }

  private void checkPublicKey(ContainerDefinition definition, String what, SshKey key) {
    if (key.publicKey().toLowerCase(Locale.ROOT).startsWith(ED25519)) {
      return;
    }
    String shown = key.publicKey().strip();
    int space = shown.indexOf(' ');
    String start = space < 0 ? abbreviate(shown) : shown.substring(0, Math.min(space, 24));
    findings.error(
        "CFC046",
        key.where(),
        what + (key.name() == null || key.name().isBlank() ? "" : " \"" + key.name() + "\"")
            + " of container \"" + definition.name() + "\" is not an ED25519 public key"
            + (shown.isEmpty() ? " (it is empty)" : " (it starts with \"" + start + "\")"),
        "wrangler 4.86 accepts only ED25519 keys: paste the one line of ~/.ssh/id_ed25519.pub,"
            + " \"ssh-ed25519 AAAA… comment\" (create it with ssh-keygen -t ed25519)");
  }

  private static String abbreviate(String text) {
    return text.length() <= 24 ? text : text.substring(0, 24) + "…";
  }
}

package dev.cfc.codegen.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.dsl.ContainerBuilder;
import dev.cfc.dsl.ContainerDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SSH port and keys (CFC045, CFC046, CFC047), as wrangler 4.86 checks them. Failing cases assert
 * the code, the line the bad value was written on and the hint.
 */
class SshRulesTest extends ValidationFixture {

  static final String ED25519 =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGHpQeG8mB9mC6Bx0kR5GxS7pCjJ0cJ5aHn0v6b7Yk1e alice@laptop";

  @Test
  void sshPortMustBeInRangeAsWranglerChecksIt() {
    for (int port : new int[] {0, -1, 65536, 70000}) {
      // spotless:off
      int line = nextLine();
      Diagnostic d = only(validate(app().ssh(true, port).build()), "CFC045");
      // spotless:on
      assertThat(d.location().line()).isEqualTo(line);
      assertThat(d.message()).contains("ssh port " + port).contains("1-65535");
      assertThat(d.hint()).contains(".ssh(true, 2222)");
    }
    assertValid(b -> b.ssh(true, 1));
    assertValid(b -> b.ssh(true, 65535));
    assertValid(b -> b.ssh(false));
  }

  @Test
  void sshPublicKeysMustBeEd25519AsWranglerChecksThem() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().authorizedKey("alice", "ssh-rsa AAAAB3NzaC1yc2E bob").build()), "CFC046");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("authorized key \"alice\"").contains("\"ssh-rsa\"");
    assertThat(d.hint()).contains("ssh-keygen -t ed25519");
    // spotless:off
    line = nextLine();
    d = only(validate(app().trustedUserCaKey("").build()), "CFC046");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.message()).contains("trusted user CA key").contains("empty");
    assertThat(only(
                validate(
                    app().trustedUserCaKey("ops-ca", "ecdsa-sha2-nistp256 AAAA").build()),
                "CFC046")
            .message())
        .contains("\"ops-ca\"");
    // wrangler compares the prefix ignoring case
    assertValid(b -> b.authorizedKey("alice", "SSH-ED25519 AAAA").trustedUserCaKey(ED25519));
  }

  @Test
  void eachBadKeyIsReportedAtItsOwnCall() {
    ContainerBuilder builder = app().authorizedKey("alice", ED25519);
    // spotless:off
    int first = nextLine();
    builder.authorizedKey("bob", "ssh-dss AAAA");
    // spotless:off
    int second = nextLine();
    builder.authorizedKey("carol", "ssh-rsa AAAA");
    // spotless:on
    // spotless:on
    assertThat(validate(builder.build()))
        .extracting(d -> d.location().line())
        .containsExactly(first, second);
  }

  @Test
  void anAuthorizedKeyNeedsANonBlankName() {
    // spotless:off
    int line = nextLine();
    Diagnostic d = only(validate(app().authorizedKey(" ", ED25519).build()), "CFC047");
    // spotless:on
    assertThat(d.location().line()).isEqualTo(line);
    assertThat(d.hint()).contains(".authorizedKey(\"alice\"");
    assertValid(b -> b.authorizedKey("a", ED25519));
  }

  @Test
  void aBadSshValueSetForOneEnvironmentIsReportedAtTheOverride() {
    // spotless:off
    int line = nextLine();
    ContainerDefinition def = app().environment("staging", e -> e.ssh(true, 0)).build();
    // spotless:on
    Diagnostic d = only(validate(null, List.of("staging"), def), "CFC045");
    assertThat(d.location().line()).isEqualTo(line);
  }
}

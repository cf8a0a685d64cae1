package dev.cfc.dsl;

/**
 * A public key for SSH access: an element of wrangler's {@code authorized_keys} or
 * {@code trusted_user_ca_keys}.
 *
 * @param name the key's {@code name}; required for an authorized key, null leaves it out of a
 *     trusted CA key
 * @param publicKey the key's {@code public_key} in OpenSSH form; wrangler 4.86 accepts only
 *     ED25519 keys ({@code ssh-ed25519 AAAA…})
 * @param where the DSL call that added the key
 */
public record SshKey(String name, String publicKey, SourceLocation where) {}

package dev.cfc.dsl;

/**
 * SSH access to running instances through {@code wrangler containers ssh}: wrangler's
 * {@code ssh} table.
 *
 * @param enabled wrangler's {@code ssh.enabled}
 * @param port wrangler's {@code ssh.port}, the port the SSH service listens on (1–65535); null
 *     leaves it out (wrangler's default applies)
 */
public record Ssh(boolean enabled, Integer port) {}

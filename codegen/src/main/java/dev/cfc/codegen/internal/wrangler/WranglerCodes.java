package dev.cfc.codegen.internal.wrangler;

/**
 * The diagnostic codes the wrangler reconcile reports (range {@code CFC100}–{@code CFC139}). Their
 * one catalogue is {@code docs/diagnostics.md}, which {@code cfc explain} prints from
 * ({@link dev.cfc.codegen.DiagnosticCatalog}).
 */
public final class WranglerCodes {

  public static final String MALFORMED = "CFC100";
  public static final String UNSUPPORTED_LAYOUT = "CFC101";
  public static final String CLASH = "CFC102";
  public static final String DESTROY_REFUSED = "CFC103";
  public static final String DUPLICATE_TAG = "CFC104";
  public static final String CLASS_CREATED_TWICE = "CFC105";
  public static final String MISSING_FROM_HISTORY = "CFC106";
  public static final String NOT_SQLITE = "CFC107";
  public static final String EXPORTS_UNSUPPORTED = "CFC108";
  public static final String DUPLICATE_ENTRY = "CFC109";
  public static final String BAD_MIGRATION = "CFC110";
  public static final String BINDING_NAME_TAKEN = "CFC111";
  public static final String ENV_MIGRATIONS = "CFC112";
  public static final String UNKNOWN_CLASS_IN_HISTORY = "CFC113";
  public static final String UNSUPPORTED_FILE = "CFC114";
  public static final String DUPLICATE_APPLICATION_NAME = "CFC115";
  public static final String RENAME_MATCHES_NOTHING = "CFC116";
  public static final String NOTHING_TO_ADOPT = "CFC117";
  public static final String BINDING_NAMES_DIFFER = "CFC118";
  public static final String EDIT_NOT_VERIFIED = "CFC119";

  private WranglerCodes() {}
}

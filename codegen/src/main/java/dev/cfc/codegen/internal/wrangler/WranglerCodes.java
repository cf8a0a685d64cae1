package dev.cfc.codegen.internal.wrangler;

import java.util.List;

/**
 * The diagnostic codes the wrangler reconcile reports (range {@code CFC100}–{@code CFC139}), with
 * the text {@code docs/diagnostics.md} and {@code cfc explain} are built from.
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
  public static final String EDIT_NOT_VERIFIED = "CFC119";

  /**
   * One documented code.
   *
   * @param code e.g. {@code CFC102}
   * @param title a few words
   * @param explanation one line: what is wrong and why it matters
   * @param badExample a config fragment that triggers it
   * @param fix what to do
   */
  public record Code(String code, String title, String explanation, String badExample, String fix) {}

  /** Every code, in order. */
  public static final List<Code> ALL = List.of(
      new Code(MALFORMED, "malformed wrangler config",
          "The config does not parse; cfc writes nothing until it does.",
          "name = \"app\"\nmain = \n",
          "Fix the syntax at the reported line and column."),
      new Code(UNSUPPORTED_LAYOUT, "config layout cfc cannot edit safely",
          "An entry cfc must change is written in a form it does not edit in place: an"
              + " element to remove that shares its line with other elements of an inline array,"
              + " a dotted key or sub-table inside an entry, or an inline table cfc would have to"
              + " extend. cfc refuses rather than risk corrupting it. (Inline arrays themselves"
              + " are fine: cfc adds, updates and removes their elements.)",
          "durable_objects.bindings = [ { name = \"A\", class_name = \"AContainer\" },"
              + " { name = \"B\", class_name = \"BContainer\" } ]\n"
              + "# BContainer's definition was removed and the run has --allow-destroy",
          "Put each element of that array on a line of its own (or rewrite it as `[[...]]`"
              + " tables), write the entry's keys as plain `key = value` pairs, and run cfc"
              + " again."),
      new Code(CLASH, "hand-written entry clashes with a definition",
          "A containers entry or Durable Object binding that cfc did not write uses a"
              + " definition's class; cfc will not silently take it over.",
          "[[containers]]\nclass_name = \"TranscoderContainer\"   # written by hand",
          "Call `adopt()` on the definition (or run with `--adopt`) to let cfc manage it, or"
              + " rename the definition."),
      new Code(DESTROY_REFUSED, "removing a definition deletes its data",
          "A class cfc managed has no definition any more; deleting a Durable Object class"
              + " deletes all its data, so cfc does it only when told to.",
          "(definition `transcoder` deleted from the DSL)",
          "Run with `--allow-destroy` to prune its entries and append a `deleted_classes`"
              + " migration, restore the definition, or use `renamedFrom` if it was renamed."),
      new Code(DUPLICATE_TAG, "duplicate migration tag",
          "Two migrations share a tag; wrangler does not reject this but only applies one.",
          "[[migrations]]\ntag = \"v1\"\n...\n[[migrations]]\ntag = \"v1\"",
          "Give the later migration a new, unused tag."),
      new Code(CLASS_CREATED_TWICE, "class created twice in migrations",
          "A class appears in `new_sqlite_classes`/`new_classes` (or as a rename target) when it"
              + " already exists; the deploy fails.",
          "[[migrations]]\ntag = \"v1\"\nnew_sqlite_classes = [\"A\"]\n[[migrations]]\ntag ="
              + " \"v2\"\nnew_sqlite_classes = [\"A\"]",
          "Remove the class from the later migration if it was never deployed, otherwise keep"
              + " one creation."),
      new Code(MISSING_FROM_HISTORY, "managed class missing from migrations",
          "cfc managed this class before but no migration creates it, so the Durable Object"
              + " would not exist at deploy.",
          "(the [[migrations]] entry creating TranscoderContainer was deleted by hand)",
          "Restore the migration that created the class."),
      new Code(NOT_SQLITE, "container class created with new_classes",
          "Container classes must be SQLite-backed Durable Objects (`new_sqlite_classes`).",
          "[[migrations]]\ntag = \"v1\"\nnew_classes = [\"TranscoderContainer\"]",
          "If this migration was never deployed, change it to `new_sqlite_classes`; otherwise"
              + " the class must be recreated under a new name."),
      new Code(EXPORTS_UNSUPPORTED, "config uses an exports map",
          "Newer wranglers accept an `exports` map instead of migrations; the two cannot be"
              + " combined and cfc only writes migrations.",
          "[exports]\nTranscoderContainer = { ... }",
          "Use `[[migrations]]` instead of `exports`."),
      new Code(DUPLICATE_ENTRY, "class listed twice in one scope",
          "Two containers entries (or two bindings) in the same scope name the same class.",
          "[[containers]]\nclass_name = \"A\"\n[[containers]]\nclass_name = \"A\"",
          "Delete one of them."),
      new Code(BAD_MIGRATION, "migration entry without a tag",
          "Every migration needs a string `tag`; wrangler rejects it otherwise.",
          "[[migrations]]\nnew_sqlite_classes = [\"A\"]",
          "Add `tag = \"vN\"` with a tag not used before."),
      new Code(BINDING_NAME_TAKEN, "binding name already used",
          "A hand-written Durable Object binding already uses the binding name cfc derives for"
              + " a definition, with another class.",
          "[[durable_objects.bindings]]\nname = \"CONTAINER_TRANSCODER\"\nclass_name ="
              + " \"Other\"",
          "Rename the hand-written binding, or rename the definition: its binding name is"
              + " derived from its name."),
      new Code(ENV_MIGRATIONS, "environment has its own migrations",
          "An environment cfc maintains declares `migrations`, which replace the top-level"
              + " ones; the migration cfc appends at the top level would not apply there.",
          "[env.staging]\nmigrations = [ ... ]",
          "Remove the environment's `migrations` so it inherits the top-level history."),
      new Code(UNKNOWN_CLASS_IN_HISTORY, "migration names a class that does not exist",
          "A `renamed_classes` or `deleted_classes` migration refers to a class no earlier"
              + " migration created; wrangler rejects the config.",
          "[[migrations]]\ntag = \"v1\"\ndeleted_classes = [\"Never\"]",
          "Fix the class name or remove the entry if it was never deployed."),
      new Code(UNSUPPORTED_FILE, "unsupported config file",
          "The wrangler config's file type is not one cfc can edit.",
          "wrangler = \"wrangler.yaml\"",
          "Use wrangler.toml, wrangler.json or wrangler.jsonc."),
      new Code(EDIT_NOT_VERIFIED, "edit could not be verified",
          "After editing, cfc re-reads the config and checks it holds exactly the intended"
              + " entries with every other entry unchanged; this check failed, so nothing was"
              + " written.",
          "(a layout cfc mis-edited)",
          "Report it with the config; meanwhile make the change by hand."));

  private WranglerCodes() {}

  /** The entry for a code, if it is one of these. */
  public static java.util.Optional<Code> find(String code) {
    return ALL.stream().filter(c -> c.code().equals(code)).findFirst();
  }
}

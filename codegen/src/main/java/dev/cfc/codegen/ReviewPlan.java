package dev.cfc.codegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfc.codegen.ConfigChanges.ContainerChange;
import dev.cfc.codegen.ConfigChanges.FieldChange;
import dev.cfc.codegen.ConfigChanges.Kind;
import dev.cfc.codegen.ConfigChanges.Migration;
import dev.cfc.codegen.ConfigChanges.ScopeChanges;
import dev.cfc.codegen.internal.typescript.TypeScriptPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A reviewer's summary of a compile, read before any diff ({@code cfc plan}): per scope the
 * containers created, changed (field: old → new), renamed, adopted or destroyed, the migrations
 * appended with every data-destroying step marked, and the files written, the vendored runtime
 * files as one line.
 *
 * @param changes what the wrangler config changes
 * @param files the files that change, runtime files left out unless {@code all}
 * @param runtimeFiles how many vendored runtime files change (0 when none or when listed)
 * @param runtimeVersion the cfc version the runtime files are stamped with
 */
public record ReviewPlan(
    ConfigChanges changes, List<PlannedFile> files, int runtimeFiles, String runtimeVersion) {

  /** The formats a plan is rendered in. */
  public enum Format {
    /** For a terminal. */
    TEXT,
    /** For a pull-request comment. */
    MARKDOWN,
    /** For tools; the schema is in {@code docs/cli-reference.md} ("cfc plan"). */
    JSON
  }

  /** The version of the JSON document's shape; changes only when a field is removed or renamed. */
  public static final int JSON_SCHEMA_VERSION = 1;

  public ReviewPlan {
    files = List.copyOf(files);
  }

  /**
   * The plan of a successful compile.
   *
   * @param all list every vendored runtime file instead of one summary line
   */
  public static ReviewPlan of(CompileResult result, boolean all) {
    List<PlannedFile> files = new ArrayList<>();
    int runtime = 0;
    for (PlannedFile file : result.changedFiles()) {
      if (!all && TypeScriptPlan.isRuntimeFile(file.path())) {
        runtime++;
      } else {
        files.add(file);
      }
    }
    return new ReviewPlan(result.configChanges(), files, runtime, CfcVersion.get());
  }

  /** Whether nothing would change. */
  public boolean isEmpty() {
    return changes.isEmpty() && files.isEmpty() && runtimeFiles == 0;
  }

  /** The plan in {@code format}, ending with a newline. */
  public String render(Format format) {
    return switch (format) {
      case TEXT -> text();
      case MARKDOWN -> markdown();
      case JSON -> json();
    };
  }

  private String runtimeLine() {
    return "runtime updated to cfc " + runtimeVersion + " (" + runtimeFiles + " file"
        + (runtimeFiles == 1 ? "" : "s") + ")";
  }

  /** What a migration does, one clause per list; destroying steps marked. */
  private static List<String> steps(Migration m) {
    List<String> steps = new ArrayList<>();
    if (!m.created().isEmpty()) {
      steps.add("creates " + String.join(", ", m.created()));
    }
    for (List<String> r : m.renamed()) {
      steps.add("renames " + r.get(0) + " → " + r.get(1) + " (data kept)");
    }
    if (!m.deleted().isEmpty()) {
      steps.add("DELETES " + String.join(", ", m.deleted())
          + " (deleted_classes: all Durable Object data of the class is deleted)");
    }
    return steps;
  }

  private String text() {
    if (isEmpty()) {
      return "no changes\n";
    }
    StringBuilder out = new StringBuilder();
    if (!changes.isEmpty()) {
      out.append(changes.file()).append(":\n");
      for (ScopeChanges scope : changes.scopes()) {
        out.append("  ").append(scope.describe()).append(":\n");
        for (ContainerChange c : scope.containers()) {
          out.append("    ")
              .append(String.format("%-9s", c.kind().label()))
              .append(' ')
              .append(c.previousClassName() == null ? "" : c.previousClassName() + " → ")
              .append(c.className());
          if (c.kind() == Kind.DESTROYED) {
            out.append("  !! its Durable Object data is deleted");
          }
          out.append('\n');
          for (FieldChange f : c.fields()) {
            out.append("      ").append(f.describe()).append('\n');
          }
        }
      }
      for (Migration m : changes.migrations()) {
        out.append("  migration ")
            .append(m.tag())
            .append(m.destroysData() ? " !!" : "")
            .append(": ")
            .append(String.join("; ", steps(m)))
            .append('\n');
      }
    }
    out.append("files:\n");
    for (PlannedFile f : files) {
      out.append("  ").append(f.status()).append(' ').append(f.displayName()).append('\n');
    }
    if (runtimeFiles > 0) {
      out.append("  ").append(runtimeLine()).append('\n');
    }
    return out.toString();
  }

  private static String code(String text) {
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`";
  }

  private String markdown() {
    StringBuilder out = new StringBuilder("### cfc plan\n\n");
    if (isEmpty()) {
      return out.append("No changes.\n").toString();
    }
    for (Migration m : changes.migrations()) {
      if (m.destroysData()) {
        out.append("> [!CAUTION]\n> Migration ")
            .append(code(m.tag()))
            .append(" deletes the Durable Object data of ")
            .append(String.join(", ", m.deleted().stream().map(ReviewPlan::code).toList()))
            .append(" (`deleted_classes`). This cannot be undone.\n\n");
      }
    }
    for (ScopeChanges scope : changes.scopes()) {
      out.append("#### ")
          .append(code(changes.file()))
          .append(", ")
          .append(scope.topLevel() ? "top level" : "environment " + code(scope.scope()))
          .append("\n\n| container | change | details |\n| --- | --- | --- |\n");
      for (ContainerChange c : scope.containers()) {
        List<String> details = new ArrayList<>();
        if (c.previousClassName() != null) {
          details.add("was " + code(c.previousClassName()));
        }
        if (c.kind() == Kind.ADOPTED) {
          details.add("hand-written entry, now managed by cfc");
        }
        if (c.kind() == Kind.DESTROYED) {
          details.add("**Durable Object data deleted**");
        }
        for (FieldChange f : c.fields()) {
          details.add(code(f.key()) + ": " + (f.before() == null ? "(unset)" : code(f.before()))
              + " → " + (f.after() == null ? "(removed)" : code(f.after())));
        }
        out.append("| ")
            .append(code(c.className()))
            .append(" | ")
            .append(c.kind() == Kind.DESTROYED ? "**destroyed**" : c.kind().label())
            .append(" | ")
            .append(String.join("<br>", details))
            .append(" |\n");
      }
      out.append('\n');
    }
    if (!changes.migrations().isEmpty()) {
      out.append("#### Migrations appended\n\n");
      for (Migration m : changes.migrations()) {
        out.append("- ").append(code(m.tag())).append(": ");
        List<String> steps = new ArrayList<>();
        for (String step : steps(m)) {
          steps.add(step.startsWith("DELETES") ? "**" + step + "**" : step);
        }
        out.append(String.join("; ", steps)).append('\n');
      }
      out.append('\n');
    }
    out.append("#### Files\n\n");
    for (PlannedFile f : files) {
      out.append("- ")
          .append(code(f.displayName()))
          .append(": ")
          .append(f.status())
          .append('\n');
    }
    if (runtimeFiles > 0) {
      out.append("- ").append(runtimeLine()).append('\n');
    }
    return out.toString();
  }

  private String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", JSON_SCHEMA_VERSION);
    root.put("config", changes.file().isEmpty() ? null : changes.file());
    root.put("destroysData", changes.destroysData());
    ArrayNode scopes = root.putArray("scopes");
    for (ScopeChanges scope : changes.scopes()) {
      ObjectNode s = scopes.addObject();
      s.put("environment", scope.topLevel() ? null : scope.scope());
      ArrayNode containers = s.putArray("containers");
      for (ContainerChange c : scope.containers()) {
        ObjectNode node = containers.addObject();
        node.put("change", c.kind().label());
        node.put("class", c.className());
        node.put("previousClass", c.previousClassName());
        node.put("destroysData", c.kind() == Kind.DESTROYED);
        ArrayNode fields = node.putArray("fields");
        for (FieldChange f : c.fields()) {
          fields.addObject().put("key", f.key()).put("before", f.before()).put("after", f.after());
        }
      }
    }
    ArrayNode migrations = root.putArray("migrations");
    for (Migration m : changes.migrations()) {
      ObjectNode node = migrations.addObject();
      node.put("tag", m.tag());
      m.created().forEach(node.putArray("created")::add);
      ArrayNode renamed = node.putArray("renamed");
      m.renamed().forEach(r -> renamed.addObject().put("from", r.get(0)).put("to", r.get(1)));
      m.deleted().forEach(node.putArray("deleted")::add);
      node.put("destroysData", m.destroysData());
    }
    ArrayNode fileList = root.putArray("files");
    for (PlannedFile f : files) {
      fileList.addObject().put("path", f.displayName()).put("status", f.status());
    }
    if (runtimeFiles > 0) {
      root.putObject("runtime").put("version", runtimeVersion).put("files", runtimeFiles);
    } else {
      root.putNull("runtime");
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}

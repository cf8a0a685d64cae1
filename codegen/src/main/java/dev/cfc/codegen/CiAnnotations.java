package dev.cfc.codegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diagnostics in the forms CI systems read natively: GitHub Actions workflow commands, which
 * annotate the pull request's lines, and SARIF 2.1.0, which code scanning uploads.
 */
public final class CiAnnotations {

  private static final String SARIF_SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  private static final Pattern TITLE =
      Pattern.compile("^## CFC\\d{3}\\s*[—-]\\s*(.*)$", Pattern.MULTILINE);

  private CiAnnotations() {}

  /**
   * One workflow command per diagnostic, such as
   * {@code ::error file=wrangler.toml,line=3,col=1,title=CFC012::message}, the hint on the
   * message's following lines. Values are escaped as GitHub's runner unescapes them.
   */
  public static String github(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      Diagnostic.Location at = d.location();
      out.append("::").append(d.isError() ? "error" : "warning").append(' ');
      if (!at.equals(Diagnostic.Location.UNKNOWN)) {
        out.append("file=").append(escapeProperty(at.file())).append(',');
        if (at.line() > 0) {
          out.append("line=").append(at.line()).append(',');
          if (at.column() > 0) {
            out.append("col=").append(at.column()).append(',');
          }
        }
      }
      out.append("title=")
          .append(escapeProperty(d.code()))
          .append("::")
          .append(escapeData(
              d.code() + ": " + d.message() + (d.hint().isEmpty() ? "" : "\n" + d.hint())))
          .append('\n');
    }
    return out.toString();
  }

  /** A workflow command's message: {@code %}, CR and LF escaped. */
  static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A workflow command's property value: as data, and {@code :} and {@code ,} too. */
  static String escapeProperty(String text) {
    return escapeData(text).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * A SARIF 2.1.0 log of one run: the tool's rules are the diagnostic catalogue, each result
   * names its rule, level and location (a URI relative to the project, with start line and
   * column when known).
   */
  public static String sarif(List<Diagnostic> diagnostics) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SARIF_SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "cfc");
    driver.put("version", CfcVersion.get());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    DiagnosticCatalog.entries().forEach((code, entry) -> addRule(rules, ruleIndex, code, entry));
    for (Diagnostic d : diagnostics) {
      if (!ruleIndex.containsKey(d.code())) {
        addRule(rules, ruleIndex, d.code(), "");
      }
    }
    ArrayNode results = run.putArray("results");
    for (Diagnostic d : diagnostics) {
      ObjectNode result = results.addObject();
      result.put("ruleId", d.code());
      result.put("ruleIndex", ruleIndex.get(d.code()));
      result.put("level", d.isError() ? "error" : "warning");
      result
          .putObject("message")
          .put("text", d.message() + (d.hint().isEmpty() ? "" : "\n" + d.hint()));
      Diagnostic.Location at = d.location();
      if (!at.equals(Diagnostic.Location.UNKNOWN)) {
        ObjectNode physical =
            result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(at.file()));
        if (at.line() > 0) {
          ObjectNode region = physical.putObject("region");
          region.put("startLine", at.line());
          if (at.column() > 0) {
            region.put("startColumn", at.column());
          }
        }
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  private static void addRule(
      ArrayNode rules, Map<String, Integer> index, String code, String entry) {
    Matcher title = TITLE.matcher(entry);
    ObjectNode rule = rules.addObject();
    rule.put("id", code);
    rule.putObject("shortDescription").put("text", title.find() ? title.group(1).strip() : code);
    if (!entry.isEmpty()) {
      rule.putObject("fullDescription").put("text", entry.strip());
    }
    rule.putObject("defaultConfiguration")
        .put("level", DiagnosticCatalog.isWarning(code) ? "warning" : "error");
    index.put(code, index.size());
  }

  /** A relative URI reference: path segments percent-encoded, {@code /} kept. */
  private static String uri(String file) {
    StringBuilder out = new StringBuilder();
    for (byte b : file.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~/".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}

#!/usr/bin/env node
// Proves a wrangler config valid with the real wrangler, offline.
//
//   node prove.mjs <configFile> [--env <name>]... [--allow-warnings]
//
// Checks, one output line each ("ok ..." or "FAIL ...: reason"):
//   [schema]   the whole file against node_modules/wrangler/config-schema.json (draft-07, ajv),
//              with unknown properties made errors;
//   [dry-run]  `wrangler deploy --dry-run` for the top level and each --env, with a stub docker
//              binary, no metrics, no update check and (where the OS allows) no network at all;
//              wrangler warnings count as failures unless --allow-warnings is given;
//   [sqlite]   every container class is created by `new_sqlite_classes` in the migrations that
//              apply to that environment. wrangler 4.86 does not check this (the Cloudflare API
//              rejects it only at deploy time), so the harness checks it itself.
// Exit status 0 when every check passed, 1 when any failed, 2 on a usage error.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

import Ajv from "ajv";
import { parse as parseJsonc, printParseErrorCode } from "jsonc-parser";
import { parse as parseToml } from "smol-toml";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WRANGLER_BIN = path.join(HERE, "node_modules", "wrangler", "bin", "wrangler.js");
const SCHEMA_FILE = path.join(HERE, "node_modules", "wrangler", "config-schema.json");
const DOCKER_STUB = path.join(HERE, "docker-stub.sh");
const DRY_RUN_TIMEOUT_MS = 120_000;

function usage(message) {
  if (message) console.error(message);
  console.error("usage: node prove.mjs <configFile> [--env <name>]... [--allow-warnings]");
  process.exit(2);
}

function parseArgs(argv) {
  const args = { config: undefined, envs: [], allowWarnings: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--env") {
      const name = argv[++i];
      if (!name) usage("--env needs a name");
      args.envs.push(name);
    } else if (a.startsWith("--env=")) {
      args.envs.push(a.slice("--env=".length));
    } else if (a === "--allow-warnings") {
      args.allowWarnings = true;
    } else if (a.startsWith("-")) {
      usage(`unknown option ${a}`);
    } else if (args.config === undefined) {
      args.config = a;
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (!args.config) usage("missing config file");
  return args;
}

// ---------------------------------------------------------------------------------------------
// Reading the config the way wrangler does: TOML, or JSON with comments and trailing commas.

function readConfig(file) {
  // wrangler's readFileSync drops a UTF-8 byte order mark (removeBOMAndValidate).
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  if (file.endsWith(".toml")) {
    return parseToml(text);
  }
  const errors = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const { error, offset } = errors[0];
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    throw new Error(`invalid JSONC at ${line}:${column}: ${printParseErrorCode(error)}`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Schema check with unknown properties made errors.

/** Sets additionalProperties: false on every object schema that lists properties and leaves it open. */
export function closeObjectSchemas(node) {
  if (Array.isArray(node)) {
    node.forEach(closeObjectSchemas);
    return node;
  }
  if (node === null || typeof node !== "object") return node;
  if (
    node.properties !== null &&
    typeof node.properties === "object" &&
    !Array.isArray(node.properties) &&
    !("additionalProperties" in node) &&
    !("patternProperties" in node)
  ) {
    node.additionalProperties = false;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" || key === "definitions" || key === "patternProperties") {
      for (const child of Object.values(value ?? {})) closeObjectSchemas(child);
    } else if (key !== "enum" && key !== "const" && key !== "default" && key !== "examples") {
      closeObjectSchemas(value);
    }
  }
  return node;
}

// Keys wrangler 4.86 validates, accepts and deploys that its config-schema.json leaves out, with
// the values its validateContainerApp accepts. Only these are added; the schema stays closed.
const KEYS_THE_SCHEMA_LACKS = {
  ContainerApp: {
    rollout_kind: { type: "string", enum: ["full_auto", "full_manual", "none"] },
    // wrangler checks neither's members: it sends affinities.colocation and
    // affinities.hardware_generation, and requires unsafe to be an object
    affinities: { type: "object" },
    unsafe: { type: "object" },
  },
};

// Members of a container's `constraints` that wrangler 4.86's validateContainerApp checks (tiers,
// tier) or passes through without complaint (cities, lower-cased by getNormalizedContainerOptions)
// and that its config-schema.json leaves out.
const CONSTRAINTS_THE_SCHEMA_LACKS = {
  tiers: { type: "array", items: { type: "number" } },
  tier: { type: "number" },
  cities: { type: "array", items: { type: "string" } },
};

/** A pattern matching any of `values` in any letter case. */
function anyCase(values) {
  const letters = (v) =>
    [...v].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toUpperCase()}${c.toLowerCase()}]`)).join("");
  return `^(${values.map(letters).join("|")})$`;
}

/**
 * The schema with the keys of KEYS_THE_SCHEMA_LACKS and CONSTRAINTS_THE_SCHEMA_LACKS added where
 * it has none of its own, and `constraints.regions` accepted in any case: validateContainerApp
 * checks `region.toUpperCase()` against the list the schema spells in upper case, and
 * getNormalizedContainerOptions upper-cases the regions it deploys.
 */
export function addKeysTheSchemaLacks(schema) {
  for (const [definition, keys] of Object.entries(KEYS_THE_SCHEMA_LACKS)) {
    const properties = schema.definitions?.[definition]?.properties;
    if (!properties) continue;
    for (const [key, keySchema] of Object.entries(keys)) {
      if (!(key in properties)) properties[key] = keySchema;
    }
  }
  const constraints = schema.definitions?.ContainerApp?.properties?.constraints?.properties;
  if (constraints) {
    for (const [key, keySchema] of Object.entries(CONSTRAINTS_THE_SCHEMA_LACKS)) {
      if (!(key in constraints)) constraints[key] = keySchema;
    }
    const regions = constraints.regions?.items;
    if (regions?.enum) {
      regions.pattern = anyCase(regions.enum);
      delete regions.enum;
    }
  }
  return schema;
}

function compileSchema() {
  const schema = closeObjectSchemas(
    addKeysTheSchemaLacks(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"))),
  );
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  return ajv.compile(schema);
}

function describeAlternatives(branches) {
  return branches
    .map((b) => {
      if ("const" in b) return JSON.stringify(b.const);
      if (b.enum) return b.enum.map((v) => JSON.stringify(v)).join(", ");
      if (b.properties) return `{ ${Object.keys(b.properties).join(", ")} }`;
      return b.type ?? "?";
    })
    .join(", ");
}

function describeSchemaErrors(errors) {
  // anyOf failures (e.g. instance_type) produce one error per branch plus the anyOf itself;
  // keep the informative ones and name the offending key for additionalProperties.
  const seen = new Set();
  const parts = [];
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  for (const e of errors) {
    let text;
    if (e.keyword === "additionalProperties") {
      text = `${e.instancePath || "/"}: unknown key "${e.params.additionalProperty}"`;
    } else if (e.keyword === "anyOf") {
      text = `${e.instancePath}: ${JSON.stringify(e.data)} is not one of ${describeAlternatives(e.schema)}`;
    } else if (anyOfPaths.has(e.instancePath)) {
      continue; // a failed branch of an anyOf, summarised by the anyOf error
    } else {
      text = `${e.instancePath || "/"}: ${e.message}`;
    }
    if (!seen.has(text)) {
      seen.add(text);
      parts.push(text);
    }
  }
  return parts.join("; ");
}

// ---------------------------------------------------------------------------------------------
// Containers need SQLite-backed Durable Objects.

function sqliteClasses(migrations) {
  const classes = new Map(); // class name -> "sqlite" | "kv"
  for (const m of migrations ?? []) {
    for (const c of m.deleted_classes ?? []) classes.delete(c);
    for (const r of m.renamed_classes ?? []) {
      if (classes.has(r.from)) {
        classes.set(r.to, classes.get(r.from));
        classes.delete(r.from);
      }
    }
    for (const c of m.new_classes ?? []) classes.set(c, "kv");
    for (const c of m.new_sqlite_classes ?? []) classes.set(c, "sqlite");
  }
  return classes;
}

function checkContainerClasses(config, env) {
  const scope = env === undefined ? config : config.env?.[env];
  if (scope === undefined) return `no environment named "${env}" in the config`;
  const migrations = scope.migrations ?? config.migrations; // env-level list replaces the top level
  const classes = sqliteClasses(migrations);
  const problems = [];
  for (const container of scope.containers ?? []) {
    const kind = classes.get(container.class_name);
    if (kind === "kv") {
      problems.push(
        `container class ${container.class_name} is created by new_classes; containers need a SQLite-backed Durable Object (new_sqlite_classes)`,
      );
    } else if (kind === undefined) {
      problems.push(`container class ${container.class_name} is not created by any new_sqlite_classes migration`);
    }
  }
  return problems.length === 0 ? undefined : problems.join("; ");
}

// ---------------------------------------------------------------------------------------------
// wrangler deploy --dry-run

function canSandboxNetwork() {
  if (process.env.WRANGLER_PROOF_NETWORK_SANDBOX === "0" || process.platform !== "linux") return false;
  const probe = spawnSync("unshare", ["-rn", "true"], { stdio: "ignore" });
  return probe.status === 0;
}

function wranglerEnvironment(tmp) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // never deploy anywhere, whatever the caller's shell holds
    if (key.startsWith("CLOUDFLARE_") || key === "CF_API_TOKEN" || key === "CF_ACCOUNT_ID") delete env[key];
  }
  return Object.assign(env, {
    WRANGLER_DOCKER_BIN: DOCKER_STUB,
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_SEND_ERROR_REPORTS: "false",
    // the banner is what triggers wrangler's update check against the npm registry
    WRANGLER_HIDE_BANNER: "true",
    // any update check that still happens (after a warning about unknown fields) fails at once
    npm_config_registry: "http://127.0.0.1:9/",
    // update-check caches under os.tmpdir(); wrangler writes its debug log under WRANGLER_LOG_PATH
    TMPDIR: tmp,
    WRANGLER_LOG_PATH: path.join(tmp, "logs"),
    CI: "true",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  });
}

/** The first ERROR (or, failing that, WARNING) block of wrangler's output, on one line. */
function reasonFrom(output, marker) {
  const lines = stripVTControlCharacters(output).split(/\r?\n/);
  const start = lines.findIndex((l) => l.includes(marker));
  if (start < 0) return undefined;
  const block = [lines[start].slice(lines[start].indexOf(marker) + marker.length).trim()];
  // the block goes on while lines are indented; blank lines inside it are skipped
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === "") {
      const next = lines.slice(i + 1).find((n) => n.trim() !== "");
      if (next !== undefined && /^\s/.test(next)) continue;
      break;
    }
    if (!/^\s/.test(l) || /^\s*```/.test(l)) break;
    block.push(l.trim());
  }
  const text = block.join(" ").replace(/\s+/g, " ");
  return text.length > 800 ? text.slice(0, 797) + "..." : text;
}

function dryRun(configFile, env, sandbox) {
  const dir = path.dirname(configFile);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wrangler-proof-"));
  const dotWrangler = path.join(dir, ".wrangler");
  const hadDotWrangler = fs.existsSync(dotWrangler);
  try {
    // `--env=` names the top level explicitly; without it wrangler warns when environments exist
    const args = [WRANGLER_BIN, "deploy", "--dry-run", "--outdir", path.join(tmp, "out"), "--config", configFile];
    args.push(`--env=${env ?? ""}`);
    const [cmd, cmdArgs] = sandbox ? ["unshare", ["-rn", process.execPath, ...args]] : [process.execPath, args];
    // stdout and stderr share one file so the captured output keeps wrangler's order
    const outFile = path.join(tmp, "output.txt");
    const fd = fs.openSync(outFile, "w");
    let result;
    try {
      result = spawnSync(cmd, cmdArgs, {
        cwd: dir,
        env: wranglerEnvironment(tmp),
        timeout: DRY_RUN_TIMEOUT_MS,
        stdio: ["ignore", fd, fd],
      });
    } finally {
      fs.closeSync(fd);
    }
    const output = stripVTControlCharacters(fs.readFileSync(outFile, "utf8"));
    return { status: result.status, signal: result.signal, error: result.error, output };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!hadDotWrangler) fs.rmSync(dotWrangler, { recursive: true, force: true });
  }
}

function judgeDryRun(run, allowWarnings) {
  if (run.error) return `could not run wrangler: ${run.error.message}`;
  if (run.signal) return `wrangler was killed by ${run.signal} (timeout ${DRY_RUN_TIMEOUT_MS / 1000} s?)`;
  if (run.status !== 0) {
    return reasonFrom(run.output, "[ERROR]") ?? `wrangler exited with ${run.status}`;
  }
  if (!allowWarnings) {
    const warning = reasonFrom(run.output, "[WARNING]");
    if (warning !== undefined) return `wrangler warned: ${warning}`;
  }
  if (!run.output.includes("--dry-run: exiting now.")) return "wrangler exited 0 without finishing the dry run";
  return undefined;
}

// ---------------------------------------------------------------------------------------------

function seconds(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const configFile = path.resolve(args.config);
  const label = path.basename(configFile);
  if (!fs.existsSync(configFile)) usage(`no such file: ${configFile}`);
  if (!fs.existsSync(WRANGLER_BIN)) {
    console.error(`wrangler is not installed: run \`npm ci\` in ${HERE}`);
    process.exit(2);
  }

  let failed = false;
  const report = (ok, target, check, ms, reason, details) => {
    const where = target ? `${label} ${target}` : label;
    if (ok) {
      console.log(`ok ${where} [${check} ${seconds(ms)}]`);
    } else {
      failed = true;
      console.log(`FAIL ${where} [${check}]: ${reason}`);
      if (details) {
        for (const l of details.trimEnd().split(/\r?\n/)) console.log(`    | ${l}`);
      }
    }
  };

  const sandbox = canSandboxNetwork();
  const wranglerVersion = JSON.parse(fs.readFileSync(path.join(HERE, "node_modules", "wrangler", "package.json"), "utf8")).version;
  console.log(`# wrangler ${wranglerVersion}, node ${process.versions.node}, network ${sandbox ? "none (unshare -rn)" : "not sandboxed"}`);

  // [schema]
  let config;
  let t0 = performance.now();
  try {
    config = readConfig(configFile);
    const validate = compileSchema();
    if (validate(config)) {
      report(true, "", "schema", performance.now() - t0);
    } else {
      report(false, "", "schema", 0, describeSchemaErrors(validate.errors));
    }
  } catch (e) {
    report(false, "", "schema", 0, e.message);
  }

  // [sqlite] and [dry-run], per target
  const targets = [undefined, ...args.envs];
  for (const env of targets) {
    const target = env === undefined ? "(top level)" : `--env ${env}`;
    if (config !== undefined) {
      t0 = performance.now();
      const problem = checkContainerClasses(config, env);
      report(problem === undefined, target, "sqlite", performance.now() - t0, problem);
    }
    t0 = performance.now();
    const run = dryRun(configFile, env, sandbox);
    const problem = judgeDryRun(run, args.allowWarnings);
    report(problem === undefined, target, "dry-run", performance.now() - t0, problem, problem && run.output);
  }

  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}

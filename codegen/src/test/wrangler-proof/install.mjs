#!/usr/bin/env node
// Runs `npm ci --no-audit --no-fund` here unless node_modules already holds exactly what
// package-lock.json pins (npm's own record of the install, node_modules/.package-lock.json, is
// compared entry by entry), so a build with an up-to-date install costs a few milliseconds.
// `--force` always reinstalls.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(HERE, file), "utf8"));
  } catch {
    return undefined;
  }
}

function same(a, b) {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/** Why node_modules is stale, or undefined when it matches the lockfile. */
function staleness() {
  const pkg = readJson("package.json");
  const lock = readJson("package-lock.json");
  const installed = readJson("node_modules/.package-lock.json");
  if (!pkg || !lock) return "no package.json or package-lock.json";
  if (!installed) return "nothing installed yet";
  const root = lock.packages?.[""] ?? {};
  if (!same(pkg.devDependencies, root.devDependencies) || !same(pkg.dependencies, root.dependencies)) {
    return "package.json and package-lock.json disagree";
  }
  const wanted = lock.packages ?? {};
  const have = installed.packages ?? {};
  for (const [key, entry] of Object.entries(have)) {
    const w = wanted[key];
    if (!w || w.version !== entry.version || w.integrity !== entry.integrity) return `${key} differs`;
  }
  for (const [key, entry] of Object.entries(wanted)) {
    if (key === "" || entry.optional || entry.link) continue; // optional: other platforms' binaries
    if (!have[key]) return `${key} missing`;
    if (!fs.existsSync(path.join(HERE, key, "package.json"))) return `${key} missing on disk`;
  }
  return undefined;
}

const reason = process.argv.includes("--force") ? "--force" : staleness();
if (reason === undefined) {
  console.log("wrangler-proof: node_modules matches package-lock.json, skipping npm ci");
  process.exit(0);
}
console.log(`wrangler-proof: npm ci (${reason})`);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], {
  cwd: HERE,
  stdio: "inherit",
  shell: process.platform === "win32",
});
if (result.error) {
  console.error(`wrangler-proof: could not run npm: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);

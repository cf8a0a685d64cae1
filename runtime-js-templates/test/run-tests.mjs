// Runs the compiled Node tests (build/test/**/*.test.js) with the module hooks registered.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, "build", "test");
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".test.js"))
  // only tests whose source still exists (build/ is not cleaned by mvn clean)
  .filter((f) => existsSync(join(root, "test", f.replace(/\.js$/, ".ts"))))
  .sort()
  .map((f) => join(dir, f));
if (files.length === 0) {
  console.error(`no compiled tests under ${dir}; run tsc -p tsconfig.test.json first`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--import", new URL("./support/register.mjs", import.meta.url).href, "--test", ...files],
  { stdio: "inherit", cwd: root },
);
process.exit(result.status ?? 1);

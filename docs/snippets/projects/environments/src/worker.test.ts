// Per-environment values in Worker unit tests, without Docker. The docs quote the region; the docs
// test generates `./_generated`, type-checks this file under `tsc --strict` and runs it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContainerTestContext } from "./_generated/cfc-testing.js";
import { containers, type Env } from "./_generated/handles.js";

// region test-context-environment
const apiClass = {
  labels: { team: "shop" },
  environments: { production: { labels: { team: "shop", tier: "critical" } } },
};

test("production starts carry production's labels", async () => {
  const t = createContainerTestContext<Env>({}, { environment: "production" });
  t.container("CONTAINER_API", apiClass);

  await containers(t.env, t.deps).api.get("a").fetch("/");

  assert.deepEqual(t.starts.map((s) => [s.environment, s.labels]), [["production", { team: "shop", tier: "critical" }]]);
});

test("the top level, and staging (no values of its own), run with the top-level values", async () => {
  for (const options of [{}, { environment: "staging" }]) {
    const t = createContainerTestContext<Env>({}, options);
    t.container("CONTAINER_API", apiClass);
    await containers(t.env, t.deps).api.get("a").fetch("/");
    assert.deepEqual(t.starts.map((s) => s.labels), [{ team: "shop" }]);
  }
});
// endregion

// Per-environment run-time values at the Durable Object level: the generated fixture class
// (production differs from the top level; staging does not) instantiated with the Worker env of
// each environment against the fake DurableObjectState, and the same selection in
// createContainerTestContext.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ENVIRONMENT_VAR, HARD_TIMEOUT_CALLBACK } from "../src/cfc-runtime.js";
import { createContainerTestContext } from "../src/cfc-testing.js";
import { TranscoderContainer } from "./fixture-generated/TranscoderContainer.js";
import { containers } from "./fixture-generated/handles.js";
import { idle } from "./support/fake-clock.js";
import { type FakePlatform, fakePlatform } from "./support/fake-durable-object.js";

/** The Worker env of one deploy: top level (no CFC_ENVIRONMENT) or `--env <name>`. */
const workerEnv = (environment?: string) => ({
  ...(environment === undefined ? {} : { [ENVIRONMENT_VAR]: environment }),
  TRANSCODER_API_KEY: "api-key",
  TRANSCODER_LICENSE: "license",
  STRIPE_SECRET: { get: async () => "sk_test" },
  STRIPE_LIVE_SECRET: { get: async () => "sk_live" },
});

async function transcoder(platform: FakePlatform, env: object): Promise<TranscoderContainer> {
  const Cls = TranscoderContainer as unknown as new (ctx: never, env: never) => TranscoderContainer;
  const instance = new Cls(platform.ctx as never, env as never);
  await idle();
  return instance;
}

/** The app of both scopes: every probe path answers (204 on /live, 200 elsewhere). */
const healthy = () => fakePlatform({ behaviour: (_port, url) => (url.endsWith("/live") ? new Response(null, { status: 204 }) : undefined) });

type Started = { env: Record<string, string>; enableInternet: boolean; labels: Record<string, string> };

const probeUrls = (p: FakePlatform) => p.portCalls.filter((c) => /\/(ready|live)$/.test(c.url)).map((c) => [c.port, c.url]);

describe("per-environment values", () => {
  it("production: its env vars, secrets, Secrets Store binding, labels, egress and probes reach the start", async () => {
    const platform = healthy();
    const container = await transcoder(platform, workerEnv("production"));
    const response = await container.fetch(new Request("https://api.example.com/x"));
    assert.equal(response.status, 200);

    const started = platform.starts[0] as Started;
    assert.deepEqual(started.env, {
      LOG_LEVEL: "warn",
      GREETING: 'say "hi" `${not}` */ \n',
      TRANSCODER_API_KEY: "api-key",
      TRANSCODER_LICENSE: "license",
      STRIPE_KEY: "sk_live",
    });
    assert.deepEqual(started.labels, { team: "media", tier: "gpu-large" });
    assert.equal(started.enableInternet, true);
    assert.deepEqual(container.allowedHosts, ["api.stripe.com"]);
    assert.deepEqual(container.deniedHosts, ["*.evil.com"], "what production does not override stays the top level's");
    assert.deepEqual(probeUrls(platform), [[8080, "http://container/ready"]]);
  });

  it("production: sleepAfter is read by the base class at construction, and the hard timeout is its own", async () => {
    const platform = fakePlatform();
    const before = Date.now();
    const container = await transcoder(platform, workerEnv("production"));
    assert.equal(container.sleepAfter, "30m");
    // The base class's private deadline of the activity timeout, armed in its constructor.
    const idleMs = (container as unknown as { sleepAfterMs: number }).sleepAfterMs - before;
    assert.ok(idleMs >= 30 * 60_000 && idleMs < 31 * 60_000, `activity timeout armed for ${idleMs} ms, not 30 minutes`);
    await container.start();
    assert.deepEqual(platform.schedules, [{ callback: HARD_TIMEOUT_CALLBACK, payload: { generation: 1 }, delay: 7200 }]);
  });

  for (const [scope, environment] of [
    ["the top level", undefined],
    ["an environment without values of its own", "staging"],
  ] as const) {
    it(`${scope} runs with the top-level values`, async () => {
      const platform = healthy();
      const container = await transcoder(platform, workerEnv(environment));
      assert.equal((await container.fetch(new Request("https://api.example.com/x"))).status, 200);
      const started = platform.starts[0] as Started;
      assert.deepEqual(started.env, {
        LOG_LEVEL: "info",
        GREETING: 'say "hi" `${not}` */ \n',
        TRANSCODER_API_KEY: "api-key",
        STRIPE_KEY: "sk_test",
      });
      assert.deepEqual(started.labels, { team: "media", tier: "gpu" });
      assert.equal(started.enableInternet, false);
      assert.deepEqual(container.allowedHosts, ["*.stripe.com", "api.github.com"]);
      assert.equal(container.sleepAfter, "5m");
      assert.deepEqual(probeUrls(platform), [[8080, "http://container/ready"], [9090, "http://container/live"]]);
      await container.stop();
      platform.schedules.length = 0;
      await container.start();
      assert.equal(platform.schedules[0]?.delay, 3600);
    });
  }

  it("a secret only production needs fails production's start, naming it, and not the top level's", async () => {
    const { TRANSCODER_LICENSE: _license, STRIPE_LIVE_SECRET: _live, ...withoutProductionSecrets } = workerEnv("production");
    const production = fakePlatform();
    const response = await (await transcoder(production, withoutProductionSecrets)).fetch(new Request("https://api.example.com/x"));
    assert.equal(response.status, 500);
    assert.match(await response.text(), /missing from the Worker env: secret TRANSCODER_LICENSE, Secrets Store binding STRIPE_LIVE_SECRET \(for STRIPE_KEY\)/);
    assert.equal(production.starts.length, 0);

    const { [ENVIRONMENT_VAR]: _env, ...topLevel } = withoutProductionSecrets;
    const top = healthy();
    assert.equal((await (await transcoder(top, topLevel)).fetch(new Request("https://api.example.com/x"))).status, 200);
  });
});

describe("createContainerTestContext per environment", () => {
  const transcoderClass = {
    labels: { team: "media", tier: "gpu" },
    requiredPorts: [8080, 9090],
    readinessTimeoutMs: 30_000,
    environments: { production: { labels: { team: "media", tier: "gpu-large" }, readinessTimeoutMs: 60_000 } },
  };

  it("the environment option selects that environment's labels and budget, and is recorded per start", async () => {
    const t = createContainerTestContext({}, { environment: "production" });
    t.container("CONTAINER_TRANSCODER", transcoderClass);
    t.openPortLate("CONTAINER_TRANSCODER", 8080, 45_000);
    const c = containers(t.env as never, t.deps);
    const response = await c.transcoder.get("v1").fetch("/x");
    assert.equal(response.status, 200, "45 s fits production's 60 s budget");
    assert.deepEqual(
      t.starts.map((s) => [s.labels, s.environment]),
      [[{ team: "media", tier: "gpu-large" }, "production"]],
    );
  });

  it("without it, or naming an environment that sets nothing, the top-level values apply", async () => {
    for (const options of [{}, { environment: "staging" }]) {
      const t = createContainerTestContext({}, options);
      t.container("CONTAINER_TRANSCODER", transcoderClass);
      t.openPortLate("CONTAINER_TRANSCODER", 8080, 45_000);
      const c = containers(t.env as never, t.deps);
      const response = await c.transcoder.get("v1").fetch("/x");
      assert.equal(response.status, 503, "45 s exceeds the top level's 30 s budget");
      assert.deepEqual(t.starts.map((s) => s.labels), [{ team: "media", tier: "gpu" }]);
    }
  });
});

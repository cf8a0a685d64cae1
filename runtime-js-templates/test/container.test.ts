// Tests of CfcContainer at the Durable Object level: the generated fixture classes and the real
// @cloudflare/containers dist (loaded in plain Node by test/support/hooks.mjs), against a fake
// DurableObjectState whose container records its starts and opens ports on a script.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HARD_TIMEOUT_CALLBACK, RUN_GENERATION_KEY } from "../src/cfc-runtime.js";
import { TranscoderContainer } from "./fixture-generated/TranscoderContainer.js";
import { JobContainer } from "./fixture-generated/JobContainer.js";
import { FakeClock, idle } from "./support/fake-clock.js";
import { type FakePlatform, fakePlatform } from "./support/fake-durable-object.js";

const workerEnv = () => ({
  TRANSCODER_API_KEY: "api-key",
  STRIPE_SECRET: { get: async () => "sk_test" },
});

type Generated = typeof TranscoderContainer | typeof JobContainer;

async function instantiate<C extends Generated>(cls: C, platform: FakePlatform, env: object, clock?: FakeClock): Promise<InstanceType<C>> {
  const Base = cls as unknown as new (ctx: never, env: never) => InstanceType<C>;
  const instance = new Base(platform.ctx as never, env as never);
  if (clock !== undefined) (instance as unknown as { cfcClock: FakeClock }).cfcClock = clock;
  await idle();
  return instance;
}

const transcoder = (platform: FakePlatform, env: object = workerEnv(), clock?: FakeClock) =>
  instantiate(TranscoderContainer, platform, env, clock);

/** The transcoder's app: /ready answers 503 until `readyAt` ms, /live answers 204. */
const readyFrom = (readyAt: number) => (_port: number, url: string, at: number) =>
  url.endsWith("/ready") && at < readyAt ? new Response("warming", { status: 503 }) : url.endsWith("/live") ? new Response(null, { status: 204 }) : undefined;

const probeCalls = (p: FakePlatform) => p.portCalls.filter((c) => /\/(ready|live)$/.test(c.url));

describe("CfcContainer", () => {
  it("starts with the assembled env, runs probes outside blockConcurrencyWhile, then proxies with metadata", async () => {
    const platform = fakePlatform({ behaviour: (_port, url) => (url.endsWith("/live") ? new Response(null, { status: 204 }) : undefined) });
    const container = await transcoder(platform);
    const request = new Request("https://api.example.com/admin?x=1", {
      headers: { "cf-container-target-port": "9090", "cf-ray": "ray-1", "cf-connecting-ip": "198.51.100.1" },
    });
    const response = await container.fetch(request);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), "hello from 9090");

    assert.equal(platform.starts.length, 1);
    const started = platform.starts[0] as { env: Record<string, string>; enableInternet: boolean; entrypoint: string[] };
    assert.deepEqual(started.env, {
      LOG_LEVEL: "info",
      GREETING: 'say "hi" `${not}` */ \n',
      TRANSCODER_API_KEY: "api-key",
      STRIPE_KEY: "sk_test",
    });
    assert.equal(started.enableInternet, false);
    assert.deepEqual(started.entrypoint, ["java", "-jar", "/app.jar"]);

    const probes = probeCalls(platform);
    assert.deepEqual(probes.map((c) => [c.port, c.url]), [[8080, "http://container/ready"], [9090, "http://container/live"]]);
    assert.ok(probes.every((c) => !c.insideBlock), "probes must not run inside blockConcurrencyWhile");

    const proxied = platform.portCalls[platform.portCalls.length - 1]!;
    assert.equal(proxied.port, 9090);
    assert.equal(proxied.url, "http://api.example.com/admin?x=1");
    assert.match(proxied.headers.get("x-cfc-metadata") ?? "", /^v=1;id=ray-1;colo=;region=;country=;ip=198.51.100.1;worker=media-api;method=GET;path=%2Fadmin;/);

    // A second request neither restarts nor re-probes.
    await container.fetch(new Request("https://api.example.com/again"));
    assert.equal(platform.starts.length, 1);
    assert.equal(probeCalls(platform).length, 2);
  });

  it("answers 503 naming the failing probe when the readiness budget runs out", async () => {
    const clock = new FakeClock();
    const platform = fakePlatform({ behaviour: (port, url) => (port === 9090 && url.endsWith("/live") ? new Response("", { status: 500 }) : undefined) });
    const container = await transcoder(platform, workerEnv(), clock);
    const response = await clock.run(container.fetch(new Request("https://api.example.com/x")));
    assert.equal(response.status, 503);
    const body = await response.text();
    assert.match(body, /^cfc: container transcoder is not ready within 30000 ms\n/);
    assert.match(body, /probe GET :9090\/live \(expects 204\) failed: status 500/);
    assert.equal(clock.now(), 30_000);
    assert.ok(probeCalls(platform).every((c) => !c.insideBlock));
    assert.ok(!platform.portCalls.some((c) => c.url.endsWith("/x")), "the request never reached the app");
  });

  it("fails the start naming every missing secret and binding, without starting", async () => {
    const platform = fakePlatform();
    const container = await transcoder(platform, {});
    const response = await container.fetch(new Request("https://api.example.com/x"));
    assert.equal(response.status, 500);
    assert.match(await response.text(), /missing from the Worker env: secret TRANSCODER_API_KEY, Secrets Store binding STRIPE_SECRET \(for STRIPE_KEY\)/);
    assert.equal(platform.starts.length, 0);
    await assert.rejects(container.start(), /TRANSCODER_API_KEY/);
  });

  it("start({ envVars }) replaces the assembled set", async () => {
    const platform = fakePlatform();
    const container = await transcoder(platform, {});
    await container.start({ envVars: { ONLY: "this" } });
    assert.deepEqual((platform.starts[0] as { env: unknown }).env, { ONLY: "this" });
  });

  it("arms the hard timeout once per run; a stale generation never stops a fresh run; default stops", async () => {
    const platform = fakePlatform();
    const container = await transcoder(platform);
    await container.start();
    await container.start(); // already running: same run
    await container.onStart(); // onStart firing twice is harmless
    assert.equal(platform.storage.get(RUN_GENERATION_KEY), 1);
    assert.deepEqual(platform.schedules, [{ callback: HARD_TIMEOUT_CALLBACK, payload: { generation: 1 }, delay: 3600 }]);

    await container.stop();
    assert.equal(platform.container.running, false);
    await container.start();
    assert.equal(platform.storage.get(RUN_GENERATION_KEY), 2);
    assert.deepEqual(platform.schedules.map((s) => s.payload), [{ generation: 1 }, { generation: 2 }]);

    platform.signals.length = 0;
    await container.onHardTimeoutExpired({ generation: 1 });
    assert.equal(platform.container.running, true, "the timer of run 1 must not stop run 2");
    assert.deepEqual(platform.signals, []);

    await container.onHardTimeoutExpired({ generation: 2 });
    assert.equal(platform.container.running, false);
    assert.deepEqual(platform.signals, [15]);
  });

  it("a container without probes, hard timeout or metadata proxies straight through", async () => {
    const platform = fakePlatform();
    const job = await instantiate(JobContainer, platform, {});
    const response = await job.fetch(new Request("https://w.example/run", { headers: { "x-cfc-metadata": "client" } }));
    assert.equal(response.status, 200);
    assert.equal(platform.schedules.length, 0);
    assert.equal(probeCalls(platform).length, 0);
    assert.equal(platform.portCalls[platform.portCalls.length - 1]!.headers.get("x-cfc-metadata"), "client");
    assert.equal(platform.storage.get(RUN_GENERATION_KEY), 1);
  });

  it("passes the definition's labels to ctx.container.start on every start path", async () => {
    const labels = { team: "media", tier: "gpu" };
    const viaFetch = fakePlatform({ behaviour: (_port, url) => (url.endsWith("/live") ? new Response(null, { status: 204 }) : undefined) });
    await (await transcoder(viaFetch)).fetch(new Request("https://api.example.com/x"));
    assert.deepEqual(viaFetch.starts.map((s) => s.labels), [labels]);

    const viaStart = fakePlatform();
    await (await transcoder(viaStart)).start({ envVars: { ONLY: "this" } });
    assert.deepEqual(viaStart.starts.map((s) => s.labels), [labels]);

    const viaPorts = fakePlatform();
    await (await transcoder(viaPorts)).startAndWaitForPorts();
    assert.deepEqual(viaPorts.starts.map((s) => s.labels), [labels]);

    const explicit = fakePlatform();
    await (await transcoder(explicit)).start({ labels: { tenant: "acme" } });
    assert.deepEqual(explicit.starts.map((s) => s.labels), [{ tenant: "acme" }], "explicit start options replace them");

    const unlabelled = fakePlatform();
    await (await instantiate(JobContainer, unlabelled, {})).start();
    assert.deepEqual(unlabelled.starts.map((s) => s.labels), [undefined]);
  });

  it("a request-started container without probes gets traffic only once every required port listens", async () => {
    const clock = new FakeClock();
    const platform = fakePlatform({ clock, opensAt: { 9091: 2_000 } });
    const job = await instantiate(JobContainer, platform, {}, clock);
    const response = await clock.run(job.fetch(new Request("https://w.example/run")));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), "hello from 8080");
    const app = platform.appCalls();
    assert.deepEqual(app.map((c) => [c.port, c.url]), [[8080, "http://w.example/run"]]);
    assert.ok(app[0]!.at >= 2_000, `the request reached the app at ${app[0]!.at} ms, before port 9091 listened`);
    assert.ok(platform.portCalls.some((c) => c.port === 9091 && !c.open), "port 9091 was waited for");
    assert.ok(platform.portCalls.filter((c) => c.port === 9091).every((c) => !c.insideBlock));
    assert.equal(platform.starts.length, 1);
  });

  it("answers 503 naming the port that never listens, at the end of the readiness budget", async () => {
    const clock = new FakeClock();
    const platform = fakePlatform({ clock, opensAt: { 9091: Infinity } });
    const job = await instantiate(JobContainer, platform, {}, clock);
    const response = await clock.run(job.fetch(new Request("https://w.example/run")));
    assert.equal(response.status, 503);
    assert.equal(await response.text(), "cfc: container job is not ready within 30000 ms\nport 9091 not listening\n");
    assert.equal(response.headers.get("x-cfc-not-ready"), ":9091");
    assert.equal(clock.now(), 30_000);
    assert.deepEqual(platform.appCalls(), [], "the request never reached the app");
  });

  it("one budget covers ports and probes: a late port leaves the probes only what remains", async () => {
    const clock = new FakeClock();
    // /ready answers 503 until 35 s; 9090 opens at 20 s. Separate budgets would let it pass.
    const platform = fakePlatform({ clock, opensAt: { 9090: 20_000 }, behaviour: readyFrom(35_000) });
    const container = await transcoder(platform, workerEnv(), clock);
    const response = await clock.run(container.fetch(new Request("https://api.example.com/x")));
    assert.equal(response.status, 503);
    assert.equal(clock.now(), 30_000);
    assert.equal(await response.text(), "cfc: container transcoder is not ready within 30000 ms\nprobe GET :8080/ready failed: status 503\n");
    assert.deepEqual(platform.appCalls().filter((c) => c.url.endsWith("/x")), []);
  });

  it("with probes, traffic waits for the late port and the probes, then flows", async () => {
    const clock = new FakeClock();
    const platform = fakePlatform({ clock, opensAt: { 9090: 20_000 }, behaviour: readyFrom(25_000) });
    const container = await transcoder(platform, workerEnv(), clock);
    const response = await clock.run(container.fetch(new Request("https://api.example.com/x")));
    assert.equal(response.status, 200);
    const reached = platform.appCalls().filter((c) => c.url.endsWith("/x"));
    assert.equal(reached.length, 1);
    assert.ok(reached[0]!.at >= 25_000);
    const live = platform.portCalls.filter((c) => c.url.endsWith("/live"));
    assert.ok(live.some((c) => !c.open) && live.some((c) => c.open), "the probe on 9090 ran before and after the port opened");
  });
});

// Tests of CfcContainer itself, through the generated fixture class and the real
// @cloudflare/containers dist (loaded in plain Node by test/support/hooks.mjs), against a fake
// Durable Object context and a fake container.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HARD_TIMEOUT_CALLBACK, RUN_GENERATION_KEY } from "../src/cfc-runtime.js";
import { TranscoderContainer } from "./fixture-generated/TranscoderContainer.js";
import { JobContainer } from "./fixture-generated/JobContainer.js";
import { FakeClock, idle } from "./support/fake-clock.js";

interface PortCall {
  port: number;
  url: string;
  insideBlock: boolean;
  headers: Headers;
}

type PortBehaviour = (port: number, url: string) => Response | undefined;

function fakePlatform(behaviour: PortBehaviour = () => undefined) {
  const storage = new Map<string, unknown>();
  const portCalls: PortCall[] = [];
  const starts: unknown[] = [];
  const signals: number[] = [];
  const schedules: Array<{ callback: string; payload: unknown; delay: number }> = [];
  let blockDepth = 0;
  const container = {
    running: false,
    start(config: unknown) {
      starts.push(config);
      this.running = true;
    },
    monitor: () => new Promise<void>(() => undefined),
    signal(n: number) {
      signals.push(n);
      container.running = false;
    },
    destroy: async () => {
      container.running = false;
    },
    interceptOutboundHttp: async () => undefined,
    interceptOutboundHttps: async () => undefined,
    interceptAllOutboundHttp: async () => undefined,
    getTcpPort: (port: number) => ({
      fetch: async (url: string, init?: RequestInit | Request) => {
        const headers = new Headers(init instanceof Request ? init.headers : init?.headers);
        portCalls.push({ port, url, insideBlock: blockDepth > 0, headers });
        const response = behaviour(port, url) ?? new Response(`hello from ${port}`, { status: 200 });
        Object.defineProperty(response, "webSocket", { value: null });
        return response;
      },
    }),
  };
  const ctx = {
    id: { toString: () => "fake-id" },
    exports: { ContainerProxy: () => ({}) },
    container,
    waitUntil: () => undefined,
    abort: () => undefined,
    blockConcurrencyWhile: async <T>(fn: () => Promise<T>): Promise<T> => {
      blockDepth++;
      try {
        return await fn();
      } finally {
        blockDepth--;
      }
    },
    storage: {
      get: async (key: string) => storage.get(key),
      put: async (key: string, value: unknown) => void storage.set(key, value),
      kv: { get: () => undefined, put: () => undefined },
      setAlarm: async () => undefined,
      deleteAlarm: async () => undefined,
      sync: async () => undefined,
      sql: {
        exec: (query: string, ...values: unknown[]) => {
          if (/INSERT OR REPLACE INTO container_schedules/.test(query) && /'delayed'/.test(query)) {
            schedules.push({ callback: String(values[1]), payload: JSON.parse(String(values[2])), delay: Number(values[3]) });
          }
          return [][Symbol.iterator]();
        },
      },
    },
  };
  return { ctx, container, storage, portCalls, starts, signals, schedules };
}

const workerEnv = () => ({
  TRANSCODER_API_KEY: "api-key",
  STRIPE_SECRET: { get: async () => "sk_test" },
});

async function transcoder(platform: ReturnType<typeof fakePlatform>, env: object = workerEnv(), clock?: FakeClock) {
  class Testable extends TranscoderContainer {
    constructor() {
      super(platform.ctx as never, env as never);
      if (clock !== undefined) this.cfcClock = clock;
    }
  }
  const instance = new Testable();
  await idle();
  return instance;
}

const probeCalls = (p: ReturnType<typeof fakePlatform>) => p.portCalls.filter((c) => /\/(ready|live)$/.test(c.url));

describe("CfcContainer", () => {
  it("starts with the assembled env, runs probes outside blockConcurrencyWhile, then proxies with metadata", async () => {
    const platform = fakePlatform((_port, url) => (url.endsWith("/live") ? new Response(null, { status: 204 }) : undefined));
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
    const platform = fakePlatform((port, url) => (port === 9090 && url.endsWith("/live") ? new Response("", { status: 500 }) : undefined));
    const container = await transcoder(platform, workerEnv(), clock);
    const response = await clock.run(container.fetch(new Request("https://api.example.com/x")));
    assert.equal(response.status, 503);
    const body = await response.text();
    assert.match(body, /container transcoder is not ready: readiness probes did not pass within 30000 ms/);
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
    class Job extends JobContainer {
      override defaultPort = 8080;
      constructor() {
        super(platform.ctx as never, {} as never);
      }
    }
    const job = new Job();
    await idle();
    const response = await job.fetch(new Request("https://w.example/run", { headers: { "x-cfc-metadata": "client" } }));
    assert.equal(response.status, 200);
    assert.equal(platform.schedules.length, 0);
    assert.equal(probeCalls(platform).length, 0);
    assert.equal(platform.portCalls[platform.portCalls.length - 1]!.headers.get("x-cfc-metadata"), "client");
    assert.equal(platform.storage.get(RUN_GENERATION_KEY), 1);
  });
});

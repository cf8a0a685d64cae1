// The generated class of a definition with `extendsClass(...)` at the Durable Object level: the
// fixture's HookedContainer (as the emitter writes it) over the user's HookedBase
// (test/fixture-user), on the real @cloudflare/containers dist and a fake DurableObjectState.
import assert from "node:assert/strict";
import { describe, it, mock } from "node:test";
import { ContainerProxy } from "@cloudflare/containers";
import { HARD_TIMEOUT_CALLBACK, RUN_GENERATION_KEY } from "../src/cfc-runtime.js";
import { HookedContainer } from "./fixture-generated/HookedContainer.js";
import { outboundSeen } from "./fixture-user/hooked-base.js";
import { idle } from "./support/fake-clock.js";
import { type FakePlatform, fakePlatform } from "./support/fake-durable-object.js";

async function hooked(platform: FakePlatform): Promise<HookedContainer> {
  const Generated = HookedContainer as unknown as new (ctx: never, env: never) => HookedContainer;
  const instance = new Generated(platform.ctx as never, {} as never);
  await idle();
  return instance;
}

/** console.error calls during `run`, as text. */
async function errorsLogged(run: () => Promise<unknown>): Promise<string[]> {
  const logged = mock.method(console, "error", () => undefined);
  try {
    await run();
  } finally {
    logged.mock.restore();
  }
  return logged.mock.calls.map((c) => c.arguments.map((a) => (a instanceof Error ? a.message : String(a))).join(" "));
}

/** Sends a request the container makes through the real ContainerProxy, with the props the class installed. */
function fromContainer(platform: FakePlatform, url: string): Promise<Response> {
  const props = platform.proxyProps[platform.proxyProps.length - 1];
  assert.ok(props !== undefined, "the class installed no outbound interception");
  const Proxy = ContainerProxy as unknown as new (ctx: unknown, env: unknown) => { fetch(request: Request): Promise<Response> };
  return new Proxy({ props }, {}).fetch(new Request(url));
}

const hooksCalled = (c: HookedContainer) => c.hookCalls.map((h) => h.hook);

describe("a generated class extending the user's class", () => {
  it("calls the user's onStart on every start, after cfc's once-per-run part (run generation, hard timeout)", async () => {
    const platform = fakePlatform();
    const container = await hooked(platform);
    await container.start();
    await container.start(); // already running: no new run, but the platform may call onStart again
    assert.equal(platform.storage.get(RUN_GENERATION_KEY), 1, "the user's onStart does not call super; cfc's part ran anyway");
    assert.deepEqual(platform.schedules, [{ callback: HARD_TIMEOUT_CALLBACK, payload: { generation: 1 }, delay: 1800 }]);
    assert.deepEqual(container.hookCalls.filter((h) => h.hook === "onStart").map((h) => h.args), [[], []]);
  });

  it("calls the user's onStop with the platform's stop params", async () => {
    const platform = fakePlatform();
    const container = await hooked(platform);
    await container.start();
    await container.stop();
    assert.deepEqual(container.hookCalls.filter((h) => h.hook === "onStop").map((h) => h.args), [[{ exitCode: 0, reason: "exit" }]]);
  });

  it("reports a failing hook with the container and hook, and rethrows it to the platform", async () => {
    const platform = fakePlatform();
    const container = await hooked(platform);
    await container.start();
    container.failing.add("onStop");
    let thrown: unknown;
    const logged = await errorsLogged(() => container.stop().catch((error: unknown) => (thrown = error)));
    assert.match(String(thrown), /onStop failed on purpose/);
    assert.deepEqual(logged, ["cfc: onStop of container hooked failed: onStop failed on purpose"]);

    const fresh = fakePlatform();
    const another = await hooked(fresh);
    another.failing.add("onStart");
    let startError: unknown;
    const startLogged = await errorsLogged(() => another.start().catch((error: unknown) => (startError = error)));
    assert.match(String(startError), /onStart failed on purpose/);
    assert.deepEqual(startLogged, ["cfc: onStart of container hooked failed: onStart failed on purpose"]);
    assert.equal(fresh.storage.get(RUN_GENERATION_KEY), 1, "cfc's part of onStart ran before the failing hook");
  });

  it("passes onError's argument and result through; only an error of the hook itself is reported", async () => {
    const platform = fakePlatform();
    const container = await hooked(platform);
    const crash = new Error("container crashed");
    assert.equal(await container.onError(crash), "handled");
    assert.deepEqual(container.hookCalls.map((h) => [h.hook, h.args]), [["onError", [crash]]]);

    container.failing.add("onError");
    let thrown: unknown;
    const logged = await errorsLogged(() => container.onError(crash).catch((error: unknown) => (thrown = error)));
    assert.match(String(thrown), /onError failed on purpose/);
    assert.deepEqual(logged, ["cfc: onError of container hooked failed: onError failed on purpose"]);
  });

  it("calls the user's onActivityExpired, whose super call stops the container", async () => {
    const platform = fakePlatform();
    const container = await hooked(platform);
    await container.start();
    const logged = mock.method(console, "log", () => undefined);
    try {
      await container.onActivityExpired();
    } finally {
      logged.mock.restore();
    }
    assert.ok(hooksCalled(container).includes("onActivityExpired"));
    assert.equal(platform.container.running, false);
    assert.deepEqual(platform.signals, [15]);
  });

  it("keeps the hard-timeout generation guard: a stale timer never reaches the user's onHardTimeout", async () => {
    const platform = fakePlatform();
    const container = await hooked(platform);
    await container.start();
    await container.stop();
    await container.start();
    assert.equal(platform.storage.get(RUN_GENERATION_KEY), 2);
    platform.signals.length = 0;

    await container.onHardTimeoutExpired({ generation: 1 });
    assert.ok(!hooksCalled(container).includes("onHardTimeout"), "the timer of run 1 reached the hook in run 2");
    assert.equal(platform.container.running, true);

    await container.onHardTimeoutExpired({ generation: 2 });
    assert.deepEqual(container.hookCalls.filter((h) => h.hook === "onHardTimeout").map((h) => h.args), [[]]);
    assert.deepEqual(platform.signals, [9], "the user's hook replaced the default stop (SIGKILL instead of SIGTERM)");
  });

  it("registers the user's outbound handlers under the class wrangler binds", async () => {
    const platform = fakePlatform();
    const container = await hooked(platform);
    await container.start();
    assert.ok(platform.intercepts.some(([kind]) => kind === "all"), "the catch-all handler makes the class intercept every host");
    assert.equal(platform.proxyProps[platform.proxyProps.length - 1]?.["className"], "HookedContainer");

    outboundSeen.length = 0;
    const partner = await fromContainer(platform, "https://api.partner.example/v1/media?id=7");
    assert.equal(await partner.text(), "partner for HookedContainer");
    assert.deepEqual(outboundSeen, [["byHost", "https://api.partner.example/v1/media?id=7", "Bearer partner-token"]]);

    const other = await fromContainer(platform, "https://cdn.mirror.example/x");
    assert.equal(other.status, 418, "a host without its own handler reaches the user's catch-all outbound");
  });

  it("setOutboundHandler finds the user's named handlers (outboundHandlers) on the generated class", async () => {
    const platform = fakePlatform();
    const container = await hooked(platform);
    await container.start();
    await container.mirrorEverything("t1");
    outboundSeen.length = 0;
    const response = await fromContainer(platform, "https://cdn.mirror.example/a");
    assert.equal(await response.text(), "mirrored");
    assert.deepEqual(outboundSeen, [["mirror", "https://cdn.mirror.example/a", "t1"]]);
    await assert.rejects(container.setOutboundHandler("missing"), /Outbound handler method 'missing' not found in outboundHandlers for HookedContainer/);
  });
});

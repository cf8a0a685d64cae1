import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createContainerHandle, pickUntried } from "../src/cfc-handles.js";
import { createContainerTestContext, seededRandom } from "../src/cfc-testing.js";
import { containers, type Env } from "./fixture-generated/handles.js";

const COLD = "There is no Container instance available at this time.";

describe("handles", () => {
  it("get(id) is ns.get(ns.idFromName(id)) and port(n) sets cf-container-target-port", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    const handle = createContainerHandle(t.env.NS, { maxInstances: 3 }, t.deps);
    await handle.get("tenant-1").port(9090).fetch("/admin?x=1");
    await handle.get("tenant-1").fetch("/plain");
    assert.deepEqual(
      t.calls.map((c) => [c.instance, c.port, c.method, c.path]),
      [
        ["tenant-1", 9090, "GET", "/admin?x=1"],
        ["tenant-1", undefined, "GET", "/plain"],
      ],
    );
    assert.throws(() => handle.get("a").port(70000), RangeError);
  });

  it("lifecycle and egress calls reach the matching RPC methods", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    const h = createContainerHandle(t.env.NS, { maxInstances: 1 }, t.deps).get("a");
    await h.start({ envVars: { A: "1" } });
    assert.equal((await h.getState()).status, "healthy");
    await h.renewActivityTimeout();
    await h.egress.allow("a.com");
    await h.egress.deny("b.com");
    await h.egress.setAllowed(["c.com", "d.com"]);
    await h.egress.removeAllowed("c.com");
    await h.egress.setDenied(["e.com"]);
    await h.egress.removeDenied("e.com");
    await h.stop("SIGINT");
    await h.destroy();
    assert.deepEqual(
      t.rpcs.map((r) => [r.method, r.args]),
      [
        ["start", [{ envVars: { A: "1" } }]],
        ["getState", []],
        ["renewActivityTimeout", []],
        ["allowHost", ["a.com"]],
        ["denyHost", ["b.com"]],
        ["setAllowedHosts", [["c.com", "d.com"]]],
        ["removeAllowedHost", ["c.com"]],
        ["setDeniedHosts", [["e.com"]]],
        ["removeDeniedHost", ["e.com"]],
        ["stop", ["SIGINT"]],
        ["destroy", []],
      ],
    );
    assert.deepEqual(t.instance("NS", "a").allowedHosts, ["d.com"]);
    assert.equal(t.instance("NS", "a").status, "stopped");
  });

  it("get() retries a cold start on the same instance", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    t.coldStart("NS", 2);
    t.respond("NS", "/work", { status: 201, body: "done" });
    const response = await createContainerHandle(t.env.NS, { maxInstances: 3 }, t.deps).get("v").fetch("/work", { method: "POST", body: "b" });
    assert.equal(response.status, 201);
    assert.deepEqual(t.calls.map((c) => [c.instance, c.outcome, c.body]), [["v", 503, "b"], ["v", 503, "b"], ["v", 201, "b"]]);
    assert.deepEqual(t.sleeps, [500, 1000]);
  });

  it("any() spreads uniformly over exactly maxInstances (chi-square, df=4, p=0.001)", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>({}, { seed: 7 });
    const handle = createContainerHandle(t.env.NS, { maxInstances: 5 }, t.deps);
    const n = 20_000;
    const picked = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const name = handle.any().name;
      picked.set(name, (picked.get(name) ?? 0) + 1);
    }
    assert.deepEqual([...picked.keys()].sort(), ["instance-0", "instance-1", "instance-2", "instance-3", "instance-4"]);
    const expected = n / 5;
    const chi2 = [...picked.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    assert.ok(chi2 < 18.47, `chi-square ${chi2} exceeds 18.47`);
    await handle.any().fetch("/");
    assert.match(t.calls[0]!.instance, /^instance-[0-4]$/);
  });

  it("poolSize overrides maxInstances", () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    const handle = createContainerHandle(t.env.NS, { maxInstances: 50, poolSize: 2 }, t.deps);
    const names = new Set(Array.from({ length: 200 }, () => handle.any().name));
    assert.deepEqual([...names].sort(), ["instance-0", "instance-1"]);
  });

  it("pool() never tries a failed instance twice in one call", async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const t = createContainerTestContext<{ NS: DurableObjectNamespace }>({}, { seed });
      for (const bad of ["instance-0", "instance-1", "instance-3"]) {
        t.respond("NS", { path: "*", instance: bad }, { status: 500, body: "boom" });
      }
      t.respond("NS", { path: "*", instance: "instance-2" }, () => {
        throw new Error("Network connection lost.");
      });
      const pool = createContainerHandle(t.env.NS, { maxInstances: 5 }, t.deps).pool({ attempts: 5 });
      const response = await pool.fetch("/job", { method: "POST", body: "x" });
      const tried = t.calls.map((c) => c.instance);
      assert.equal(new Set(tried).size, tried.length, `seed ${seed}: ${tried.join(",")}`);
      assert.equal(response.status, 200);
      assert.equal(tried[tried.length - 1], "instance-4");
      assert.deepEqual(t.sleeps, [100, 200, 400, 800].slice(0, tried.length - 1));
    }
  });

  it("pool() gives up after `attempts` instances, returning the last 5xx", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    t.respond("NS", "*", { status: 502, body: "bad" });
    const response = await createContainerHandle(t.env.NS, { maxInstances: 10 }, t.deps).pool({ attempts: 3 }).port(9090).fetch("/w");
    assert.equal(response.status, 502);
    assert.equal(t.calls.length, 3);
    assert.ok(t.calls.every((c) => c.port === 9090));
    assert.equal(new Set(t.calls.map((c) => c.instance)).size, 3);
  });

  it("pool() attempts are bounded by the number of instances", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    t.respond("NS", "*", () => {
      throw new Error("boom");
    });
    await assert.rejects(createContainerHandle(t.env.NS, { maxInstances: 2 }, t.deps).pool({ attempts: 9 }).fetch("/w"), /boom/);
    assert.equal(t.calls.length, 2);
  });

  it("pickUntried is uniform over the remaining instances", () => {
    const counts = [0, 0, 0, 0, 0];
    const random = seededRandom(3);
    for (let i = 0; i < 9000; i++) counts[pickUntried(5, new Set([1, 3]), random)]!++;
    assert.equal(counts[1], 0);
    assert.equal(counts[3], 0);
    for (const k of [0, 2, 4]) assert.ok(Math.abs(counts[k]! - 3000) < 300, String(counts));
  });

  it("stubs are never treated as promises", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    const stub = t.env.NS.get(t.env.NS.idFromName("a"));
    assert.throws(() => (stub as unknown as { then: unknown }).then, /treated as a promise/);
    // Every handle operation works against such stubs.
    const h = createContainerHandle(t.env.NS, { maxInstances: 1 }, t.deps);
    await h.get("a").start();
    await h.any().fetch("/");
    await h.pool({ attempts: 1 }).fetch("/");
  });
});

describe("test context with the generated containers(env)", () => {
  it("records calls, scripts responses and cold-start failures", async () => {
    const t = createContainerTestContext<Env>({ TRANSCODER_API_KEY: "k" });
    t.respond("CONTAINER_TRANSCODER", { path: "/admin", port: 9090 }, { status: 200, body: "admin" });
    t.respond("CONTAINER_JOB", { path: "/run", method: "POST" }, (request) => new Response(`got ${request.method}`, { status: 202 }));
    t.coldStart("CONTAINER_TRANSCODER", 3, { instance: "x" });
    t.coldStart("CONTAINER_JOB", 1, { kind: "thrown" });

    const c = containers(t.env, t.deps);
    const admin = await c.transcoder.get("x").port(9090).fetch("/admin");
    assert.equal(await admin.text(), "admin");
    const job = await c.job.get("j").fetch("/run", { method: "POST", body: "{\"a\":1}" });
    assert.equal(await job.text(), "got POST");

    assert.deepEqual(
      t.callsTo("CONTAINER_TRANSCODER").map((c) => [c.instance, c.port, c.path, c.outcome]),
      [
        ["x", 9090, "/admin", 503],
        ["x", 9090, "/admin", 503],
        ["x", 9090, "/admin", 503],
        ["x", 9090, "/admin", 200],
      ],
    );
    assert.deepEqual(t.callsTo("CONTAINER_JOB").map((c) => [c.method, c.body, c.outcome]), [
      ["POST", "{\"a\":1}", "threw"],
      ["POST", "{\"a\":1}", 202],
    ]);
    assert.deepEqual(t.sleeps, [500, 1000, 2000, 500]);
    assert.equal(t.env.TRANSCODER_API_KEY, "k");
  });

  it("cold starts count per instance, and each kind is retried", async () => {
    for (const kind of ["no-instance", "rate-limited", "failed-start", "thrown"] as const) {
      const t = createContainerTestContext<Env>();
      t.coldStart("CONTAINER_JOB", 1, { kind });
      const c = containers(t.env, t.deps);
      assert.equal((await c.job.get("a").fetch("/")).status, 200, kind);
      assert.equal((await c.job.get("b").fetch("/")).status, 200, kind);
      assert.deepEqual(t.calls.map((x) => x.instance), ["a", "a", "b", "b"], kind);
    }
  });

  it("an unscripted cold start beyond the attempts surfaces to the caller", async () => {
    const t = createContainerTestContext<Env>();
    t.coldStart("CONTAINER_JOB", 100);
    const response = await containers(t.env, t.deps).job.get("a").fetch("/");
    assert.equal(response.status, 503);
    assert.match(await response.text(), new RegExp(COLD.slice(0, 20)));
    assert.equal(t.calls.length, 6);
  });

  it("start with wait options, startAndWaitForPorts and waitForPort reach the RPC methods as given", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    const h = createContainerHandle(t.env.NS, { maxInstances: 1 }, t.deps).get("a");
    await h.start();
    await h.stop();
    await h.start({ labels: { tenant: "acme" } }, { portToCheck: 9090, retries: 3, waitInterval: 100 });
    await h.startAndWaitForPorts({ ports: [8080, 9090], cancellationOptions: { portReadyTimeoutMS: 5_000 } });
    await h.startAndWaitForPorts();
    assert.equal(await h.waitForPort({ portToCheck: 9090 }), 0);
    assert.deepEqual(
      t.rpcs.map((r) => [r.method, r.args]),
      [
        ["start", []],
        ["stop", [undefined]],
        ["start", [{ labels: { tenant: "acme" } }, { portToCheck: 9090, retries: 3, waitInterval: 100 }]],
        ["startAndWaitForPorts", [{ ports: [8080, 9090], cancellationOptions: { portReadyTimeoutMS: 5_000 } }]],
        ["startAndWaitForPorts", [{}]],
        ["waitForPort", [{ portToCheck: 9090 }]],
      ],
    );
  });

  it("stub is the instance's own Durable Object stub, with the class's RPC methods", async () => {
    const asked: string[] = [];
    const stubs = new Map<string, { resize(width: number): Promise<string> }>();
    const ns = {
      idFromName: (name: string) => name,
      get: (id: string) => {
        asked.push(id);
        let stub = stubs.get(id);
        if (stub === undefined) {
          stub = { resize: async (width: number) => `${id}@${width}` };
          stubs.set(id, stub);
        }
        return stub;
      },
    };
    // Typed as the namespace of a class with a custom RPC method, as the generated Env does.
    const typed = ns as unknown as DurableObjectNamespace<Resizer>;
    const handle = createContainerHandle(typed, { maxInstances: 2 }).get("v1");
    assert.equal(await handle.stub.resize(640), "v1@640");
    assert.equal(handle.stub, handle.stub, "one stub per handle");
    assert.deepEqual(asked, ["v1"]);
    assert.equal(await handle.port(9090).stub.resize(1), "v1@1");
  });

  it("the test context starts instances with the class's labels unless a start names others", async () => {
    const t = createContainerTestContext<Env>({ TRANSCODER_API_KEY: "k" });
    t.container("CONTAINER_TRANSCODER", { labels: { team: "media" } });
    const c = containers(t.env, t.deps);
    await c.transcoder.get("v1").fetch("/transcode");
    await c.transcoder.get("v1").fetch("/again");
    await c.transcoder.get("v2").start({ labels: { tenant: "acme" } });
    await c.job.get("j").start({ envVars: { A: "1" } });
    assert.deepEqual(
      t.starts.map((s) => [s.binding, s.instance, s.labels, s.envVars]),
      [
        ["CONTAINER_TRANSCODER", "v1", { team: "media" }, undefined],
        ["CONTAINER_TRANSCODER", "v2", { tenant: "acme" }, undefined],
        ["CONTAINER_JOB", "j", undefined, { A: "1" }],
      ],
    );
  });

  it("the test context opens ports late, in order, and a request waits for every required port", async () => {
    const t = createContainerTestContext<Env>({ TRANSCODER_API_KEY: "k" });
    t.container("CONTAINER_TRANSCODER", { requiredPorts: [9090, 8080, 7070] });
    t.openPortLate("CONTAINER_TRANSCODER", 9090, 2_000);
    t.openPortLate("CONTAINER_TRANSCODER", 7070, 500);
    const c = containers(t.env, t.deps);
    const response = await c.transcoder.get("v1").fetch("/transcode");
    assert.equal(response.status, 200);
    assert.deepEqual(
      t.portOpenings.map((o) => [o.port, o.at]),
      [
        [8080, 0],
        [7070, 500],
        [9090, 2_000],
      ],
    );
    assert.equal(t.now(), 2_000);
    assert.equal(t.instance("CONTAINER_TRANSCODER", "v1").status, "healthy");
  });

  it("the test context answers the class's 503 when a required port misses the readiness budget", async () => {
    const t = createContainerTestContext<Env>({ TRANSCODER_API_KEY: "k" });
    t.container("CONTAINER_TRANSCODER", { requiredPorts: [8080, 9090], readinessTimeoutMs: 1_000 });
    t.openPortLate("CONTAINER_TRANSCODER", 9090, 5_000, { instance: "slow" });
    const c = containers(t.env, t.deps);
    const slow = await c.transcoder.get("slow", { attempts: 1 }).fetch("/transcode");
    assert.equal(slow.status, 503);
    assert.equal(await slow.text(), "cfc: container CONTAINER_TRANSCODER is not ready within 1000 ms\nport 9090 not listening\n");
    assert.equal((await c.transcoder.get("fast").fetch("/transcode")).status, 200);
    const h = c.transcoder.get("other");
    await assert.rejects(h.waitForPort({ portToCheck: 8080 }), /not listening/, "a stopped instance listens on nothing");
    t.openPortLate("CONTAINER_TRANSCODER", 8080, 30_000);
    await assert.rejects(h.startAndWaitForPorts(), /not listening: port 8080/);
    assert.equal(t.instance("CONTAINER_TRANSCODER", "other").status, "running");
  });
  it("the test context records the hooks the platform would call, in order, with their arguments", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    t.container("NS", { requiredPorts: [8080, 9090] });
    t.openPortLate("NS", 9090, 1_500);
    const h = createContainerHandle(t.env.NS, { maxInstances: 1 }, t.deps).get("a");
    await h.fetch("/x");
    await h.stop();
    await h.start();
    t.expireActivity("NS", "a");
    await h.start();
    t.hardTimeout("NS", "a");
    await h.start();
    t.crash("NS", "a", 3);
    t.expireActivity("NS", "a"); // already stopped: nothing
    assert.deepEqual(
      t.hooks.map((c) => [c.hook, c.at, c.args.map((a) => (a instanceof Error ? a.message : a))]),
      [
        ["onStart", 1_500, []],
        ["onStop", 1_500, [{ exitCode: 0, reason: "exit" }]],
        ["onStart", 1_500, []],
        ["onActivityExpired", 1_500, []],
        ["onStop", 1_500, [{ exitCode: 0, reason: "exit" }]],
        ["onStart", 1_500, []],
        ["onHardTimeout", 1_500, []],
        ["onStop", 1_500, [{ exitCode: 0, reason: "exit" }]],
        ["onStart", 1_500, []],
        ["onError", 1_500, ["Container exited with unexpected exit code: 3"]],
        ["onStop", 1_500, [{ exitCode: 3, reason: "exit" }]],
      ],
    );
    assert.ok(t.hooks.every((c) => c.binding === "NS" && c.instance === "a"));
  });

  it("the test context answers custom RPC methods of the class through the stub", async () => {
    const t = createContainerTestContext<{ NS: DurableObjectNamespace }>();
    t.method("NS", "renditionCount", (instance: string, videoId: string) => `${instance}:${videoId.length}`);
    const handle = createContainerHandle(t.env.NS, { maxInstances: 1 }, t.deps);
    const stub = handle.get("v1").stub as unknown as { renditionCount(id: string): Promise<string>; other?: unknown };
    assert.equal(await stub.renditionCount("abc"), "v1:3");
    assert.equal(stub.other, undefined, "methods not declared stay absent");
    assert.deepEqual(t.rpcs.map((r) => [r.instance, r.method, r.args]), [["v1", "renditionCount", ["abc"]]]);
    t.reset();
    assert.equal((handle.get("v1").stub as unknown as { renditionCount?: unknown }).renditionCount, undefined);
    assert.deepEqual(t.hooks, []);
  });
});

interface Resizer extends Rpc.DurableObjectBranded {
  resize(width: number): Promise<string>;
}

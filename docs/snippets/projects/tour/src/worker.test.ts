// Unit tests of Worker code, without Docker. The docs quote the regions; the docs test
// generates `./_generated`, type-checks this file under `tsc --strict` and runs it with
// `node --test`.
// region test-context
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContainerTestContext } from "./_generated/cfc-testing.js";
import { containers, type Env } from "./_generated/handles.js";

test("a cold start is retried on the same instance", async () => {
  const t = createContainerTestContext<Env>({ TRANSCODER_API_KEY: "test-key" }, { seed: 7 });
  t.coldStart("CONTAINER_TRANSCODER", 2); // two "no instance" 503s, then the script below
  t.respond("CONTAINER_TRANSCODER", "/transcode", { status: 202, body: "queued" });

  const c = containers(t.env, t.deps); // t.deps: no real sleeping, seeded random
  const response = await c.transcoder.get("video-1").fetch("/transcode", { method: "POST" });

  assert.equal(response.status, 202);
  assert.equal(t.callsTo("CONTAINER_TRANSCODER", "video-1").length, 3);
  assert.deepEqual(t.sleeps, [500, 1000]); // the waits the handle asked for
});
// endregion

// region test-context-ports
test("another port, and lifecycle calls", async () => {
  const t = createContainerTestContext<Env>();
  t.respond("CONTAINER_TRANSCODER", { path: "/admin", port: 9090 }, { status: 200, body: "ok" });

  const instance = containers(t.env, t.deps).transcoder.get("video-1");
  assert.equal(await (await instance.port(9090).fetch("/admin")).text(), "ok");
  await instance.stop();

  assert.equal(t.calls[0]?.port, 9090);
  assert.deepEqual(t.rpcs.map((r) => r.method), ["stop"]);
  assert.equal(t.instance("CONTAINER_TRANSCODER", "video-1").status, "stopped");
});
// endregion

// region test-context-pool
test("pool() moves on to another instance after a failure", async () => {
  const t = createContainerTestContext<Env>({}, { seed: 1 });
  let first = true;
  t.respond("CONTAINER_JOB", "/run", () => {
    const status = first ? 500 : 200;
    first = false;
    return new Response("", { status });
  });

  const response = await containers(t.env, t.deps).job.pool({ attempts: 3 }).fetch("/run");

  assert.equal(response.status, 200);
  const [failed, succeeded] = t.callsTo("CONTAINER_JOB");
  assert.notEqual(failed?.instance, succeeded?.instance);
  assert.deepEqual(t.sleeps, [100]);
});
// endregion

// region test-context-startup
test("a request waits for the admin port; starts carry the class's labels", async () => {
  const t = createContainerTestContext<Env>({ TRANSCODER_API_KEY: "test-key" });
  // What the generated class sets: its labels and required ports.
  t.container("CONTAINER_TRANSCODER", { labels: { team: "media" }, requiredPorts: [8080, 9090] });
  t.openPortLate("CONTAINER_TRANSCODER", 9090, 2_000); // 2 s after each start

  const response = await containers(t.env, t.deps).transcoder.get("video-1").fetch("/transcode");

  assert.equal(response.status, 200);
  assert.deepEqual(t.starts.map((s) => s.labels), [{ team: "media" }]);
  assert.deepEqual(t.portOpenings.map((o) => [o.port, o.at]), [[8080, 0], [9090, 2_000]]);
});
// endregion

// region test-context-hooks
test("hooks the platform calls, and a custom RPC method of the class", async () => {
  const t = createContainerTestContext<Env>();
  t.method("CONTAINER_TRANSCODER", "queueDepth", () => 3);

  const instance = containers(t.env, t.deps).transcoder.get("video-1");
  await instance.start();
  assert.equal(await instance.stub.queueDepth(), 3); // typed by TranscoderHooks
  t.expireActivity("CONTAINER_TRANSCODER", "video-1"); // sleepAfter ran out

  assert.deepEqual(t.hooks.map((h) => h.hook), ["onStart", "onActivityExpired", "onStop"]);
  assert.deepEqual(t.hooks[2]?.args, [{ exitCode: 0, reason: "exit" }]);
});
// endregion

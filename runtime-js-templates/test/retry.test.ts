import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  classifyError,
  requestSource,
  resolvePolicy,
  sendWithRetry,
} from "../src/cfc-retry.js";

type Step = Response | Error | (() => Response);

function script(...steps: Step[]) {
  const sent: Request[] = [];
  const sleeps: number[] = [];
  const send = async (request: Request): Promise<Response> => {
    sent.push(request);
    const step = steps[Math.min(sent.length - 1, steps.length - 1)]!;
    if (step instanceof Error) throw step;
    return typeof step === "function" ? step() : step;
  };
  const deps = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.999 };
  return { sent, sleeps, send, deps };
}

const ok = () => new Response("ok", { status: 200 });
const text = (status: number, body: string) => () => new Response(body, { status });

describe("retry policy", () => {
  const coldSignals: Array<[string, () => Response]> = [
    ["429", text(429, "slow down")],
    ["503 no Container instance available", text(503, "There is no Container instance available at this time.\nThis is likely...")],
    ["500 no Container instance available", text(500, "There is no Container instance available at this time.")],
    ["500 Failed to start container:", text(500, "Failed to start container: the container is not listening")],
    ["503 Failed to start container:", text(503, "Failed to start container: Maximum number of running container instances exceeded")],
  ];
  for (const [name, signal] of coldSignals) {
    it(`retries the cold-start signal ${name} and then succeeds`, async () => {
      const s = script(signal, signal, ok);
      const response = await sendWithRetry(requestSource("/x", { method: "POST", body: "{}" }), s.send, DEFAULT_RETRY_POLICY, s.deps);
      assert.equal(response.status, 200);
      assert.equal(s.sent.length, 3);
      assert.deepEqual(s.sleeps, [500, 1000]);
      assert.equal(await s.sent[2]!.text(), "{}", "a replayable body is sent again in full");
    });
  }

  const thrownSignals = [
    "There is no container instance that can be provided to this durable object",
    "the container is not listening",
    "Please try again later",
    "Rate limit exceeded",
    "ratelimit",
    "container is still provisioning",
  ];
  for (const message of thrownSignals) {
    it(`retries the thrown cold-start error "${message}"`, async () => {
      const s = script(new Error(message), ok);
      const response = await sendWithRetry(requestSource("/x", { method: "POST", body: "a" }), s.send, DEFAULT_RETRY_POLICY, s.deps);
      assert.equal(response.status, 200);
      assert.equal(s.sent.length, 2);
      assert.deepEqual(s.sleeps, [500]);
    });
  }

  it("passes a genuine 500 through at once with its body unread", async () => {
    const body = "application exploded: " + "x".repeat(5000);
    const s = script(text(500, body));
    const response = await sendWithRetry(requestSource("/x"), s.send, DEFAULT_RETRY_POLICY, s.deps);
    assert.equal(response.status, 500);
    assert.equal(s.sent.length, 1);
    assert.deepEqual(s.sleeps, []);
    assert.equal(response.bodyUsed, false);
    assert.equal(await response.text(), body);
  });

  it("passes 502 and 504 through without looking at them", async () => {
    for (const status of [502, 504]) {
      const s = script(text(status, "There is no Container instance available"));
      const response = await sendWithRetry(requestSource("/x"), s.send, DEFAULT_RETRY_POLICY, s.deps);
      assert.equal(response.status, status);
      assert.equal(s.sent.length, 1);
    }
  });

  it("reads at most 1 KiB of a body to classify it", async () => {
    const s = script(text(503, "y".repeat(1024) + "There is no Container instance available"), ok);
    const response = await sendWithRetry(requestSource("/x"), s.send, DEFAULT_RETRY_POLICY, s.deps);
    assert.equal(response.status, 503);
    assert.equal(s.sent.length, 1);
  });

  it("honours attempts and the default backoff: 6 attempts waiting 0.5, 1, 2, 4, 8 s", async () => {
    const s = script(text(429, "busy"));
    const response = await sendWithRetry(requestSource("/x"), s.send, DEFAULT_RETRY_POLICY, s.deps);
    assert.equal(response.status, 429, "the last signal is returned");
    assert.equal(s.sent.length, 6);
    assert.deepEqual(s.sleeps, [500, 1000, 2000, 4000, 8000]);
  });

  it("honours per-call attempts and backoffMs", async () => {
    const s = script(text(429, "busy"));
    await sendWithRetry(requestSource("/x"), s.send, resolvePolicy({ attempts: 3, backoffMs: 50 }), s.deps);
    assert.equal(s.sent.length, 3);
    assert.deepEqual(s.sleeps, [50, 100]);
  });

  it("attempts: 1 disables retrying", async () => {
    const s = script(text(429, "busy"), ok);
    const response = await sendWithRetry(requestSource("/x"), s.send, resolvePolicy({ attempts: 1 }), s.deps);
    assert.equal(response.status, 429);
    assert.equal(s.sent.length, 1);
    assert.deepEqual(s.sleeps, []);
  });

  it("rethrows the last error when attempts run out", async () => {
    const s = script(new Error("not listening"));
    await assert.rejects(sendWithRetry(requestSource("/x"), s.send, resolvePolicy({ attempts: 3 }), s.deps), /not listening/);
    assert.equal(s.sent.length, 3);
  });

  it("caps a single wait at 30 s", async () => {
    const s = script(text(429, "busy"));
    await sendWithRetry(requestSource("/x"), s.send, resolvePolicy({ attempts: 10 }), s.deps);
    assert.deepEqual(s.sleeps, [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it("jitter only adds, at most 25 %, and never exceeds the cap", () => {
    const policy = resolvePolicy({ jitter: 1 });
    assert.equal(policy.jitter, 0.25);
    assert.equal(backoffDelay(0, policy, () => 0), 500);
    assert.equal(backoffDelay(0, policy, () => 0.999999), 500 * (1 + 0.25 * 0.999999));
    assert.equal(backoffDelay(6, policy, () => 0.999999), 30000);
  });

  it("sends a pre-built Request with a body once", async () => {
    const s = script(text(503, "There is no Container instance available at this time."), ok);
    const request = new Request("http://container/upload", { method: "PUT", body: "payload" });
    const response = await sendWithRetry(requestSource(request), s.send, DEFAULT_RETRY_POLICY, s.deps);
    assert.equal(response.status, 503);
    assert.equal(s.sent.length, 1);
  });

  it("sends a ReadableStream body once", async () => {
    const s = script(text(429, "busy"), ok);
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("chunk")), c.close()) });
    const response = await sendWithRetry(requestSource("/x", { method: "POST", body: stream }), s.send, DEFAULT_RETRY_POLICY, s.deps);
    assert.equal(response.status, 429);
    assert.equal(s.sent.length, 1);
  });

  it("retries a pre-built GET Request (no body)", async () => {
    const s = script(text(429, "busy"), ok);
    const response = await sendWithRetry(requestSource(new Request("http://container/a")), s.send, DEFAULT_RETRY_POLICY, s.deps);
    assert.equal(response.status, 200);
    assert.equal(s.sent.length, 2);
  });

  for (const [kind, step] of [
    ["response", text(500, "Container suddenly disconnected, try again")],
    ["proxy-error response", text(500, "Error proxying request to container: Network connection lost.")],
    ["thrown error", new Error("Container suddenly disconnected, try again")],
  ] as Array<[string, Step]>) {
    it(`does not retry a POST on a disconnect (${kind}) but retries a GET`, async () => {
      const post = script(step, ok);
      const outcome = sendWithRetry(requestSource("/x", { method: "POST", body: "a" }), post.send, DEFAULT_RETRY_POLICY, post.deps);
      if (step instanceof Error) await assert.rejects(outcome, /suddenly disconnected/);
      else assert.equal((await outcome).status, 500);
      assert.equal(post.sent.length, 1);

      for (const method of ["GET", "HEAD", "OPTIONS"]) {
        const get = script(step, ok);
        const response = await sendWithRetry(requestSource("/x", { method }), get.send, DEFAULT_RETRY_POLICY, get.deps);
        assert.equal(response.status, 200);
        assert.equal(get.sent.length, 2);
      }
    });
  }

  it("passes a WebSocket upgrade straight through, untouched and unretried", async () => {
    const s = script(text(503, "There is no Container instance available at this time."), ok);
    const request = new Request("http://container/ws", { headers: { Upgrade: "websocket" } });
    const response = await sendWithRetry(requestSource(request), s.send, DEFAULT_RETRY_POLICY, s.deps);
    assert.equal(response.status, 503);
    assert.equal(response.bodyUsed, false);
    assert.equal(s.sent.length, 1);
    assert.equal(s.sent[0]!.headers.get("upgrade"), "websocket");
  });

  it("classifies thrown errors", () => {
    assert.equal(classifyError(new Error("Container suddenly disconnected, try again")), "disconnect");
    assert.equal(classifyError(new Error("boom")), "none");
    assert.equal(classifyError("provisioning"), "cold-start");
  });

  it("resolves relative paths against http://container/ and applies extra headers", async () => {
    const source = requestSource("/a/b?c=1", { headers: { "x-y": "z" } });
    const request = source.build({ "cf-container-target-port": "9090" });
    assert.equal(request.url, "http://container/a/b?c=1");
    assert.equal(request.headers.get("x-y"), "z");
    assert.equal(request.headers.get("cf-container-target-port"), "9090");
  });

  it("resolves every target as the URL parser does against http://container/", () => {
    const targets = ["/", "/x", "/a/../b?c=d#e", "/a b", "/%zz", "/é?q=ü", "/x\\y", "//evil.com/x",
      "/\\evil.com/x", "/\t/evil.com", "/\n/evil.com", "relative/x", "?q", "http://other.example/x", " /x"];
    for (const target of targets) {
      const expected = new Request(new URL(target, "http://container/")).url;
      assert.equal(requestSource(target).build().url, expected, JSON.stringify(target));
      assert.equal(requestSource(target, { method: "POST", body: "b" }).build({ "x-a": "1" }).url, expected);
    }
  });

  it("sends a bare path as a plain GET with no headers and no body", () => {
    const request = requestSource("/x").build();
    assert.equal(request.method, "GET");
    assert.deepEqual([...request.headers], []);
    assert.equal(request.body, null);
  });
});

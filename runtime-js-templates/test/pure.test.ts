import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { CfcEnvError, EnvResolver, assembleEnv } from "../src/cfc-env.js";
import { METADATA_HEADER, decodeMetadata, encodeMetadata, withMetadata } from "../src/cfc-metadata.js";
import { type FetchOnPort, notReadyResponse, waitForProbes } from "../src/cfc-readiness.js";
import { FakeClock } from "./support/fake-clock.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("env assembly", () => {
  const spec = {
    env: { LOG_LEVEL: "info", SHARED: "from-env" },
    secrets: ["API_KEY", "SHARED"],
    secretsStore: { STRIPE_KEY: "STRIPE_SECRET", SHARED2: "OTHER" },
  };

  it("applies env, then secrets, then Secrets Store values", async () => {
    const env = await assembleEnv(spec, {
      API_KEY: "k",
      SHARED: "from-secret",
      STRIPE_SECRET: { get: async () => "sk_live" },
      OTHER: { get: async () => "o" },
    });
    assert.deepEqual(env, { LOG_LEVEL: "info", SHARED: "from-secret", API_KEY: "k", STRIPE_KEY: "sk_live", SHARED2: "o" });
    const order = await assembleEnv(
      { env: { X: "env" }, secrets: ["X"], secretsStore: { X: "B" } },
      { X: "secret", B: { get: async () => "store" } },
    );
    assert.equal(order.X, "store", "the Secrets Store value is applied last");
  });

  it("memoises the Secrets Store lookups", async () => {
    let gets = 0;
    const resolver = new EnvResolver({ env: {}, secrets: [], secretsStore: { A: "B" } }, { B: { get: async () => `v${++gets}` } });
    assert.deepEqual(await resolver.resolve(), { A: "v1" });
    assert.deepEqual(await resolver.resolve(), { A: "v1" });
    assert.equal(gets, 1);
  });

  it("clears the memo after a failure", async () => {
    let gets = 0;
    const binding = {
      get: async () => {
        gets++;
        if (gets === 1) throw new Error("store unavailable");
        return "ok";
      },
    };
    const resolver = new EnvResolver({ env: {}, secrets: [], secretsStore: { A: "B" } }, { B: binding }, "transcoder");
    await assert.rejects(resolver.resolve(), (e: unknown) => e instanceof CfcEnvError && /transcoder.*B \(for A\) failed: store unavailable/.test(e.message));
    assert.deepEqual(await resolver.resolve(), { A: "ok" });
    assert.equal(gets, 2);
  });

  it("fails naming every missing secret and binding at once", async () => {
    const error = await assembleEnv(spec, { SHARED: "s", OTHER: "not a binding" }, "transcoder").catch((e: unknown) => e);
    assert.ok(error instanceof CfcEnvError);
    assert.deepEqual(error.missing, [
      "secret API_KEY",
      "Secrets Store binding STRIPE_SECRET (for STRIPE_KEY)",
      "Secrets Store binding OTHER (for SHARED2)",
    ]);
    assert.match(error.message, /container transcoder cannot start.*API_KEY.*STRIPE_SECRET.*OTHER/);
  });
});

describe("readiness probes", () => {
  function ports(behaviour: (port: number, path: string, at: number) => Response | "hang" | Error, clock: FakeClock) {
    const attempts: Array<[number, string, number]> = [];
    const fetchOnPort: FetchOnPort = (port, path, signal) => {
      attempts.push([port, path, clock.now()]);
      const outcome = behaviour(port, path, clock.now());
      if (outcome === "hang") {
        return new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));
      }
      return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
    };
    return { attempts, fetchOnPort };
  }

  it("runs probes in parallel and waits until all pass", async () => {
    const clock = new FakeClock();
    const p = ports((port, _path, at) => new Response(null, { status: port === 9090 ? (at >= 1500 ? 204 : 503) : at >= 500 ? 200 : 503 }), clock);
    const result = await clock.run(
      waitForProbes([{ path: "/ready" }, { path: "/live", port: 9090, status: 204 }], 8080, p.fetchOnPort, { timeoutMs: 30_000, pollMs: 500 }, clock),
    );
    assert.deepEqual(result, { ready: true });
    assert.deepEqual(p.attempts.slice(0, 2), [[8080, "/ready", 0], [9090, "/live", 0]], "both probes start at once");
    assert.deepEqual(p.attempts.filter((a) => a[0] === 9090).map((a) => a[2]), [0, 500, 1000, 1500]);
    assert.deepEqual(p.attempts.filter((a) => a[0] === 8080).map((a) => a[2]), [0, 500]);
    assert.equal(clock.now(), 1500);
  });

  it("a probe's expected status must match exactly; without one any 2xx passes", async () => {
    const clock = new FakeClock();
    const p = ports(() => new Response(null, { status: 200 }), clock);
    const result = await clock.run(waitForProbes([{ path: "/a", status: 204 }], 8080, p.fetchOnPort, { timeoutMs: 1000, pollMs: 500 }, clock));
    assert.equal(result.ready, false);
  });

  it("gives each attempt its own deadline and answers 503 naming the probe when the budget runs out", async () => {
    const clock = new FakeClock();
    const p = ports((port) => (port === 9090 ? "hang" : new Response("ok")), clock);
    const result = await clock.run(
      waitForProbes(
        [{ path: "/ready" }, { path: "/live", port: 9090 }],
        8080,
        p.fetchOnPort,
        { timeoutMs: 12_000, pollMs: 500, attemptTimeoutMs: 5_000 },
        clock,
      ),
    );
    assert.equal(result.ready, false);
    assert.deepEqual(p.attempts.filter((a) => a[0] === 9090).map((a) => a[2]), [0, 5500, 11000]);
    assert.equal(clock.now(), 12_000);
    const response = notReadyResponse("transcoder", result);
    assert.equal(response.status, 503);
    const body = await response.text();
    assert.match(body, /container transcoder is not ready/);
    assert.match(body, /probe GET :9090\/live failed: timed out after 1000 ms/);
    assert.doesNotMatch(body, /\/ready/);
    assert.equal(response.headers.get("x-cfc-not-ready"), ":9090/live");
  });

  it("reports thrown errors of the last attempt", async () => {
    const clock = new FakeClock();
    const p = ports(() => new Error("connection refused"), clock);
    const result = await clock.run(waitForProbes([{ path: "/ready" }], 8080, p.fetchOnPort, { timeoutMs: 2000, pollMs: 500 }, clock));
    assert.match(await notReadyResponse("job", result).text(), /GET :8080\/ready failed: connection refused/);
    assert.equal(p.attempts.length, 4);
  });
});

describe("x-cfc-metadata", () => {
  it("encodes every field in a fixed order with percent-encoded values", () => {
    const request = new Request("https://api.example.com/videos/a%20b?x=1;y=2", {
      method: "POST",
      headers: { "cf-ray": "8f1e2d3c4b5a6978-AMS", "cf-connecting-ip": "203.0.113.7", [METADATA_HEADER]: "spoofed" },
    });
    Object.defineProperty(request, "cf", { value: { colo: "AMS", region: "North Holland", country: "NL" } });
    const forwarded = withMetadata(request, "media-api");
    const header = forwarded.headers.get(METADATA_HEADER)!;
    assert.equal(
      header,
      "v=1;id=8f1e2d3c4b5a6978-AMS;colo=AMS;region=North%20Holland;country=NL;ip=203.0.113.7;worker=media-api;" +
        "method=POST;path=%2Fvideos%2Fa%2520b;url=https%3A%2F%2Fapi.example.com%2Fvideos%2Fa%2520b%3Fx%3D1%3By%3D2",
    );
    assert.deepEqual(decodeMetadata(header), {
      id: "8f1e2d3c4b5a6978-AMS",
      colo: "AMS",
      region: "North Holland",
      country: "NL",
      ip: "203.0.113.7",
      worker: "media-api",
      method: "POST",
      path: "/videos/a%20b",
      url: "https://api.example.com/videos/a%20b?x=1;y=2",
    });
  });

  it("leaves unknown values empty and round-trips hostile strings", () => {
    const metadata = { id: "", colo: "", region: "", country: "", ip: "", worker: "a;b=c%d+e é\n", method: "GET", path: "/", url: "http://x/" };
    const header = encodeMetadata(metadata);
    assert.match(header, /^v=1;id=;colo=;region=;country=;ip=;worker=a%3Bb%3Dc%25d%2Be%20%C3%A9%0A;/);
    assert.doesNotMatch(header, /[+ ]/);
    assert.deepEqual(decodeMetadata(header), metadata);
    assert.throws(() => decodeMetadata("v=2;id=x"), /unsupported/);
  });
});

describe("packaging", () => {
  it("files.txt lists exactly the runtime sources, each with the version header", () => {
    const listed = readFileSync(`${root}src/files.txt`, "utf8").trim().split("\n");
    const present = readdirSync(`${root}src`).filter((f) => f.endsWith(".ts"));
    assert.deepEqual([...listed].sort(), [...present].sort());
    assert.equal(listed[0], "cfc-runtime.ts");
    const fixture = readdirSync(`${root}test/fixture-generated`).map((f) => `test/fixture-generated/${f}`);
    for (const file of [...listed.map((f) => `src/${f}`), ...fixture]) {
      const firstLine = readFileSync(`${root}${file}`, "utf8").split("\n")[0];
      assert.equal(firstLine, "// Generated by cfc @CFC_VERSION@. Do not edit: this file is copied from the cfc runtime.", file);
    }
  });

  it("pure modules import neither cloudflare:workers nor @cloudflare/containers", () => {
    for (const file of ["cfc-retry.ts", "cfc-env.ts", "cfc-readiness.ts", "cfc-metadata.ts", "cfc-handles.ts", "cfc-testing.ts"]) {
      const source = readFileSync(`${root}src/${file}`, "utf8");
      assert.doesNotMatch(source, /from\s+["'](cloudflare:workers|@cloudflare\/containers)["']/, file);
    }
  });

  it("the runtime never touches the alarm", () => {
    for (const file of readdirSync(`${root}src`).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(`${root}src/${file}`, "utf8").replace(/^\s*\/\/.*$/gm, "");
      assert.doesNotMatch(source, /setAlarm|deleteAlarm|\balarm\s*\(/, file);
    }
  });
});

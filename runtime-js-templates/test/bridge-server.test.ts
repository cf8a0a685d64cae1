// The Node host of the bridge (test/support/bridge-server.ts) as the Java integration test and
// the benchmark start it: a separate process, one "listening <port>" line, plain HTTP.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const running: ChildProcess[] = [];

async function start(...args: string[]): Promise<{ base: string; child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, ["--import", "./test/support/register.mjs", "build/test/support/bridge-server.js", ...args], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  running.push(child);
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = new Promise<string>((resolve, reject) => {
    reader.on("line", (line) => {
      lines.push(line);
      if (lines.length === 1) resolve(line);
    });
    child.on("exit", (code) => reject(new Error(`bridge-server exited with ${code}`)));
  });
  const line = await first;
  const port = /^listening (\d+)$/.exec(line)?.[1];
  assert.ok(port !== undefined, `first line was ${JSON.stringify(line)}`);
  return { base: `http://127.0.0.1:${port}`, child, lines };
}

after(() => {
  for (const child of running) if (child.exitCode === null) child.kill("SIGTERM");
});

const ENV = JSON.stringify({ CACHE: "kv", MEDIA: "r2", DB: "d1", JOBS: "queue", API: "service", SECRET: "kv" });
const GRANTS = JSON.stringify({ CACHE: { kind: "kv", readOnly: false }, MEDIA: { kind: "r2", readOnly: false }, DB: { kind: "d1", readOnly: true }, JOBS: { kind: "queue", readOnly: false }, API: { kind: "service", readOnly: false } });

describe("bridge-server", () => {
  it("serves the bridge on the fakes, with introspection and seeding beside it", async () => {
    const { base, lines } = await start("--env", ENV, "--grants", GRANTS, "--container", "transcoder");
    assert.equal((await fetch(`${base}/v1/kv/CACHE/put?key=a%2Bb`, { method: "PUT", body: "v" })).status, 204);
    assert.equal(await (await fetch(`${base}/v1/kv/CACHE/get?key=a%2Bb`)).text(), "v");
    const secret = await fetch(`${base}/v1/kv/SECRET/get?key=a`);
    assert.equal(secret.status, 403, "in the env but not granted");
    assert.equal(((await secret.json()) as { error: { code: string } }).error.code, "not_declared");

    assert.equal((await fetch(`${base}/v1/queue/JOBS/send`, { method: "POST", body: '{"body":{"n":1}}' })).status, 204);
    assert.deepEqual(await (await fetch(`${base}/__fakes/queue/JOBS`)).json(), [{ body: { n: 1 }, contentType: "json" }]);

    assert.equal((await fetch(`${base}/__fakes/d1/DB/exec`, { method: "POST", body: "CREATE TABLE t (a); INSERT INTO t VALUES (7);" })).status, 204);
    const rows = await fetch(`${base}/v1/d1/DB/query`, { method: "POST", body: '{"sql":"SELECT a FROM t","params":[]}' });
    assert.deepEqual(((await rows.json()) as { results: unknown[] }).results, [{ a: 7 }]);

    const echoed = await fetch(`${base}/v1/service/API/fetch/p?q=1`, { method: "POST", body: "ping", headers: { "x-a": "1", "cfc-b": "2" } });
    assert.equal(await echoed.text(), "ping");
    assert.equal(echoed.headers.get("x-echo-url"), "https://api.service/p?q=1");
    const forwarded = JSON.parse(echoed.headers.get("x-echo-headers") ?? "{}") as Record<string, string>;
    assert.equal(forwarded["x-a"], "1");
    assert.ok(!("cfc-b" in forwarded));

    const size = 20 * 1024 * 1024;
    const put = await fetch(`${base}/v1/r2/MEDIA/put?key=big`, { method: "PUT", body: new Uint8Array(size).fill(7), headers: { "content-length": String(size) } });
    assert.equal(((await put.json()) as { size: number }).size, size);
    const got = new Uint8Array(await (await fetch(`${base}/v1/r2/MEDIA/get?key=big`)).arrayBuffer());
    assert.equal(got.length, size);
    assert.equal(got[size - 1], 7);
    assert.deepEqual(lines, [lines[0]], "one line on stdout");
  });

  it("serves through the real ContainerProxy with the class's registered handler (--module/--class)", async () => {
    const { base } = await start("--env", JSON.stringify({ CACHE: "kv", JOBS: "queue" }), "--module", "build/test/support/bridged-fixture.js", "--class", "BridgedFixture");
    assert.equal((await fetch(`${base}/__fakes/kv/CACHE?key=k`, { method: "PUT", body: "seeded" })).status, 204);
    assert.equal(await (await fetch(`${base}/v1/kv/CACHE/get?key=k`)).text(), "seeded");
    assert.equal((await fetch(`${base}/v1/kv/CACHE/put?key=k`, { method: "PUT", body: "w" })).status, 403, "the class granted CACHE read-only");
  });

  it("stops when its stdin closes", async () => {
    const { child } = await start("--grants", "{}");
    child.stdin?.end();
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 0);
  });
});

// The bridge handler (cfc-bridge.ts) against the in-memory bindings of cfc-testing.ts and a
// sql.js D1, and wireBridge through the real @cloudflare/containers ContainerProxy.
import assert from "node:assert/strict";
import { describe, it, mock } from "node:test";
import v8 from "node:v8";
import vm from "node:vm";
import { Container, ContainerProxy } from "@cloudflare/containers";
import { BRIDGE_HOST, BRIDGE_LIMITS, ERROR_HEADER, type BridgeGrants, type BridgeLimits, createBridgeHandler, isReadOnlySql, wireBridge } from "../src/cfc-bridge.js";
import { wireOutbound } from "../src/cfc-hooks.js";
import { createContainerTestContext, type MemoryQueue, memoryKv, memoryQueue, memoryR2 } from "../src/cfc-testing.js";
import { memoryD1 } from "./support/memory-d1.js";

const RW = (kind: BridgeGrants[string]["kind"]) => ({ kind, readOnly: false });
const RO = (kind: BridgeGrants[string]["kind"]) => ({ kind, readOnly: true });

const GRANTS: BridgeGrants = { CACHE: RW("kv"), MEDIA: RW("r2"), DB: RW("d1"), JOBS: RW("queue"), API: RW("service") };
const READ_ONLY: BridgeGrants = { CACHE: RO("kv"), MEDIA: RO("r2"), DB: RO("d1"), API: RO("service") };

/** A service that answers with what it received. */
const echoService = {
  fetch: async (request: Request): Promise<Response> => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const body = request.body === null ? "" : await request.text();
    return new Response(JSON.stringify({ method: request.method, url: request.url, headers, body }), {
      status: 201,
      headers: { "content-type": "application/json", "x-echo": "yes", "keep-alive": "timeout=5", "cfc-internal": "secret", connection: "x-private", "x-private": "p" },
    });
  },
};

async function testEnv() {
  return {
    CACHE: memoryKv(),
    MEDIA: memoryR2(),
    DB: await memoryD1("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE);"),
    JOBS: memoryQueue(),
    API: echoService,
    SECRET: memoryKv(), // in the env, granted to nobody
  };
}

/** Calls the bridge of a container with `grants` on `env`. */
function bridge(env: unknown, grants: BridgeGrants = GRANTS, limits: Partial<BridgeLimits> = {}) {
  const handler = createBridgeHandler("transcoder", grants, limits);
  return (path: string, init: RequestInit = {}) => {
    const streamed = init.body instanceof ReadableStream ? { duplex: "half" } : {};
    return handler(new Request(`http://${BRIDGE_HOST}${path}`, { ...init, ...streamed } as RequestInit), env);
  };
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function errorOf(response: Response): Promise<{ status: number; code: string; binding: string; operation: string; message: string }> {
  assert.equal(response.headers.get("content-type"), "application/json");
  const { error } = (await response.json()) as { error: { code: string; binding: string; operation: string; message: string } };
  assert.equal(response.headers.get(ERROR_HEADER), error.code, "the handler marks its own error answers");
  return { status: response.status, ...error };
}

/** A binding that fails the test if the handler touches it. */
function untouchable(name: string): unknown {
  return new Proxy({}, { get: (_t, property) => assert.fail(`binding ${name} was touched (${String(property)})`) });
}

/** A stream of `total` bytes in `chunk`-sized pieces, counting what was pulled. */
function generated(total: number, chunk = 64 * 1024, onPull?: (pulled: number) => void): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const size = Math.min(chunk, total - pulled);
      const bytes = new Uint8Array(size);
      bytes.fill(pulled % 251);
      pulled += size;
      onPull?.(pulled);
      controller.enqueue(bytes);
    },
    type: "bytes" as never,
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled };
}

const HOSTILE_KEYS = ["a'b", "x\ny", "../../etc/passwd", "ключ/😀", "a+b&c=d#e?f", "%2e%2e", " spaced key ", "/leading/slash"];

describe("bridge: kv", () => {
  it("puts, gets (streamed, with metadata), lists and deletes", async () => {
    const env = await testEnv();
    const call = bridge(env);
    const put = await call(`/v1/kv/CACHE/put?${q({ key: "greeting", expirationTtl: "120" })}`, { method: "PUT", body: "hello", headers: { "cfc-metadata": '{"lang":"en"}' } });
    assert.equal(put.status, 204);
    const got = await call(`/v1/kv/CACHE/get?${q({ key: "greeting" })}`);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get("content-type"), "application/octet-stream");
    assert.equal(got.headers.get("cfc-metadata"), '{"lang":"en"}');
    assert.equal(await got.text(), "hello");
    await call(`/v1/kv/CACHE/put?${q({ key: "plain" })}`, { method: "PUT", body: new Uint8Array([0, 255, 1]) });
    const plain = await call(`/v1/kv/CACHE/get?key=plain`);
    assert.equal(plain.headers.get("cfc-metadata"), null, "no metadata, no header");
    assert.deepEqual([...new Uint8Array(await plain.arrayBuffer())], [0, 255, 1]);
    for (const metadata of ["just text", 42, [1, "two"], null]) {
      const stored = await call(`/v1/kv/CACHE/put?key=any-json`, { method: "PUT", body: "v", headers: { "cfc-metadata": JSON.stringify(metadata) } });
      assert.equal(stored.status, 204, `metadata ${JSON.stringify(metadata)}: KV takes any JSON value`);
      const back = await call(`/v1/kv/CACHE/get?key=any-json`);
      assert.equal(back.headers.get("cfc-metadata"), metadata === null ? null : JSON.stringify(metadata));
    }
    await call(`/v1/kv/CACHE/delete?key=any-json`, { method: "DELETE" });

    const listed = (await (await call(`/v1/kv/CACHE/list`)).json()) as { keys: { name: string; expiration?: number; metadata?: unknown }[]; list_complete: boolean };
    assert.deepEqual(listed.keys.map((k) => k.name), ["greeting", "plain"]);
    assert.deepEqual(listed.keys[0]?.metadata, { lang: "en" });
    assert.equal(typeof listed.keys[0]?.expiration, "number");
    assert.equal(listed.list_complete, true);
    assert.ok(!("cursor" in listed));

    assert.equal((await call(`/v1/kv/CACHE/delete?key=greeting`, { method: "DELETE" })).status, 204);
    const gone = await errorOf(await call(`/v1/kv/CACHE/get?key=greeting`));
    assert.deepEqual(gone, { status: 404, code: "not_found", binding: "CACHE", operation: "kv.get", message: "no value for the key" });
  });

  it("pages a list with prefix, limit and cursor", async () => {
    const env = await testEnv();
    const call = bridge(env);
    for (const k of ["a/1", "a/2", "a/3", "b/1"]) await call(`/v1/kv/CACHE/put?${q({ key: k })}`, { method: "PUT", body: k });
    const names: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const params: Record<string, string> = { prefix: "a/", limit: "2", ...(cursor === undefined ? {} : { cursor }) };
      const listed = (await (await call(`/v1/kv/CACHE/list?${q(params)}`)).json()) as { keys: { name: string }[]; list_complete: boolean; cursor?: string };
      names.push(...listed.keys.map((k) => k.name));
      if (listed.list_complete) break;
      cursor = listed.cursor;
      assert.equal(typeof cursor, "string");
    }
    assert.deepEqual(names, ["a/1", "a/2", "a/3"]);
  });

  it("round-trips hostile keys and values, and unicode metadata in an ASCII header", async () => {
    const env = await testEnv();
    const call = bridge(env);
    for (const key of HOSTILE_KEYS) {
      const value = `value of ${key}\u0000\r\n`;
      const metadata = { name: key, emoji: "😀", quote: "\"'", newline: "a\nb" };
      const put = await call(`/v1/kv/CACHE/put?${q({ key })}`, { method: "PUT", body: value, headers: { "cfc-metadata": JSON.stringify(metadata).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) } });
      assert.equal(put.status, 204, key);
      assert.equal(await env.CACHE.get(key), value, `stored under exactly ${JSON.stringify(key)}`);
      const got = await call(`/v1/kv/CACHE/get?${q({ key })}`);
      assert.equal(await got.text(), value);
      const header = got.headers.get("cfc-metadata") ?? "";
      assert.match(header, /^[\x20-\x7e]*$/, "the header is printable ASCII");
      assert.deepEqual(JSON.parse(header), metadata);
    }
    const listed = (await (await call(`/v1/kv/CACHE/list`)).json()) as { keys: { name: string }[] };
    assert.deepEqual(listed.keys.map((k) => k.name).sort(), [...HOSTILE_KEYS].sort());
  });

  it("refuses bad keys and parameters with 400 before calling KV", async () => {
    const call = bridge({ CACHE: untouchable("CACHE") });
    const cases: [string, RequestInit?][] = [
      [`/v1/kv/CACHE/get`],
      [`/v1/kv/CACHE/get?key=`],
      [`/v1/kv/CACHE/get?key=.`],
      [`/v1/kv/CACHE/get?key=..`],
      [`/v1/kv/CACHE/get?${q({ key: "é".repeat(257) })}`],
      [`/v1/kv/CACHE/put?key=a&expirationTtl=59`, { method: "PUT", body: "x" }],
      [`/v1/kv/CACHE/put?key=a&expirationTtl=soon`, { method: "PUT", body: "x" }],
      [`/v1/kv/CACHE/put?key=a`, { method: "PUT", body: "x", headers: { "cfc-metadata": "{nope" } }],
      [`/v1/kv/CACHE/list?limit=0`],
      [`/v1/kv/CACHE/list?limit=1001`],
    ];
    for (const [path, init] of cases) {
      const error = await errorOf(await call(path, init));
      assert.equal(error.status, 400, path);
      assert.equal(error.code, "bad_request", path);
    }
    // 512 bytes of UTF-8 is still a key
    const env = await testEnv();
    assert.equal((await bridge(env)(`/v1/kv/CACHE/put?${q({ key: "é".repeat(256) })}`, { method: "PUT", body: "x" })).status, 204);
  });

  it("refuses a value over its limit by content-length, and stops reading one without it", async () => {
    const call = bridge({ CACHE: untouchable("CACHE") });
    const declared = await errorOf(await call(`/v1/kv/CACHE/put?key=a`, { method: "PUT", body: "x", headers: { "content-length": String(BRIDGE_LIMITS.kvValueBytes + 1) } }));
    assert.deepEqual([declared.status, declared.code], [413, "too_large"]);

    const limit = 10 * 1024;
    const chunk = 1024;
    const source = generated(100 * limit, chunk);
    const small = bridge({ CACHE: untouchable("CACHE") }, GRANTS, { kvValueBytes: limit });
    const streamed = await errorOf(await small(`/v1/kv/CACHE/put?key=a`, { method: "PUT", body: source.stream }));
    assert.deepEqual([streamed.status, streamed.code], [413, "too_large"]);
    assert.ok(source.pulled() <= limit + 2 * chunk, `read ${source.pulled()} bytes of a body limited to ${limit}`);

    const metadata = await errorOf(await call(`/v1/kv/CACHE/put?key=a`, { method: "PUT", body: "x", headers: { "cfc-metadata": JSON.stringify({ m: "x".repeat(1020) }) } }));
    assert.deepEqual([metadata.status, metadata.code], [413, "too_large"]);
  });
});

describe("bridge: r2", () => {
  it("puts from a stream, gets it streamed with its description, heads, lists and deletes", async () => {
    const env = await testEnv();
    const call = bridge(env);
    const body = "frame data";
    const put = await call(`/v1/r2/MEDIA/put?${q({ key: "videos/v1.mp4" })}`, {
      method: "PUT",
      body,
      headers: { "content-length": String(body.length), "content-type": "video/mp4", "cfc-custom-metadata": '{"owner":"\\u00e9mile"}' },
    });
    assert.equal(put.status, 200);
    const description = (await put.json()) as Record<string, unknown>;
    assert.equal(description["key"], "videos/v1.mp4");
    assert.equal(description["size"], body.length);
    assert.equal(description["contentType"], "video/mp4");
    assert.deepEqual(description["customMetadata"], { owner: "émile" });
    assert.match(String(description["etag"]), /^[0-9a-f]{32}$/);
    assert.equal(description["httpEtag"], `"${String(description["etag"])}"`);
    assert.ok(!Number.isNaN(Date.parse(String(description["uploaded"]))));

    const got = await call(`/v1/r2/MEDIA/get?${q({ key: "videos/v1.mp4" })}`);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get("content-type"), "video/mp4");
    assert.equal(got.headers.get("content-length"), String(body.length));
    assert.deepEqual(JSON.parse(got.headers.get("cfc-object") ?? ""), description);
    assert.match(got.headers.get("cfc-object") ?? "", /^[\x20-\x7e]*$/);
    assert.equal(await got.text(), body);

    const head = await call(`/v1/r2/MEDIA/head?${q({ key: "videos/v1.mp4" })}`);
    assert.deepEqual(await head.json(), description);

    await call(`/v1/r2/MEDIA/put?key=videos%2Fv2.mp4`, { method: "PUT", body: "2", headers: { "content-length": "1" } });
    await call(`/v1/r2/MEDIA/put?key=videos%2Fthumbs%2Fa.jpg`, { method: "PUT", body: "a", headers: { "content-length": "1" } });
    await call(`/v1/r2/MEDIA/put?key=readme`, { method: "PUT", body: new Uint8Array(0), headers: { "content-length": "0" } });
    const top = (await (await call(`/v1/r2/MEDIA/list?${q({ delimiter: "/" })}`)).json()) as { objects: { key: string; contentType: string | null }[]; delimitedPrefixes: string[]; truncated: boolean };
    assert.deepEqual(top.objects.map((o) => o.key), ["readme"]);
    assert.equal(top.objects[0]?.contentType, null);
    assert.deepEqual(top.delimitedPrefixes, ["videos/"]);
    assert.equal(top.truncated, false);
    const videos = (await (await call(`/v1/r2/MEDIA/list?${q({ prefix: "videos/", delimiter: "/" })}`)).json()) as { objects: { key: string }[]; delimitedPrefixes: string[] };
    assert.deepEqual(videos.objects.map((o) => o.key), ["videos/v1.mp4", "videos/v2.mp4"]);
    assert.deepEqual(videos.delimitedPrefixes, ["videos/thumbs/"]);
    const page = (await (await call(`/v1/r2/MEDIA/list?${q({ prefix: "videos/", limit: "2" })}`)).json()) as { objects: { key: string }[]; truncated: boolean; cursor?: string };
    assert.equal(page.truncated, true);
    const rest = (await (await call(`/v1/r2/MEDIA/list?${q({ prefix: "videos/", limit: "2", cursor: page.cursor ?? "" })}`)).json()) as { objects: { key: string }[]; truncated: boolean };
    assert.deepEqual([...page.objects, ...rest.objects].map((o) => o.key), ["videos/thumbs/a.jpg", "videos/v1.mp4", "videos/v2.mp4"]);
    assert.equal(rest.truncated, false);

    assert.equal((await call(`/v1/r2/MEDIA/delete?${q({ key: "videos/v1.mp4" })}`, { method: "DELETE" })).status, 204);
    assert.equal((await errorOf(await call(`/v1/r2/MEDIA/get?${q({ key: "videos/v1.mp4" })}`))).code, "not_found");
    assert.equal((await errorOf(await call(`/v1/r2/MEDIA/head?${q({ key: "videos/v1.mp4" })}`))).status, 404);
  });

  it("round-trips hostile keys", async () => {
    const env = await testEnv();
    const call = bridge(env);
    for (const key of HOSTILE_KEYS) {
      const put = await call(`/v1/r2/MEDIA/put?${q({ key })}`, { method: "PUT", body: key, headers: { "content-length": String(new TextEncoder().encode(key).length) } });
      assert.equal(put.status, 200, key);
      assert.equal(await (await env.MEDIA.get(key))?.text(), key);
      assert.equal(await (await call(`/v1/r2/MEDIA/get?${q({ key })}`)).text(), key);
    }
  });

  it("refuses a put without content-length (411), bad custom metadata (400) and too much of it (413)", async () => {
    const call = bridge({ MEDIA: untouchable("MEDIA") });
    const noLength = await errorOf(await call(`/v1/r2/MEDIA/put?key=a`, { method: "PUT", body: generated(10).stream }));
    assert.deepEqual([noLength.status, noLength.code, noLength.operation], [411, "length_required", "r2.put"]);
    const notStrings = await errorOf(await call(`/v1/r2/MEDIA/put?key=a`, { method: "PUT", body: "x", headers: { "content-length": "1", "cfc-custom-metadata": '{"n":1}' } }));
    assert.deepEqual([notStrings.status, notStrings.code], [400, "bad_request"]);
    const big = await errorOf(await call(`/v1/r2/MEDIA/put?key=a`, { method: "PUT", body: "x", headers: { "content-length": "1", "cfc-custom-metadata": JSON.stringify({ m: "x".repeat(2048) }) } }));
    assert.deepEqual([big.status, big.code], [413, "too_large"]);
    const longKey = await errorOf(await call(`/v1/r2/MEDIA/get?${q({ key: "k".repeat(1025) })}`));
    assert.deepEqual([longKey.status, longKey.code], [400, "bad_request"]);
  });

  it("streams a 50 MB object through put and get without holding it in memory", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const size = 50 * 1024 * 1024;
    const retained = () => {
      gc();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    gc();
    const baseline = retained();
    let peak = 0;
    let sampledAt = -Infinity;
    // every 4 MB, and at the first chunk (which is the whole object if something buffered it)
    const sample = (bytes: number) => {
      if (bytes - sampledAt < 4 * 1024 * 1024) return;
      sampledAt = bytes;
      peak = Math.max(peak, retained() - baseline);
    };
    // A bucket that consumes what is put and generates what is got, so only the handler could hold the bytes.
    let stored = 0;
    const bucket = {
      put: async (key: string, value: ReadableStream<Uint8Array>) => {
        let seen = 0;
        for await (const chunk of value as unknown as AsyncIterable<Uint8Array>) {
          seen += chunk.byteLength;
          sample(seen);
        }
        stored = seen;
        return { key, size: seen, etag: "e", httpEtag: '"e"', uploaded: new Date(0), httpMetadata: {}, customMetadata: {} };
      },
      get: async (key: string) => ({ key, size, etag: "e", httpEtag: '"e"', uploaded: new Date(0), httpMetadata: {}, customMetadata: {}, body: generated(size).stream }),
    };
    const call = bridge({ MEDIA: bucket });
    const put = await call(`/v1/r2/MEDIA/put?key=big`, { method: "PUT", body: generated(size).stream, headers: { "content-length": String(size) } });
    assert.equal(put.status, 200);
    assert.equal(stored, size);
    sampledAt = -Infinity;

    const got = await call(`/v1/r2/MEDIA/get?key=big`);
    assert.equal(got.headers.get("content-length"), String(size));
    let read = 0;
    for await (const chunk of got.body as unknown as AsyncIterable<Uint8Array>) {
      read += chunk.byteLength;
      sample(read);
    }
    assert.equal(read, size);
    assert.ok(peak < size / 5, `memory grew by ${Math.round(peak / 1024 / 1024)} MB while streaming 50 MB`);
  });
});

describe("bridge: d1", () => {
  it("runs statements with parameters and answers results and meta", async () => {
    const env = await testEnv();
    const call = bridge(env);
    const query = (sql: string, params: unknown[] = []) => call(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql, params }) });
    const insert = await query("INSERT INTO notes (body) VALUES (?), (?)", ["ключ 😀", "a'b"]);
    assert.equal(insert.status, 200);
    const inserted = (await insert.json()) as { results: unknown[]; meta: Record<string, number> };
    assert.deepEqual(inserted.results, []);
    assert.equal(inserted.meta["changes"], 2);
    assert.equal(inserted.meta["last_row_id"], 2);
    assert.deepEqual(Object.keys(inserted.meta).sort(), ["changes", "duration", "last_row_id", "rows_read", "rows_written"]);
    const selected = (await (await query("SELECT id, body FROM notes WHERE id >= ? AND ? ORDER BY id", [1, true])).json()) as { results: unknown[] };
    assert.deepEqual(selected.results, [{ id: 1, body: "ключ 😀" }, { id: 2, body: "a'b" }]);
    const noParams = (await (await call(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql: "SELECT count(*) AS n FROM notes" }) })).json()) as { results: unknown[] };
    assert.deepEqual(noParams.results, [{ n: 2 }]);
  });

  it("answers D1's SQL errors as 400 query_error and logs them", async () => {
    const env = await testEnv();
    const call = bridge(env);
    const logged = mock.method(console, "error", () => undefined);
    try {
      for (const sql of ["SELEC 1", "SELECT * FROM missing", "INSERT INTO notes (body) VALUES (NULL)"]) {
        const error = await errorOf(await call(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql }) }));
        assert.deepEqual([error.status, error.code, error.operation], [400, "query_error", "d1.query"], sql);
        assert.match(error.message, /^D1_ERROR: /);
      }
      assert.equal(logged.mock.callCount(), 3);
      assert.match(String(logged.mock.calls[0]?.arguments[0]), /bridge d1\.query on binding DB of container transcoder failed \(400 query_error\)/);
    } finally {
      logged.mock.restore();
    }
  });

  it("refuses bad bodies (400), too many parameters or too large a body (413)", async () => {
    const call = bridge({ DB: untouchable("DB") });
    for (const body of ["not json", "[]", '{"sql":""}', '{"sql":"SELECT 1","params":{}}', '{"sql":"SELECT ?","params":[[1]]}', '{"sql":"SELECT ?","params":[{"a":1}]}']) {
      const error = await errorOf(await call(`/v1/d1/DB/query`, { method: "POST", body }));
      assert.deepEqual([error.status, error.code], [400, "bad_request"], body);
    }
    const many = await errorOf(await call(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql: "SELECT 1", params: new Array(101).fill(1) }) }));
    assert.deepEqual([many.status, many.code], [413, "too_large"]);
    const huge = await errorOf(await call(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql: `SELECT '${"x".repeat(BRIDGE_LIMITS.d1BodyBytes)}'` }) }));
    assert.deepEqual([huge.status, huge.code], [413, "too_large"]);
  });

  it("lets a read-only grant run one read statement and nothing else", async () => {
    const env = await testEnv();
    await bridge(env)(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql: "INSERT INTO notes (body) VALUES ('x')" }) });
    const call = bridge(env, READ_ONLY);
    const read = await call(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql: "SELECT body FROM notes -- DELETE in a comment" }) });
    assert.deepEqual(((await read.json()) as { results: unknown[] }).results, [{ body: "x" }]);
    const write = await errorOf(await call(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql: "DELETE FROM notes" }) }));
    assert.deepEqual([write.status, write.code], [403, "read_only"]);
    const still = await bridge(env)(`/v1/d1/DB/query`, { method: "POST", body: JSON.stringify({ sql: "SELECT count(*) AS n FROM notes" }) });
    assert.deepEqual(((await still.json()) as { results: unknown[] }).results, [{ n: 1 }]);
  });

  it("proves a statement is a read only when it is one", () => {
    const reads = [
      "SELECT 1",
      "select 1;",
      "  SELECT * FROM t ;  ",
      "select/**/1",
      "SELECT 'DROP TABLE t; DELETE' FROM t",
      'SELECT "delete", [update], `insert` FROM t',
      "SELECT 'it''s; DROP' AS x",
      "SELECT \"a\"\"; DROP\" FROM t",
      "WITH x AS (SELECT 1) SELECT * FROM x",
      "EXPLAIN QUERY PLAN SELECT * FROM t",
      "VALUES (1), (2)",
      "SELECT 1 -- ; DROP TABLE t",
      "SELECT 1 /* ; DELETE */",
      "SELECT deleted_at, updates, created FROM t",
      "SELECT x'DE00' AS blob",
    ];
    const writes = [
      "SELECT 1; DROP TABLE t",
      "SELECT 1;; ",
      "WITH x AS (SELECT 1) DELETE FROM t",
      "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
      "INSERT INTO t VALUES (1)",
      "insert into t values (1)",
      "UPDATE t SET a = 1",
      "delete from t",
      "REPLACE INTO t VALUES (1)",
      "CREATE TABLE x (a)",
      "DROP TABLE t",
      "ALTER TABLE t ADD b",
      "ATTACH DATABASE 'x' AS y",
      "DETACH y",
      "PRAGMA writable_schema = 1",
      "VACUUM",
      "REINDEX",
      "ANALYZE",
      "EXPLAIN DELETE FROM t",
      "SELECT 'x'; DELETE FROM t",
      "SELECT 1 /* unterminated",
      "SELECT 'unterminated",
      'SELECT "unterminated',
      "SELECT [unterminated",
      "SELECT `unterminated",
      "SELECT '--'; DROP TABLE t",
      "SELECT \"/*\"; DROP TABLE t; --*/",
      "-- SELECT\nDELETE FROM t",
      "/* SELECT */ DELETE FROM t",
      "(SELECT 1)",
      "",
      "   ",
      ";",
      "SELECT replace(a, 'x', 'y') FROM t", // a function named like a write: refused, conservatively
      "INSERT INTO t SELECT 1 RETURNING *",
      "SELECT * FROM t WHERE a = 1 UNION SELECT 1; UPSERT",
      "SELECT\u0000; DROP TABLE t",
      "BEGIN; SELECT 1",
      "SELECT 1 RETURNING id",
    ];
    for (const sql of reads) assert.equal(isReadOnlySql(sql), true, `a read: ${JSON.stringify(sql)}`);
    for (const sql of writes) assert.equal(isReadOnlySql(sql), false, `not provably a read: ${JSON.stringify(sql)}`);
  });
});

describe("bridge: queue", () => {
  it("sends a message and a batch as json, with their delays", async () => {
    const env = await testEnv();
    const call = bridge(env);
    assert.equal((await call(`/v1/queue/JOBS/send`, { method: "POST", body: JSON.stringify({ body: { video: "v1", title: "ключ 😀" }, delaySeconds: 30 }) })).status, 204);
    const batch = { messages: [{ body: "a" }, { body: [1, 2], delaySeconds: 5 }, { body: null }], delaySeconds: 10 };
    assert.equal((await call(`/v1/queue/JOBS/sendBatch`, { method: "POST", body: JSON.stringify(batch) })).status, 204);
    assert.deepEqual(env.JOBS.sent, [
      { body: { video: "v1", title: "ключ 😀" }, contentType: "json", delaySeconds: 30 },
      { body: "a", contentType: "json", delaySeconds: 10 },
      { body: [1, 2], contentType: "json", delaySeconds: 5 },
      { body: null, contentType: "json", delaySeconds: 10 },
    ]);
  });

  it("refuses bad messages (400) and each size limit (413) without sending", async () => {
    const call = bridge({ JOBS: untouchable("JOBS") });
    for (const [op, body] of [
      ["send", "{}"],
      ["send", "not json"],
      ["send", JSON.stringify({ body: 1, delaySeconds: 43_201 })],
      ["send", JSON.stringify({ body: 1, delaySeconds: -1 })],
      ["send", JSON.stringify({ body: 1, delaySeconds: 1.5 })],
      ["sendBatch", JSON.stringify({ messages: [] })],
      ["sendBatch", JSON.stringify({ messages: [{ nobody: 1 }] })],
      ["sendBatch", JSON.stringify({ messages: [{ body: 1 }], delaySeconds: 99_999 })],
    ] as const) {
      const error = await errorOf(await call(`/v1/queue/JOBS/${op}`, { method: "POST", body }));
      assert.deepEqual([error.status, error.code], [400, "bad_request"], body);
    }
    const big = "x".repeat(BRIDGE_LIMITS.queueMessageBytes);
    for (const [op, body] of [
      ["send", JSON.stringify({ body: big })],
      ["sendBatch", JSON.stringify({ messages: [{ body: big }] })],
      ["sendBatch", JSON.stringify({ messages: new Array(101).fill({ body: 1 }) })],
      ["sendBatch", JSON.stringify({ messages: new Array(3).fill({ body: "y".repeat(100 * 1024) }) })],
    ] as const) {
      const error = await errorOf(await call(`/v1/queue/JOBS/${op}`, { method: "POST", body }));
      assert.deepEqual([error.status, error.code], [413, "too_large"], `${op} of ${body.length} bytes`);
    }
  });
});

describe("bridge: service", () => {
  it("forwards method, path, query, headers and body, and streams the answer back", async () => {
    const env = await testEnv();
    const call = bridge(env);
    const response = await call(`/v1/service/API/fetch/v1/media/%E2%9C%93?id=7&x=a%2Bb`, {
      method: "POST",
      body: "payload",
      headers: { "x-trace": "t1", "cfc-token": "never forwarded", connection: "keep-alive, x-hop", "x-hop": "h", "keep-alive": "timeout=1", "content-type": "text/plain" },
    });
    assert.equal(response.status, 201);
    const echoed = (await response.json()) as { method: string; url: string; headers: Record<string, string>; body: string };
    assert.equal(echoed.method, "POST");
    assert.equal(echoed.url, "https://api.service/v1/media/%E2%9C%93?id=7&x=a%2Bb", "the binding names the host (hosts are case-insensitive)");
    assert.equal(echoed.body, "payload");
    assert.equal(echoed.headers["x-trace"], "t1");
    assert.equal(echoed.headers["content-type"], "text/plain");
    for (const dropped of ["cfc-token", "connection", "x-hop", "keep-alive", "host"]) assert.ok(!(dropped in echoed.headers), `${dropped} reached the service`);
    assert.equal(response.headers.get("x-echo"), "yes");
    for (const dropped of ["keep-alive", "cfc-internal", "connection", "x-private"]) assert.equal(response.headers.get(dropped), null, `${dropped} came back`);
  });

  it("lets a read-only grant make only GET, HEAD and OPTIONS calls", async () => {
    const env = await testEnv();
    const call = bridge(env, READ_ONLY);
    for (const method of ["GET", "HEAD", "OPTIONS"]) assert.equal((await call(`/v1/service/API/fetch/x`, { method })).status, 201, method);
    const refusing = bridge({ API: untouchable("API") }, READ_ONLY);
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const error = await errorOf(await refusing(`/v1/service/API/fetch/x`, { method, ...(method === "DELETE" ? {} : { body: "b" }) }));
      assert.deepEqual([error.status, error.code, error.operation], [403, "read_only", "service.fetch"], method);
    }
  });

  it("refuses a body over the service limit, declared or streamed", async () => {
    const declared = await errorOf(await bridge({ API: untouchable("API") })(`/v1/service/API/fetch/x`, { method: "POST", body: "x", headers: { "content-length": String(BRIDGE_LIMITS.serviceBodyBytes + 1) } }));
    assert.deepEqual([declared.status, declared.code], [413, "too_large"]);
    const reading = { fetch: async (request: Request) => new Response(await request.text()) };
    const streamed = await errorOf(await bridge({ API: reading }, GRANTS, { serviceBodyBytes: 1000 })(`/v1/service/API/fetch/x`, { method: "POST", body: generated(5000, 100).stream }));
    assert.deepEqual([streamed.status, streamed.code], [413, "too_large"]);
  });
});

describe("bridge: refusals and failures", () => {
  it("answers not_declared alike for a binding that is not granted and one granted with another kind", async () => {
    const env = await testEnv();
    const call = bridge({ ...env, MEDIA: untouchable("MEDIA"), SECRET: untouchable("SECRET") });
    const missing = await errorOf(await call(`/v1/kv/NOPE/get?key=a`));
    const ungranted = await errorOf(await call(`/v1/kv/SECRET/get?key=a`));
    const otherKind = await errorOf(await call(`/v1/kv/MEDIA/get?key=a`));
    const unknownKind = await errorOf(await call(`/v1/blob/CACHE/get?key=a`));
    for (const error of [missing, ungranted, otherKind, unknownKind]) assert.deepEqual([error.status, error.code], [403, "not_declared"]);
    const withoutName = (e: { binding: string; message: string }) => e.message.replace(e.binding, "B");
    assert.equal(withoutName(ungranted), withoutName(missing));
    assert.equal(withoutName(otherKind), withoutName(missing), "a kind mismatch reads like an unknown binding");
  });

  it("refuses writes on read-only grants before touching the binding", async () => {
    const call = bridge({ CACHE: untouchable("CACHE"), MEDIA: untouchable("MEDIA"), DB: untouchable("DB"), API: untouchable("API") }, READ_ONLY);
    const writes: [string, RequestInit][] = [
      ["/v1/kv/CACHE/put?key=a", { method: "PUT", body: "x" }],
      ["/v1/kv/CACHE/delete?key=a", { method: "DELETE" }],
      ["/v1/r2/MEDIA/put?key=a", { method: "PUT", body: "x", headers: { "content-length": "1" } }],
      ["/v1/r2/MEDIA/delete?key=a", { method: "DELETE" }],
      ["/v1/d1/DB/query", { method: "POST", body: JSON.stringify({ sql: "UPDATE t SET a = 1" }) }],
      ["/v1/service/API/fetch/a", { method: "POST", body: "x" }],
    ];
    for (const [path, init] of writes) {
      const error = await errorOf(await call(path, init));
      assert.deepEqual([error.status, error.code], [403, "read_only"], path);
    }
  });

  it("answers unknown operations (404), wrong methods (405) and bad paths", async () => {
    const call = bridge({ CACHE: untouchable("CACHE"), JOBS: untouchable("JOBS"), MEDIA: untouchable("MEDIA"), DB: untouchable("DB") });
    for (const path of ["/v1/kv/CACHE/increment?key=a", "/v1/queue/JOBS/receive", "/v1/kv/CACHE/get/extra?key=a", "/v1/kv/CACHE/toString", "/v1/kv/CACHE/__proto__", "/v2/kv/CACHE/get?key=a", "/"]) {
      const error = await errorOf(await call(path, { method: "POST" }));
      assert.equal(error.status, 404, path);
      assert.equal(error.code, "unknown_operation", path);
    }
    const methods: [string, string][] = [
      ["/v1/kv/CACHE/get?key=a", "POST"],
      ["/v1/kv/CACHE/put?key=a", "POST"],
      ["/v1/kv/CACHE/delete?key=a", "GET"],
      ["/v1/r2/MEDIA/put?key=a", "POST"],
      ["/v1/r2/MEDIA/list", "DELETE"],
      ["/v1/d1/DB/query", "GET"],
      ["/v1/queue/JOBS/send", "PUT"],
    ];
    for (const [path, method] of methods) {
      const error = await errorOf(await call(path, { method }));
      assert.deepEqual([error.status, error.code], [405, "method_not_allowed"], `${method} ${path}`);
    }
  });

  it("maps platform errors to 429, 413 and 502 with the binding's message, logged once", async () => {
    const failing = (message: string) => ({
      getWithMetadata: async () => {
        throw new Error(message);
      },
    });
    const cases: [string, number, string][] = [
      ["KV GET failed: 429 Too Many Requests", 429, "rate_limited"],
      ["KV PUT failed: 413 Value length of 30000000 exceeds limit of 26214400.", 413, "too_large"],
      ["Network connection lost.", 502, "binding_error"],
      ["x".repeat(2000), 502, "binding_error"],
    ];
    for (const [message, status, code] of cases) {
      const logged = mock.method(console, "error", () => undefined);
      try {
        const error = await errorOf(await bridge({ CACHE: failing(message) })(`/v1/kv/CACHE/get?key=a`));
        assert.deepEqual([error.status, error.code, error.binding, error.operation], [status, code, "CACHE", "kv.get"]);
        assert.equal(error.message, message.slice(0, 500));
        assert.equal(logged.mock.callCount(), 1);
        assert.deepEqual(logged.mock.calls[0]?.arguments, [`cfc: bridge kv.get on binding CACHE of container transcoder failed (${status} ${code}):`, message]);
      } finally {
        logged.mock.restore();
      }
    }
    const quiet = mock.method(console, "error", () => undefined);
    try {
      await bridge({})(`/v1/kv/NOPE/get?key=a`);
      await bridge({ CACHE: untouchable("CACHE") }, READ_ONLY)(`/v1/kv/CACHE/put?key=a`, { method: "PUT", body: "x" });
      assert.equal(quiet.mock.callCount(), 0, "refusals are answered, not logged");
      const unbound = await errorOf(await bridge({})(`/v1/kv/CACHE/get?key=a`));
      assert.deepEqual([unbound.status, unbound.code], [502, "binding_error"]);
      assert.equal(quiet.mock.callCount(), 1, "a granted binding missing from the env is a deployment fault, logged");
    } finally {
      quiet.mock.restore();
    }
  });
});

describe("bridge: wireBridge through the real ContainerProxy", () => {
  class UserBase extends Container {
    static override outboundByHost = { "api.partner.example": async () => new Response("partner") };
  }
  class BridgedContainer extends UserBase {}
  wireOutbound(BridgedContainer as never);
  wireBridge(BridgedContainer as never, "transcoder", { CACHE: RW("kv") });

  const proxy = (props: Record<string, unknown>, env: unknown) => {
    const Proxy = ContainerProxy as unknown as new (ctx: unknown, env: unknown) => { fetch(request: Request): Promise<Response> };
    return new Proxy({ props: { className: "BridgedContainer", ...props } }, env);
  };

  it("reaches the handler with the Worker's env, beside the handlers wireOutbound registered", async () => {
    const env = { CACHE: memoryKv() };
    await env.CACHE.put("k", "from the worker's KV");
    const response = await proxy({}, env).fetch(new Request(`http://${BRIDGE_HOST}/v1/kv/CACHE/get?key=k`));
    assert.equal(await response.text(), "from the worker's KV");
    const partner = await proxy({}, env).fetch(new Request("https://api.partner.example/x"));
    assert.equal(await partner.text(), "partner");
    assert.deepEqual(Object.keys(Reflect.get(Container, "outboundByHost", BridgedContainer) as object).sort(), ["api.partner.example", BRIDGE_HOST]);
  });

  it("passes the platform's host rules: allowed when allowedHosts lists it, blocked when deniedHosts does", async () => {
    const env = { CACHE: memoryKv() };
    await env.CACHE.put("k", "v");
    const url = `http://${BRIDGE_HOST}/v1/kv/CACHE/get?key=k`;
    assert.equal(await (await proxy({ allowedHosts: [BRIDGE_HOST, "api.partner.example"] }, env).fetch(new Request(url))).text(), "v");
    const notAllowed = await proxy({ allowedHosts: ["api.partner.example"] }, env).fetch(new Request(url));
    assert.equal(notAllowed.status, 520, "an allowedHosts list without the bridge host blocks it: the generated class adds it");
    const denied = await proxy({ allowedHosts: [BRIDGE_HOST], deniedHosts: ["*.cfc.internal"] }, env).fetch(new Request(url));
    assert.equal(denied.status, 520, "deniedHosts wins over everything, the bridge included");
  });

  it("refuses a class that does not extend Container", () => {
    class NotAContainer {}
    assert.throws(() => wireBridge(NotAContainer as never, "x", {}), /NotAContainer does not extend Container/);
  });
});

describe("bridge: the test context", () => {
  it("calls a container's declared bridge on t.env", async () => {
    // region test-context-bridge
    const t = createContainerTestContext<{ CACHE: KVNamespace; JOBS: MemoryQueue }>({ CACHE: memoryKv(), JOBS: memoryQueue() });
    t.container("CONTAINER_TRANSCODER", { bridge: { CACHE: { kind: "kv", readOnly: true }, JOBS: { kind: "queue", readOnly: false } } });
    await t.env.CACHE.put("k", "v");
    const b = t.bridge("CONTAINER_TRANSCODER");
    assert.equal(await (await b.fetch("/v1/kv/CACHE/get?key=k")).text(), "v");
    assert.equal((await b.fetch("/v1/kv/CACHE/put?key=k", { method: "PUT", body: "w" })).status, 403);
    assert.equal((await b.fetch("/v1/queue/JOBS/send", { method: "POST", body: JSON.stringify({ body: { id: 1 } }) })).status, 204);
    assert.deepEqual(t.env.JOBS.sent, [{ body: { id: 1 }, contentType: "json", delaySeconds: undefined }]);
    // endregion
    const direct = t.bridge({ CACHE: RW("kv") }, { limits: { kvValueBytes: 2 } });
    assert.equal((await direct.fetch("/v1/kv/CACHE/put?key=k", { method: "PUT", body: generated(10, 1).stream })).status, 413);
    assert.throws(() => t.bridge("CONTAINER_OTHER"), /CONTAINER_OTHER has no bridge grants/);
  });
});

describe("in-memory bindings", () => {
  it("kv: expires keys, answers every get type, checks keys, TTLs and metadata like the platform", async () => {
    let now = 1_000_000;
    const kv = memoryKv({ now: () => now });
    await kv.put("j", '{"a":1}', { expirationTtl: 60, metadata: { m: 1 } });
    assert.deepEqual(await kv.get("j", "json"), { a: 1 });
    assert.equal(new TextDecoder().decode(await kv.get("j", "arrayBuffer") as ArrayBuffer), '{"a":1}');
    assert.equal(await new Response(await kv.get("j", { type: "stream" })).text(), '{"a":1}');
    assert.deepEqual((await kv.getWithMetadata("j")).metadata, { m: 1 });
    now += 60_000;
    assert.equal(await kv.get("j"), null, "expired");
    await assert.rejects(kv.put("a", "x", { expirationTtl: 59 }), /Expiration TTL must be at least 60/);
    await assert.rejects(kv.put("", "x"), /must not be empty/);
    await assert.rejects(kv.put("k".repeat(513), "x"), /exceeds key length limit of 512/);
    await assert.rejects(kv.put("a", "x", { metadata: { m: "x".repeat(1024) } }), /Metadata length/);
  });

  it("queue: refuses a batch of more than 100 messages", async () => {
    const queue = memoryQueue();
    await assert.rejects(queue.sendBatch(new Array(101).fill({ body: 1 })), /exceeds the limit of 100/);
    assert.deepEqual(queue.sent, []);
  });

  it("r2: deletes many keys at once and refuses too much custom metadata", async () => {
    const r2 = memoryR2();
    await r2.put("a", "1");
    await r2.put("b", new TextEncoder().encode("2"));
    await r2.delete(["a", "b"]);
    assert.deepEqual((await r2.list()).objects, []);
    await assert.rejects(r2.put("c", "x", { customMetadata: { m: "x".repeat(2048) } }), /metadata/);
  });
});

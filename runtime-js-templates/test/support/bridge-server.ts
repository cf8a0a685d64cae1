// A Node HTTP host of the bridge handler, for the Java <-> TypeScript integration test and the
// bridge benchmark. Run it with the test loader:
//
//   node --import ./test/support/register.mjs build/test/support/bridge-server.js \
//     --env '{"CACHE":"kv","MEDIA":"r2","DB":"d1","JOBS":"queue","API":"service"}' \
//     --grants '{"CACHE":{"kind":"kv","readOnly":false}}' [--container transcoder] \
//     [--module build/test/support/bridged-fixture.js --class BridgedFixture]
//
// It listens on 127.0.0.1 (a free port), prints exactly one line `listening <port>` on stdout,
// and serves every request as the container's app would send it to bridge.cfc.internal: with
// --grants through createBridgeHandler, or with --module/--class through the real
// ContainerProxy, which finds the handler the class registered (wireBridge) in outboundByHost.
// Bodies stream both ways. --env binds in-memory fakes: kv (memoryKv), r2 (memoryR2), d1 (sql.js),
// queue (memoryQueue) and service (an echo: answers the request's body, with x-echo-method,
// x-echo-url and x-echo-headers); a binding may be in the env without being granted.
//
// Introspection and seeding, on paths the bridge never uses:
//   GET  /__fakes/queue/<B>            the messages sent, as JSON [{body, contentType, delaySeconds}]
//   POST /__fakes/d1/<B>/exec          runs the body as SQL (schema, rows) → 204
//   PUT  /__fakes/kv/<B>?key=K         stores the body under K → 204
//   PUT  /__fakes/r2/<B>?key=K         stores the body under K → 204
// It stops on SIGTERM, SIGINT or when its stdin closes (keep stdin open while using it).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { BRIDGE_HOST, type BridgeGrants, type BridgeHandler, type BridgeKind, createBridgeHandler, headerJson } from "../../src/cfc-bridge.js";
import { type MemoryQueue, memoryKv, memoryQueue, memoryR2 } from "../../src/cfc-testing.js";
import { memoryD1 } from "./memory-d1.js";

/** A service binding that answers with the request's own body and describes the request in headers. */
export const echoService = {
  fetch: async (request: Request): Promise<Response> => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    return new Response(request.body, {
      status: 200,
      headers: { "x-echo-method": request.method, "x-echo-url": request.url, "x-echo-headers": headerJson(headers) },
    });
  },
};

export async function fakeEnv(kinds: Readonly<Record<string, BridgeKind>>): Promise<Record<string, unknown>> {
  const env: Record<string, unknown> = {};
  for (const [binding, kind] of Object.entries(kinds)) {
    switch (kind) {
      case "kv":
        env[binding] = memoryKv();
        break;
      case "r2":
        env[binding] = memoryR2();
        break;
      case "d1":
        env[binding] = await memoryD1();
        break;
      case "queue":
        env[binding] = memoryQueue();
        break;
      case "service":
        env[binding] = echoService;
        break;
      default:
        throw new Error(`--env: ${binding} has unknown kind ${String(kind)}; kinds are kv, r2, d1, queue, service`);
    }
  }
  return env;
}

/** The handler that serves bridge requests: the grants' own, or the class's through ContainerProxy. */
async function bridgeOf(values: { grants?: string; container?: string; module?: string; class?: string }): Promise<BridgeHandler> {
  if (values.module !== undefined) {
    if (values.class === undefined) throw new Error("--module needs --class <the generated class's name>");
    const loaded = (await import(pathToFileURL(values.module).href)) as Record<string, unknown>;
    if (typeof loaded[values.class] !== "function") throw new Error(`${values.module} exports no class ${values.class}`);
    const { ContainerProxy } = await import("@cloudflare/containers");
    const Proxy = ContainerProxy as unknown as new (ctx: unknown, env: unknown) => { fetch(request: Request): Promise<Response> };
    const className = values.class;
    return (request, env) => new Proxy({ props: { className } }, env).fetch(request);
  }
  if (values.grants === undefined) throw new Error("give --grants '<json>' or --module <file> --class <name>");
  return createBridgeHandler(values.container ?? "container", JSON.parse(values.grants) as BridgeGrants);
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  const bodyless = req.method === "GET" || req.method === "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method: req.method ?? "GET", headers };
  if (!bodyless) {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  return new Request(`http://${BRIDGE_HOST}${req.url ?? "/"}`, init);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: string[] = [];
  response.headers.forEach((value, name) => headers.push(name, value));
  res.writeHead(response.status, response.statusText, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as never, { highWaterMark: 1024 * 1024 }), res);
}

async function fakes(url: URL, req: IncomingMessage, env: Record<string, unknown>): Promise<Response> {
  const [, , kind = "", binding = "", action = ""] = url.pathname.split("/");
  const target = env[binding];
  const body = () => new Response(Readable.toWeb(req) as unknown as ReadableStream).arrayBuffer();
  if (target === undefined) return new Response(`no binding ${binding}`, { status: 404 });
  if (kind === "queue" && req.method === "GET") return Response.json((target as MemoryQueue).sent);
  if (kind === "d1" && action === "exec" && req.method === "POST") {
    await (target as D1Database).exec(new TextDecoder().decode(await body()));
    return new Response(null, { status: 204 });
  }
  const key = url.searchParams.get("key");
  if (key !== null && req.method === "PUT" && (kind === "kv" || kind === "r2")) {
    await (target as KVNamespace | R2Bucket).put(key, await body());
    return new Response(null, { status: 204 });
  }
  return new Response(`no fake operation ${req.method} ${url.pathname}`, { status: 404 });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { grants: { type: "string" }, container: { type: "string" }, env: { type: "string" }, module: { type: "string" }, class: { type: "string" } },
  });
  const env = await fakeEnv(JSON.parse(values.env ?? "{}") as Record<string, BridgeKind>);
  const handler = await bridgeOf(values);
  const server = createServer({ keepAliveTimeout: 60_000, highWaterMark: 1024 * 1024 } as never, (req, res) => {
    const url = new URL(req.url ?? "/", `http://${BRIDGE_HOST}`);
    const answer = url.pathname.startsWith("/__fakes/") ? fakes(url, req, env) : handler(toRequest(req), env);
    answer
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        console.error("bridge-server:", error);
        if (!res.headersSent) res.writeHead(500).end(String(error));
        else res.destroy();
      });
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === "object" && address !== null ? address.port : address}\n`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop).on("close", stop).resume();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(`bridge-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}

// Per-call overhead of a cfc handle on the success path over calling the stub directly.
//
//   node ../../runtime-js-templates/node_modules/typescript/bin/tsc -p . && node build/benchmarks/handle-overhead/bench.js
//
// Both sides talk to the same fake Durable Object namespace, whose stub answers every fetch
// with one shared 200 response at once, so what differs is only what the handle adds: building
// the request source, the retry loop's first (and only) attempt and the status check. The raw
// side is what a Worker writes without cfc: `ns.get(ns.idFromName(id)).fetch(new Request(url))`.
//
// Calls are awaited one after another in batches; raw and handle batches alternate so that load
// from other processes falls on both alike. Reported: the median elapsed time per call of each
// side over all batches, the median of the per-pair differences (the overhead), and the same
// difference in CPU time, which other processes' load does not inflate.
import { createContainerHandle, type ContainerStubLike, type NamespaceLike } from "../../runtime-js-templates/src/cfc-handles.js";

const BATCH = Number(process.env.BATCH ?? 2_000);
const WARMUP_BATCHES = Number(process.env.WARMUP ?? 100);
const BATCHES = Number(process.env.BATCHES ?? 400);
const TARGET_US = 2;

const OK = new Response(null, { status: 200 });

function fakeStub(): ContainerStubLike {
  const never = (): Promise<never> => Promise.reject(new Error("not used by the benchmark"));
  return {
    fetch: (request: Request) => {
      if (request.method.length === 0) throw new Error("unreachable: keeps the request alive");
      return Promise.resolve(OK);
    },
    start: never, stop: never, destroy: never, getState: never, renewActivityTimeout: never,
    allowHost: never, denyHost: never, setAllowedHosts: never, setDeniedHosts: never,
    removeAllowedHost: never, removeDeniedHost: never,
  };
}

/** A namespace like a DurableObjectNamespace: ids by name, a stub per get (as workerd does). */
function fakeNamespace() {
  return {
    idFromName: (name: string) => ({ name }),
    get: (_id: unknown) => fakeStub(),
  };
}

type Case = {
  name: string;
  raw: (ns: ReturnType<typeof fakeNamespace>, id: string) => Promise<Response>;
  handle: (ns: ReturnType<typeof fakeNamespace>, id: string) => Promise<Response>;
};

const HEADERS = { "content-type": "application/json", "x-request-id": "abc" };
const BODY = JSON.stringify({ video: "v1", preset: "720p" });
const CASES: Case[] = [
  {
    name: 'createContainerHandle(ns, opts).get(id).fetch("/work")',
    raw: (ns, id) => ns.get(ns.idFromName(id)).fetch(new Request("http://container/work")),
    handle: (ns, id) => createContainerHandle(ns as NamespaceLike, { maxInstances: 5 }).get(id).fetch("/work"),
  },
  {
    name: 'handle created once; h.get(id).fetch("/work")',
    raw: (ns, id) => ns.get(ns.idFromName(id)).fetch(new Request("http://container/work")),
    handle: (() => {
      let h: ReturnType<typeof createContainerHandle> | undefined;
      return (ns: ReturnType<typeof fakeNamespace>, id: string) =>
        (h ??= createContainerHandle(ns as NamespaceLike, { maxInstances: 5 })).get(id).fetch("/work");
    })(),
  },
  {
    name: 'POST with headers and a string body',
    raw: (ns, id) => ns.get(ns.idFromName(id)).fetch(
      new Request("http://container/transcode", { method: "POST", headers: HEADERS, body: BODY })),
    handle: (ns, id) => createContainerHandle(ns as NamespaceLike, { maxInstances: 5 }).get(id)
      .fetch("/transcode", { method: "POST", headers: HEADERS, body: BODY }),
  },
];

/**
 * Microseconds per call of one batch: elapsed time, and the CPU time (user + system, all of this
 * process's threads, so the garbage collector's helpers too) it used. On a quiet machine the
 * elapsed time is the latency a Worker sees; on a shared one, other processes preempt this one
 * and inflate elapsed time but not CPU time, so both are reported.
 */
async function batch(fn: Case["raw"], ns: ReturnType<typeof fakeNamespace>): Promise<[number, number]> {
  const startWall = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  for (let i = 0; i < BATCH; i++) {
    const response = await fn(ns, "tenant-" + (i & 63));
    if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
  }
  const cpu = process.cpuUsage(startCpu);
  return [Number(process.hrtime.bigint() - startWall) / BATCH / 1000, (cpu.user + cpu.system) / BATCH];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ns = fakeNamespace();
const lines: string[] = [];
lines.push(`# handle overhead: node ${process.version}, ${BATCHES} batches × ${BATCH} calls per side after ${WARMUP_BATCHES} warm-up batches`);
lines.push(`# medians per call in µs; overhead = median of per-batch differences; target ≤ ${TARGET_US} µs on elapsed time`);
lines.push(`${"case".padEnd(58)} ${"raw".padStart(7)} ${"handle".padStart(7)} ${"overhead".padStart(9)} ${"(cpu)".padStart(7)}`);
for (const c of CASES) {
  for (let i = 0; i < WARMUP_BATCHES; i++) {
    await batch(c.raw, ns);
    await batch(c.handle, ns);
  }
  const raw: number[] = [];
  const handle: number[] = [];
  const diff: number[] = [];
  const cpuDiff: number[] = [];
  for (let i = 0; i < BATCHES; i++) {
    // alternate which side goes first, so neither always runs right after a GC of the other
    let r: [number, number];
    let h: [number, number];
    if (i % 2 === 0) {
      r = await batch(c.raw, ns);
      h = await batch(c.handle, ns);
    } else {
      h = await batch(c.handle, ns);
      r = await batch(c.raw, ns);
    }
    raw.push(r[0]);
    handle.push(h[0]);
    diff.push(h[0] - r[0]);
    cpuDiff.push(h[1] - r[1]);
  }
  const overhead = median(diff);
  lines.push(`${c.name.padEnd(58)} ${median(raw).toFixed(2).padStart(7)} ${median(handle).toFixed(2).padStart(7)} ${overhead.toFixed(2).padStart(9)} ${median(cpuDiff).toFixed(2).padStart(7)}  ${overhead <= TARGET_US ? "met" : "MISSED"}`);
}
console.log(lines.join("\n"));

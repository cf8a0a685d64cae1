// A fake DurableObjectState for instantiating generated Container classes in plain Node: its
// `container` follows the workers-types `Container` interface (running, start, monitor, signal,
// destroy, getTcpPort(port).fetch), records every `start(options)`, and opens ports on a script
// measured on a clock, so tests can have an admin port come up late or never. It records the
// outbound interceptions the class installs and the ContainerProxy props they carry, so a test
// can send a container's outbound request through the real ContainerProxy.
import type { Clock } from "../../src/cfc-readiness.js";

/** The platform's answer on a port nothing listens on yet (the base class matches this text). */
export const NOT_LISTENING = "The container is not listening in the TCP address 10.0.0.1";

export interface PortCall {
  readonly port: number;
  readonly url: string;
  readonly insideBlock: boolean;
  readonly headers: Headers;
  /** The clock's time of the call. */
  readonly at: number;
  /** Whether the port was open (false: the call threw NOT_LISTENING). */
  readonly open: boolean;
}

/** What the app answers once a port is open; undefined means `hello from <port>`, status 200. */
export type PortBehaviour = (port: number, url: string, at: number) => Response | undefined;

export interface FakePlatformOptions {
  /** Answers of the app on open ports. */
  readonly behaviour?: PortBehaviour;
  /**
   * When each port opens, in ms on `clock` after the start (Infinity: never). A port not named
   * opens at the start.
   */
  readonly opensAt?: Readonly<Record<number, number>>;
  /** Clock the port script is measured on; time 0 when absent. */
  readonly clock?: Clock;
}

export function fakePlatform(options: FakePlatformOptions = {}) {
  const behaviour = options.behaviour ?? (() => undefined);
  const opensAt = options.opensAt ?? {};
  const now = () => options.clock?.now() ?? 0;
  const storage = new Map<string, unknown>();
  const portCalls: PortCall[] = [];
  const starts: ContainerStartupOptions[] = [];
  const signals: number[] = [];
  const schedules: Array<{ callback: string; payload: unknown; delay: number }> = [];
  /** Interceptions installed on the container: `[kind, host]`, kind "http", "https" or "all". */
  const intercepts: Array<[string, string]> = [];
  /** The props of every ContainerProxy fetcher the class asked `ctx.exports` for. */
  const proxyProps: Array<Record<string, unknown>> = [];
  let blockDepth = 0;
  let startedAt = 0;
  const isOpen = (port: number) => now() - startedAt >= (opensAt[port] ?? 0);
  const container = {
    running: false,
    start(config?: ContainerStartupOptions) {
      if (container.running) throw new Error("start() cannot be called on a container that is already running.");
      starts.push(structuredClone(config ?? { enableInternet: true }));
      startedAt = now();
      container.running = true;
    },
    monitor: () => new Promise<void>(() => undefined),
    signal(signo: number) {
      signals.push(signo);
      container.running = false;
    },
    destroy: async () => {
      container.running = false;
    },
    setInactivityTimeout: async () => undefined,
    interceptOutboundHttp: async (host: string) => void intercepts.push(["http", host]),
    interceptOutboundHttps: async (host: string) => void intercepts.push(["https", host]),
    interceptAllOutboundHttp: async () => void intercepts.push(["all", "*"]),
    getTcpPort: (port: number) => ({
      fetch: async (url: string, init?: RequestInit | Request) => {
        const headers = new Headers(init instanceof Request ? init.headers : init?.headers);
        const open = container.running && isOpen(port);
        portCalls.push({ port, url, insideBlock: blockDepth > 0, headers, at: now(), open });
        if (!open) throw new Error(`${NOT_LISTENING}:${port}`);
        const response = behaviour(port, url, now()) ?? new Response(`hello from ${port}`, { status: 200 });
        Object.defineProperty(response, "webSocket", { value: null });
        return response;
      },
    }),
  };
  const ctx = {
    id: { toString: () => "fake-id" },
    exports: {
      ContainerProxy: (options: { props: Record<string, unknown> }) => {
        proxyProps.push(options.props);
        return {};
      },
    },
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
  return {
    ctx,
    container,
    storage,
    portCalls,
    starts,
    signals,
    schedules,
    intercepts,
    proxyProps,
    /** Calls that reached an open port at a path other than the base class's pings and the probes. */
    appCalls: () => portCalls.filter((c) => c.open && !/^http:\/\/(localhost\/ping|ping|containerstarthealthcheck)$/.test(c.url)),
  };
}

export type FakePlatform = ReturnType<typeof fakePlatform>;

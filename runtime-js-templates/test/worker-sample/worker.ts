// A Worker using every handle method of the generated factory; type-checked in the build.
import { type Env, containers } from "../fixture-generated/index.js";
import { createContainerTestContext } from "../fixture-generated/cfc-testing.js";
import { CfcContainer, type OutboundHandler, type OutboundHandlerContext } from "../fixture-generated/cfc-runtime.js";
import type { ContainerHandle } from "../fixture-generated/cfc-handles.js";
import type { HookedContainer } from "../fixture-generated/HookedContainer.js";

export { ContainerProxy, JobContainer, TranscoderContainer } from "../fixture-generated/index.js";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const c = containers(env);
    const url = new URL(request.url);
    if (url.pathname === "/admin") return c.transcoder.get("x").port(9090).fetch("/admin");
    if (url.pathname === "/any") return c.transcoder.any({ attempts: 3 }).fetch("/healthz");
    if (url.pathname === "/pool") return c.job.pool({ attempts: 3 }).fetch(request);
    const handle = c.transcoder.get(url.searchParams.get("id") ?? "default", { attempts: 6, backoffMs: 500 });
    await handle.start({ envVars: { MODE: "batch" } });
    await handle.start({ labels: { tenant: "acme" } }, { portToCheck: 8080, retries: 3, waitInterval: 100 });
    await handle.startAndWaitForPorts({ ports: [8080, 9090], cancellationOptions: { portReadyTimeoutMS: 20_000 } });
    await handle.waitForPort({ portToCheck: 9090 });
    // The typed stub: RPC methods of the class, with their types.
    await handle.stub.onHardTimeout();
    // @ts-expect-error the generation must be a number
    await handle.stub.onHardTimeoutExpired({ generation: "1" });
    const state = await handle.getState();
    await handle.renewActivityTimeout();
    await handle.egress.allow("api.example.com");
    await handle.egress.deny("evil.example.com");
    await handle.egress.setAllowed(["a.example.com"]);
    await handle.egress.setDenied(["b.example.com"]);
    await handle.egress.removeAllowed("a.example.com");
    await handle.egress.removeDenied("b.example.com");
    const response = await handle.fetch("/transcode", { method: "POST", body: "{}" });
    await handle.stop();
    await handle.stop("SIGKILL");
    await handle.destroy();
    return new Response(`${state.status} ${response.status}`);
  },
} satisfies ExportedHandler<Env>;

export async function sampleTest(): Promise<number> {
  const t = createContainerTestContext<Env>({ TRANSCODER_API_KEY: "k" });
  t.coldStart("CONTAINER_TRANSCODER", 2);
  const response = await containers(t.env, t.deps).transcoder.get("v1").fetch("/transcode");
  return response.status + t.calls.length;
}

/** An outbound handler typed with the runtime's re-exported types. */
export const addAuth: OutboundHandler<Env> = (request: Request, env: Env, ctx: OutboundHandlerContext) => {
  const headers = new Headers(request.headers);
  headers.set("authorization", `Bearer ${env.TRANSCODER_API_KEY}`);
  headers.set("x-container", ctx.containerId);
  return fetch(new Request(request, { headers }));
};

/** The typed stub reaches the custom RPC methods of the team's class, with their types. */
export async function typedStub(handle: ContainerHandle<HookedContainer>): Promise<number> {
  const count: number = await handle.get("v1").stub.renditionCount("v1");
  // @ts-expect-error renditionCount takes the video id as a string
  await handle.get("v1").stub.renditionCount(7);
  // @ts-expect-error the stub has only the class's methods
  await handle.get("v1").stub.renditionTotal("v1");
  return count;
}

/** tsc --strict checks the team's hooks against Container's: a wrong signature fails the build. */
export abstract class WrongHooks extends CfcContainer {
  // @ts-expect-error onStop receives StopParams ({ exitCode, reason }), not a string
  override onStop(_params: string): void {}
}

// The tour's Worker. The docs quote its regions; the docs test generates `./_generated` and
// type-checks this file under `tsc --strict`.
// region exports
import { containers, type Env } from "./_generated/index.js";

// The Worker's main module must export every Container class (and ContainerProxy, which the
// generated index re-exports when a container uses egress rules).
export {
  ContainerProxy,
  FetcherContainer,
  JobContainer,
  ThumbnailerContainer,
  TranscoderContainer,
} from "./_generated/index.js";
// endregion

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const videoId = url.searchParams.get("video") ?? "demo";
    // region handles
    const c = containers(env);

    // One instance per id: the same id always reaches the same container.
    const transcoded = await c.transcoder.get(videoId).fetch("/transcode", { method: "POST" });

    // A random instance out of maxInstances, for stateless work.
    const health = await c.transcoder.any().fetch("/healthz");

    // Like any(), but a failed attempt moves on to another instance.
    const job = await c.job.pool({ attempts: 3 }).fetch("/run", { method: "POST" });

    // Another port of the same instance (it must be in requiredPorts).
    const admin = await c.transcoder.get(videoId).port(9090).fetch("/admin");
    // endregion

    // region retry-options
    // Up to 10 attempts on the same instance, first wait 250 ms, doubling.
    const patient = await c.transcoder
      .get(videoId, { attempts: 10, backoffMs: 250 })
      .fetch("/transcode", { method: "POST" });

    // No cold-start retry at all.
    const once = await c.transcoder.get(videoId, { attempts: 1 }).fetch("/status");
    // endregion

    // region forward-request
    // The incoming request as it is: its method, headers and body reach the container.
    if (url.pathname.startsWith("/api/")) {
      return c.transcoder.get(videoId).fetch(request);
    }
    // endregion

    // region lifecycle
    const instance = c.transcoder.get(videoId);
    await instance.start();
    const state = await instance.getState(); // { status: "running" | "healthy" | …, lastChange }
    await instance.renewActivityTimeout();
    await instance.egress.allow("hooks.slack.com");
    await instance.stop("SIGTERM");
    // endregion

    // region start-and-wait
    const warm = c.transcoder.get(videoId);
    // Start if stopped and wait until both ports listen (20 s at most).
    await warm.startAndWaitForPorts({ ports: [8080, 9090], cancellationOptions: { portReadyTimeoutMS: 20_000 } });
    await warm.waitForPort({ portToCheck: 9090, retries: 10, waitInterval: 500 });
    // The Durable Object stub itself, typed by the class: its RPC methods, custom ones included.
    const viaStub = await warm.stub.getState();
    // endregion

    return Response.json({
      transcoded: transcoded.status,
      health: health.status,
      job: job.status,
      admin: admin.status,
      patient: patient.status,
      once: once.status,
      state: state.status,
      viaStub: viaStub.status,
    });
  },
} satisfies ExportedHandler<Env>;

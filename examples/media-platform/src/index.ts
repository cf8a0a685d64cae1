// The media platform's Worker. Routes:
//
//   POST /transcode/<videoId>   the transcoder instance that owns this video (one per id)
//   POST /jobs                  any of the batch workers; a failed attempt moves to another one
//   GET  /fetch?url=<source>    any fetcher; it may only reach the hosts its Egress allows
//   GET  /admin/<videoId>       the transcoder's admin port (9090), behind a bearer token
//   GET  /renditions/<key>      a finished rendition, straight from R2
//
// The transcoder reads its source video from UPLOADS and sends progress to PROGRESS through the
// bridge (the generated class answers http://bridge.cfc.internal; see docs/bridge.md). This
// Worker consumes PROGRESS below.
//
// `./_generated` is written by `cfc generate` from cfc/media/MediaContainers.java.
import { containers, type Env } from "./_generated/index.js";

// wrangler needs every Durable Object class, and ContainerProxy for the fetcher's egress
// interception and the transcoder's bridge, exported from the entry module.
export { ContainerProxy, FetcherContainer, JobsContainer, TranscoderContainer } from "./_generated/index.js";

/** The generated bindings plus the ones this Worker declares by hand in wrangler.toml. */
export interface WorkerEnv extends Env {
  STAGE: string;
  PUBLIC_HOST: string;
  RENDITIONS: R2Bucket;
  /** A Worker secret (`wrangler secret put ADMIN_TOKEN`). */
  ADMIN_TOKEN: string;
  /** A Worker secret: the partner CDN's token, which the fetcher's outbound handler adds. */
  PARTNER_TOKEN: string;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{1,64}$/;

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    const url = new URL(request.url);
    const [, first = "", second = ""] = url.pathname.split("/");
    const c = containers(env);

    switch (first) {
      case "transcode": {
        if (request.method !== "POST") return methodNotAllowed("POST");
        if (!VIDEO_ID.test(second)) return new Response("bad video id\n", { status: 400 });
        // One instance per video: repeated calls for the same id reach the same container.
        // ?source=<key> names the upload in UPLOADS; the container streams it from there.
        return c.transcoder.get(second).fetch(`/transcode/${second}${url.search}`, {
          method: "POST",
        });
      }
      case "jobs": {
        if (request.method !== "POST") return methodNotAllowed("POST");
        // Up to three different instances before giving up.
        return c.jobs.pool({ attempts: 3 }).fetch("/run", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: await request.text(),
        });
      }
      case "fetch": {
        const source = url.searchParams.get("url");
        if (source === null) return new Response("missing ?url=\n", { status: 400 });
        return c.fetcher.any().fetch(`/fetch?url=${encodeURIComponent(source)}`);
      }
      case "admin": {
        if (request.headers.get("authorization") !== `Bearer ${env.ADMIN_TOKEN}`) {
          return new Response("unauthorized\n", { status: 401 });
        }
        if (!VIDEO_ID.test(second)) return new Response("bad video id\n", { status: 400 });
        return c.transcoder.get(second).port(9090).fetch("/admin/status");
      }
      case "renditions": {
        const key = url.pathname.slice("/renditions/".length);
        const object = key === "" ? null : await env.RENDITIONS.get(key);
        if (object === null) return new Response("not found\n", { status: 404 });
        const headers = new Headers();
        object.writeHttpMetadata(headers);
        headers.set("etag", object.httpEtag);
        return new Response(object.body, { headers });
      }
      default:
        return new Response(`media platform (${env.STAGE}) on ${env.PUBLIC_HOST}\n`, {
          status: first === "" ? 200 : 404,
        });
    }
  },

  /**
   * The transcoder's progress reports. The container can send anything to PROGRESS, so a
   * message is checked before it is trusted; one of another shape is logged and dropped.
   */
  async queue(batch: MessageBatch<unknown>): Promise<void> {
    for (const message of batch.messages) {
      const progress = asProgress(message.body);
      if (progress === null) {
        console.warn("dropped a malformed progress message", message.id);
      } else {
        console.log(`${progress.videoId} ${progress.stage} ${progress.percent}%`);
      }
      message.ack();
    }
  },
} satisfies ExportedHandler<WorkerEnv, unknown>;

/** What TranscoderServer sends: {"videoId":"intro-01","stage":"reading","percent":50}. */
interface Progress {
  videoId: string;
  stage: string;
  percent: number;
}

function asProgress(body: unknown): Progress | null {
  if (typeof body !== "object" || body === null) return null;
  const { videoId, stage, percent } = body as Record<string, unknown>;
  if (typeof videoId !== "string" || !VIDEO_ID.test(videoId)) return null;
  if (typeof stage !== "string" || typeof percent !== "number") return null;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) return null;
  return { videoId, stage, percent };
}

function methodNotAllowed(allowed: string): Response {
  return new Response("method not allowed\n", { status: 405, headers: { allow: allowed } });
}

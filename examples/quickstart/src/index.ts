// The quickstart Worker: /api/* goes to the api container (one instance per tenant), /jobs to
// the worker pool. `./_generated` is written by `cfc generate`.
import { DurableObject } from "cloudflare:workers";
import { containers, type Env } from "./_generated/index.js";

export { ApiContainer, WorkerContainer } from "./_generated/index.js";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const c = containers(env);
    if (url.pathname.startsWith("/api/")) {
      const tenant = request.headers.get("x-tenant") ?? "default";
      return c.api.get(tenant).fetch(request);
    }
    if (url.pathname === "/jobs") {
      return c.worker.pool({ attempts: 3 }).fetch("/run", { method: "POST" });
    }
    return new Response(`quickstart: ${url.pathname}\n`);
  },
};

/**
 * The hand-written Durable Object wrangler.toml binds as COUNTER (cfc leaves it alone): wrangler
 * deploys only classes the Worker exports.
 */
export class Counter extends DurableObject {
  override async fetch(): Promise<Response> {
    const count = ((await this.ctx.storage.get<number>("count")) ?? 0) + 1;
    await this.ctx.storage.put("count", count);
    return new Response(`${count}\n`);
  }
}

// The quickstart Worker: /api/* goes to the api container (one instance per tenant), /jobs to
// the worker pool. `./_generated` is written by `cfc generate`.
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

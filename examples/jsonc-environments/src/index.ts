// The platform Worker: /api/* goes to the api container (one instance per tenant), /charge to
// the fetcher, which may only talk to Stripe. `./_generated` is written by `cfc generate`.
import { containers, type Env } from "./_generated/index.js";

export { ApiContainer, ContainerProxy, FetcherContainer } from "./_generated/index.js";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const c = containers(env);
    if (url.pathname.startsWith("/api/")) {
      const tenant = request.headers.get("x-tenant") ?? "default";
      return c.api.get(tenant).fetch(request);
    }
    if (url.pathname === "/charge") {
      return c.fetcher.any().fetch("/charge", { method: "POST", body: await request.text() });
    }
    return new Response(`platform: ${url.pathname}\n`);
  },
};

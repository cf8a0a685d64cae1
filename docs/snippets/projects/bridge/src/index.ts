// The bridge page's Worker. The docs quote its regions; the docs test generates `./_generated`
// and type-checks this file under `tsc --strict`.
// region exports
import type { Env } from "./_generated/index.js";

// ContainerProxy is what hands the container's requests for bridge.cfc.internal to the
// generated handler; without this export the container's bridge calls fail.
export { ContainerProxy, ThumbnailerContainer } from "./_generated/index.js";
// endregion

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const key = new URL(request.url).pathname.slice(1);
    const object = key === "" ? null : await env.MEDIA.get(`thumbnails/${key}`);
    return object === null ? new Response("not found\n", { status: 404 }) : new Response(object.body);
  },
} satisfies ExportedHandler<Env>;

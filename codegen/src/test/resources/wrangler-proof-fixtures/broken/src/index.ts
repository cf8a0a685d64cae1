// Minimal Worker entry module so `wrangler deploy --dry-run` has something to bundle. The Durable
// Object classes named in the broken configs must be exported from it, or wrangler refuses the deploy.
export class ApiContainer {}
export class ThumbnailContainer {}

export default {
  async fetch(): Promise<Response> {
    return new Response("ok");
  },
};

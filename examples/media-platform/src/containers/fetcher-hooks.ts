// The fetcher's own TypeScript: the generated FetcherContainer extends this class
// (`extendsClass` in cfc/media/MediaContainers.java), so wrangler binds a class with these hooks
// and outbound handlers without anyone editing src/_generated.
import { CfcContainer, type OutboundHandlerContext, type StopParams } from "../_generated/cfc-runtime.js";

/** The part of the Worker env the handlers read. */
interface FetcherEnv {
  /** A Worker secret (`wrangler secret put PARTNER_TOKEN`): the partner CDN's API token. */
  readonly PARTNER_TOKEN: string;
}

export abstract class FetcherHooks extends CfcContainer {
  // The partner CDN wants a bearer token; the container never sees it. Other allowed hosts
  // (Stripe, S3) are reached directly, as the fetcher's Egress allows.
  static override outboundByHost = {
    "media.partner-cdn.net": (request: Request, env: FetcherEnv, ctx: OutboundHandlerContext) => {
      const headers = new Headers(request.headers);
      headers.set("authorization", `Bearer ${env.PARTNER_TOKEN}`);
      headers.set("x-fetcher-instance", ctx.containerId);
      return fetch(new Request(request, { headers }));
    },
  };

  override onStop(params: StopParams): void {
    console.log(`fetcher ${this.ctx.id} stopped: exit ${params.exitCode} (${params.reason})`);
  }
}

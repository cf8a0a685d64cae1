// The transcoder's own TypeScript: the generated TranscoderContainer extends this class
// (`extendsClass` in cfc/app/TourContainers.java). The docs quote the regions; the docs test
// type-checks this file under `tsc --strict` with the generated classes.
// region hooks
import { CfcContainer, type OutboundHandlerContext, type StopParams } from "../_generated/cfc-runtime.js";

/** What the Worker env holds for the handlers (a Worker secret). */
interface HooksEnv {
  readonly GITHUB_TOKEN?: string;
}

export abstract class TranscoderHooks extends CfcContainer {
  // Requests the container sends to api.github.com leave with the Worker's token.
  static override outboundByHost = {
    "api.github.com": (request: Request, env: HooksEnv, ctx: OutboundHandlerContext) => {
      const headers = new Headers(request.headers);
      headers.set("authorization", `Bearer ${env.GITHUB_TOKEN ?? ""}`);
      headers.set("x-container-id", ctx.containerId);
      return fetch(new Request(request, { headers }));
    },
  };

  override async onStart(): Promise<void> {
    console.log(`transcoder ${this.ctx.id} started`);
  }

  override onStop(params: StopParams): void {
    console.log(`transcoder ${this.ctx.id} stopped: exit ${params.exitCode} (${params.reason})`);
  }

  override async onHardTimeout(): Promise<void> {
    console.warn("transcoder ran for an hour; stopping it");
    await this.stop("SIGTERM");
  }

  /** A custom RPC method: the Worker calls it as `c.transcoder.get(id).stub.queueDepth()`. */
  async queueDepth(): Promise<number> {
    const response = await this.containerFetch("http://container/queue", 8080);
    return Number(await response.text());
  }
}
// endregion

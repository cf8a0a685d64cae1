// A user's class as `extendsClass("test/fixture-user/hooked-base.ts", "HookedBase")` names it:
// lifecycle hooks, outbound handlers and a custom RPC method on a class the generated
// HookedContainer extends. It records what reached it, so tests can assert the arguments.
import { CfcContainer, type OutboundHandlerContext, type StopParams } from "../fixture-generated/cfc-runtime.js";

/** One call of a hook of a HookedBase instance. */
export interface HookCall {
  readonly hook: string;
  readonly args: readonly unknown[];
}

/** Outbound requests the handlers saw, as `[handler, url, authorization]`. */
export const outboundSeen: Array<[string, string, string | null]> = [];

export abstract class HookedBase extends CfcContainer {
  static override outboundByHost = {
    "api.partner.example": (request: Request, _env: unknown, ctx: OutboundHandlerContext) => {
      const authorized = new Request(request, { headers: { ...Object.fromEntries(request.headers), authorization: "Bearer partner-token" } });
      outboundSeen.push(["byHost", authorized.url, authorized.headers.get("authorization")]);
      return new Response(`partner for ${ctx.className}`);
    },
  };

  static override outboundHandlers = {
    async mirror(request: Request, _env: unknown, ctx: OutboundHandlerContext<{ tag: string }>) {
      outboundSeen.push(["mirror", request.url, ctx.params?.tag ?? null]);
      return new Response("mirrored");
    },
  };

  static override outbound = (request: Request) => {
    outboundSeen.push(["catchAll", request.url, null]);
    return new Response("caught", { status: 418 });
  };

  readonly hookCalls: HookCall[] = [];
  /** Hooks that throw this error instead of returning. */
  failing = new Set<string>();

  private record(hook: string, ...args: unknown[]): void {
    this.hookCalls.push({ hook, args });
    if (this.failing.has(hook)) throw new Error(`${hook} failed on purpose`);
  }

  override async onStart(): Promise<void> {
    this.record("onStart");
  }

  override onStop(params: StopParams): void {
    this.record("onStop", params);
  }

  override onError(error: unknown): unknown {
    this.record("onError", error);
    return "handled";
  }

  override async onActivityExpired(): Promise<void> {
    this.record("onActivityExpired");
    await super.onActivityExpired();
  }

  override async onHardTimeout(): Promise<void> {
    this.record("onHardTimeout");
    await this.stop("SIGKILL");
  }

  /** A custom RPC method, callable through `handle.get(id).stub`. */
  async renditionCount(videoId: string): Promise<number> {
    return videoId.length;
  }

  /** Routes every host to the named handler at run time (`setOutboundHandler`). */
  async mirrorEverything(tag: string): Promise<void> {
    await this.setOutboundHandler("mirror", { tag });
  }
}

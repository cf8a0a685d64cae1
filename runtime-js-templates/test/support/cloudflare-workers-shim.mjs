// The parts of `cloudflare:workers` that @cloudflare/containers uses, for tests in plain Node.
export class DurableObject {
  constructor(ctx, env) {
    this.ctx = ctx;
    this.env = env;
  }
}

export class WorkerEntrypoint {
  constructor(ctx, env) {
    this.ctx = ctx;
    this.env = env;
  }
}

globalThis.IdentityTransformStream ??= TransformStream;

// The jobs Worker. `./_generated` is written by `cfc generate --config cfc.jobs.toml`.
import { containers, type Env } from "./_generated/index.js";

export { VideoEncoderContainer } from "./_generated/index.js";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const job = new URL(request.url).searchParams.get("job") ?? "default";
    return containers(env).videoEncoder.get(job).fetch(request);
  },
};

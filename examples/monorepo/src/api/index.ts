// The api Worker. `./_generated` is written by `cfc generate --config cfc.api.toml`.
import { containers, type Env } from "./_generated/index.js";

export { GatewayContainer } from "./_generated/index.js";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    return containers(env).gateway.any().fetch(request);
  },
};

// Stub Worker entry for the wrangler dry run: exports every Durable Object class the
// config binds. A real Worker re-exports the generated classes from ./_generated.
export class TranscoderContainer {}
export default { fetch() { return new Response("ok"); } };

export class TranscoderContainer {}
export default { fetch() { return new Response("ok"); } };

export class TranscoderContainer {}
export class ThumbnailMakerContainer {}
export class LegacyObject {}
export default { fetch() { return new Response("ok"); } };

// A hand-written subclass of a generated class. The docs quote the region; the docs test
// type-checks this file under `tsc --strict` with the rest of the tour's Worker.
// region subclass
import { TranscoderContainer as GeneratedTranscoder } from "./_generated/index.js";

// Export this class as `TranscoderContainer` from the Worker's main module instead of the
// generated one: the binding's class_name stays TranscoderContainer.
export class TranscoderContainer extends GeneratedTranscoder {
  override async onHardTimeout(): Promise<void> {
    console.log("transcoder ran for an hour; stopping it");
    await this.stop("SIGTERM");
  }
}
// endregion

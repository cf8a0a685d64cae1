// A class as the generated code wires its bridge (wireBridge at module load), for serving the
// bridge through the real ContainerProxy (bridge-server --module ... --class BridgedFixture).
import { Container } from "@cloudflare/containers";
import { wireBridge } from "../../src/cfc-bridge.js";

export class BridgedFixture extends Container {}

wireBridge(BridgedFixture, "bridged", { CACHE: { kind: "kv", readOnly: true }, JOBS: { kind: "queue", readOnly: false } });

// The thumbnailer's bridge, tested without Docker. The docs quote the region; the docs test
// generates `./_generated`, type-checks this file under `tsc --strict` and runs it with
// `node --test`.
// region test
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContainerTestContext, type MemoryQueue, memoryKv, memoryQueue, memoryR2 } from "./_generated/cfc-testing.js";
import { BRIDGE_GRANTS, type Env } from "./_generated/handles.js";

test("the thumbnailer reaches only what ThumbnailContainers grants it", async () => {
  const t = createContainerTestContext<Env & { PROGRESS: MemoryQueue }>({
    CACHE: memoryKv(),
    MEDIA: memoryR2(),
    PROGRESS: memoryQueue(),
  });
  // The grants of the definition, the table the generated class registers with wireBridge(...).
  t.container("CONTAINER_THUMBNAILER", { bridge: BRIDGE_GRANTS.thumbnailer });
  const bridge = t.bridge("CONTAINER_THUMBNAILER"); // requests as the container's app sends them

  await t.env.CACHE.put("sizes", "320x180");
  assert.equal(await (await bridge.fetch("/v1/kv/CACHE/get?key=sizes")).text(), "320x180");

  const write = await bridge.fetch("/v1/kv/CACHE/put?key=sizes", { method: "PUT", body: "1x1" });
  assert.equal(write.status, 403);
  assert.equal(write.headers.get("cfc-bridge-error"), "read_only");

  const put = await bridge.fetch("/v1/r2/MEDIA/put?key=thumbs%2Fa.jpg", {
    method: "PUT",
    body: "jpeg",
    headers: { "content-length": "4" },
  });
  assert.equal(put.status, 200);
  assert.equal(await (await t.env.MEDIA.get("thumbs/a.jpg"))?.text(), "jpeg");

  const send = await bridge.fetch("/v1/queue/PROGRESS/send", {
    method: "POST",
    body: JSON.stringify({ body: { key: "thumbs/a.jpg", done: true } }),
  });
  assert.equal(send.status, 204);
  assert.deepEqual(t.env.PROGRESS.sent.map((m) => m.body), [{ key: "thumbs/a.jpg", done: true }]);

  // A binding the definition did not grant is refused, even if the Worker has it.
  const other = await bridge.fetch("/v1/kv/SESSIONS/get?key=a");
  assert.equal(other.status, 403);
  assert.equal(other.headers.get("cfc-bridge-error"), "not_declared");
});
// endregion

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encodeWav } from "../audio/wav-encode";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { buildWebUiRunEntries } from "../domain/webui-export";
import { describeWebUiFolder } from "./webui-folder";

/** A run exported in the WebUI's layout is a WebUI folder the import reads back as it was written. */
describe("WebUI export read back by the WebUI folder import", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "webui-export-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("round-trips scores, granularity, timestamp and frame embeddings", async () => {
    const scores = [0.02, 0.01, 0.03, 0.05, 0.2, 0.01, 0.65, 0.02, 0.01];
    const embedding = new Float32Array(3 * 1024).map((_, index) => Math.cos(index));
    const at = new Date("2026-11-21T10:30:00Z");
    const entries = buildWebUiRunEntries({
      scores,
      granularity: "frame",
      at,
      processedAudioWav: encodeWav(new Float32Array(16_000).map((_, index) => Math.sin(index / 10) / 2), 16_000, "pcm16"),
      embedding: { data: embedding, shape: [3, 1024] },
      folder: "interview-03/outputs_20261121_103000",
    });
    for (const entry of entries) {
      mkdirSync(path.dirname(path.join(dir, entry.name)), { recursive: true });
      writeFileSync(path.join(dir, entry.name), entry.data);
    }

    const folder = await describeWebUiFolder(path.join(dir, "interview-03/outputs_20261121_103000"));
    expect(folder).toMatchObject({ folderName: "outputs_20261121_103000", startedAt: "2026-11-21T10:30:00" });
    expect(folder.result).toMatchObject({ emotion: "sad", confidence: 0.65, granularity: "frame", timestamp: "2026-11-21 10:30:00", warnings: [] });
    expect(CANONICAL_LABELS.map((label) => folder.result.scores[label])).toEqual(scores);
    expect(folder.embedding).toEqual({ shape: [3, 1024], data: embedding });
  });
});

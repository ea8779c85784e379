import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryByteSource } from "./decode-byte-source";
import { AUDIO_FIXTURES } from "./decode-test-signal";
import { readMp4Layout } from "./mp4-track-info";

const m4a = new Uint8Array(readFileSync(join(AUDIO_FIXTURES, "tone.m4a")));

/** Top-level boxes of a file as [type, bytes]. */
function topLevelBoxes(bytes: Uint8Array): Array<[string, Uint8Array]> {
  const boxes: Array<[string, Uint8Array]> = [];
  for (let p = 0; p + 8 <= bytes.length; ) {
    const size = new DataView(bytes.buffer, bytes.byteOffset).getUint32(p);
    boxes.push([String.fromCharCode(...bytes.subarray(p + 4, p + 8)), bytes.subarray(p, p + size)]);
    p += size;
  }
  return boxes;
}

describe("readMp4Layout", () => {
  it("reads the audio track of an M4A whose moov follows its mdat", async () => {
    const layout = await readMp4Layout(memoryByteSource(m4a));
    expect(layout).toMatchObject({
      kind: "ok",
      // ffmpeg writes 2 channels in the sample entry of mono AAC; the AudioSpecificConfig says 1.
      track: { entryType: "mp4a", objectType: 0x40, channels: 1, sampleRate: 44100, durationSeconds: 1 },
      mdatBeforeMoov: topLevelBoxes(m4a).findIndex(([type]) => type === "mdat") >= 0 ? expect.any(Number) : null,
    });
    const moovAt = m4a.length - topLevelBoxes(m4a).find(([type]) => type === "moov")![1].length;
    expect(layout.kind === "ok" && layout.moov.offset).toBe(moovAt);
  });

  it("notices a moov placed first (faststart)", async () => {
    const boxes = topLevelBoxes(m4a);
    const order = ["ftyp", "moov", ...boxes.map(([type]) => type).filter((t) => t !== "ftyp" && t !== "moov")];
    const parts = order.map((type) => boxes.find(([t]) => t === type)![1]);
    const faststart = new Uint8Array(m4a.length);
    let at = 0;
    for (const part of parts) {
      faststart.set(part, at);
      at += part.length;
    }
    expect(await readMp4Layout(memoryByteSource(faststart))).toMatchObject({ kind: "ok", mdatBeforeMoov: null });
  });

  it("reports a file cut inside its mdat, before the moov", async () => {
    expect(await readMp4Layout(memoryByteSource(m4a.subarray(0, 5000)))).toEqual({ kind: "no-moov", cutInside: "mdat" });
  });
});

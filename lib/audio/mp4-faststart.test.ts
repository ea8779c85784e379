import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openAudioDecoding } from "./decode-audio-file";
import { AUDIO_FIXTURES, collectDecoding } from "./decode-test-signal";
import { planFaststartFeed, shiftChunkOffsets } from "./mp4-faststart";

const read = (name: string) => new Uint8Array(readFileSync(join(AUDIO_FIXTURES, name)));

/** Top-level boxes of an MP4 as [type, offset, bytes]. */
function boxes(file: Uint8Array): Array<[string, number, Uint8Array]> {
  const out: Array<[string, number, Uint8Array]> = [];
  for (let p = 0; p + 8 <= file.length; ) {
    const size = new DataView(file.buffer, file.byteOffset).getUint32(p);
    out.push([String.fromCharCode(...file.subarray(p + 4, p + 8)), p, file.subarray(p, p + size)]);
    p += size;
  }
  return out;
}

describe("planFaststartFeed", () => {
  // tone.m4a is ftyp, free, mdat, moov; tone-faststart.m4a is ffmpeg's own rewrite: ftyp, moov, free, mdat.
  const plain = read("tone.m4a");
  const faststart = read("tone-faststart.m4a");
  const [, moovOffset, moovBytes] = boxes(plain).find(([type]) => type === "moov")!;
  const mdatOffset = boxes(plain).find(([type]) => type === "mdat")![1];

  it("moves the chunk offsets exactly as ffmpeg's faststart rewrite does", () => {
    expect(boxes(plain).map(([type]) => type)).toEqual(["ftyp", "free", "mdat", "moov"]);
    const shifted = shiftChunkOffsets(moovBytes, (o) => (o >= mdatOffset && o < moovOffset ? o + moovBytes.length : o));
    expect(shifted).toEqual(boxes(faststart).find(([type]) => type === "moov")![2]);
  });

  it("feeds the leading boxes and moved index from memory, then the audio from the file", () => {
    const plan = planFaststartFeed(plain.subarray(0, mdatOffset), { offset: moovOffset, bytes: moovBytes }, plain.length)!;
    expect(plan).toHaveLength(2);
    expect(plan[1]).toEqual({ start: mdatOffset, end: moovOffset });
    expect("bytes" in plan[0]! && plan[0].bytes.length).toBe(mdatOffset + moovBytes.length);
  });

  it("refuses offsets that would overflow 32 bits", () => {
    expect(shiftChunkOffsets(moovBytes, () => 2 ** 32)).toBeNull();
  });

  it("decodes an index-last M4A to the same samples as its faststart twin, in several chunks", async () => {
    const last = await collectDecoding(await openAudioDecoding(join(AUDIO_FIXTURES, "tone.m4a"), { readBlockBytes: 2000 }));
    const first = await collectDecoding(await openAudioDecoding(join(AUDIO_FIXTURES, "tone-faststart.m4a"), { readBlockBytes: 2000 }));
    expect(last.chunkCount).toBeGreaterThan(3);
    expect(last.channels).toEqual(first.channels);
    expect(last.outcome).toEqual({ decodedFrames: 44100 });
  });
});

import { describe, expect, it } from "vitest";
import { FrameWalker } from "./decode-frame-walker";

// A toy frame format: byte 0 is 0xAA, byte 1 is the frame length.
const lengthAt = (b: Uint8Array, o: number) => (b[o] === 0xaa && b[o + 1]! >= 2 ? b[o + 1]! : null);
const frames = (...lengths: number[]) => {
  const out: number[] = [];
  for (const n of lengths) out.push(0xaa, n, ...new Array(n - 2).fill(0));
  return new Uint8Array(out);
};

function walk(bytes: Uint8Array, chunkSize: number): FrameWalker {
  const walker = new FrameWalker(0, lengthAt, 2);
  for (let at = 0; at < bytes.length; at += chunkSize) walker.push(bytes.subarray(at, at + chunkSize), at);
  return walker;
}

describe("FrameWalker", () => {
  it("sees a complete stream as not cut, whatever the chunking", () => {
    const stream = frames(10, 7, 12, 5);
    for (const size of [1, 2, 3, 7, 100]) {
      const walker = walk(stream, size);
      expect(walker.framesSeen).toBe(4);
      expect(walker.lastFrameCut(stream.length)).toBe(false);
    }
  });

  it("spots a last frame that runs past the end of the file", () => {
    const cut = frames(10, 7, 12).subarray(0, 25);
    for (const size of [1, 4, 100]) expect(walk(cut, size).lastFrameCut(cut.length)).toBe(true);
  });

  it("claims nothing once it loses sync (a trailing tag)", () => {
    const stream = new Uint8Array([...frames(10, 7), ...new TextEncoder().encode("TAG and more")]);
    const walker = walk(stream, 5);
    expect(walker.framesSeen).toBe(2);
    expect(walker.lastFrameCut(stream.length - 3)).toBe(false);
  });
});

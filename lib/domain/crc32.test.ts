import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32";

/** The textbook bit-at-a-time CRC-32, to check the table-driven one against. */
function bitwiseCrc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

describe("crc32", () => {
  it("gives the standard check value and known results", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(new TextEncoder().encode("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });

  it("agrees with the bitwise definition for every length up to 64 and odd offsets", () => {
    const bytes = new Uint8Array(80).map((_, index) => (index * 151 + 7) & 0xff);
    for (let start = 0; start < 4; start++) {
      for (let length = 0; length <= 64; length++) {
        const slice = bytes.subarray(start, start + length);
        expect(crc32(slice), `start ${start}, length ${length}`).toBe(bitwiseCrc32(slice));
      }
    }
  });

  it("continues over chunks", () => {
    const bytes = new Uint8Array(1001).map((_, index) => (index * 31) & 0xff);
    expect(crc32(bytes.subarray(517), crc32(bytes.subarray(0, 517)))).toBe(crc32(bytes));
  });
});

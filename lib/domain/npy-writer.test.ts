import { describe, expect, it } from "vitest";
// The project's own reader is the oracle for the round trip; it is pure, so this test stays free of I/O.
import { parseNpy } from "../corpus/npy-parse";
import { ArrayShapeError } from "./array-shape-error";
import { encodeNpyFloat32 } from "./npy-writer";

const latin1 = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

describe("encodeNpyFloat32", () => {
  it("writes the 1.0 header numpy expects, padded so the data starts on a 64-byte boundary", () => {
    const bytes = encodeNpyFloat32(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8]! + bytes[9]! * 256;
    expect((10 + headerLength) % 64).toBe(0);
    const header = latin1(bytes.subarray(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    expect(bytes.length).toBe(10 + headerLength + 24);
    // 1.0f little-endian is 00 00 80 3f.
    expect(Array.from(bytes.subarray(10 + headerLength, 14 + headerLength))).toEqual([0, 0, 0x80, 0x3f]);
  });

  it("round-trips through the corpus reader for vectors, matrices, empty arrays and scalars", () => {
    const embedding = new Float32Array(768).map((_, index) => Math.sin(index) * 1e3);
    const cases: [Float32Array, number[]][] = [
      [embedding, [768]],
      [new Float32Array(12 * 768).map((_, index) => index / 7), [12, 768]],
      [new Float32Array(0), [0, 1024]],
      [new Float32Array([0.25]), []],
      [new Float32Array([Number.NaN, -Infinity, -0, 3.4e38]), [2, 1, 2]],
    ];
    for (const [data, shape] of cases) {
      const parsed = parseNpy(encodeNpyFloat32(data, shape), "e.npy");
      expect(parsed).toMatchObject({ shape, dtype: "<f4", fortranOrder: false });
      expect(parsed.data).toEqual(data);
    }
    expect(latin1(encodeNpyFloat32(embedding, [768]).subarray(10, 80))).toContain("'shape': (768,)");
    expect(latin1(encodeNpyFloat32(new Float32Array([1]), []).subarray(10, 80))).toContain("'shape': ()");
  });

  it("writes only the viewed part of a subarray", () => {
    const all = new Float32Array([9, 1, 2, 3, 9]);
    expect(parseNpy(encodeNpyFloat32(all.subarray(1, 4), [3]), "e.npy").data).toEqual(new Float32Array([1, 2, 3]));
  });

  it("refuses a shape that does not hold the data", () => {
    expect(() => encodeNpyFloat32(new Float32Array(10), [3, 3])).toThrow(ArrayShapeError);
    expect(() => encodeNpyFloat32(new Float32Array(10), [3, 3])).toThrow("shape (3, 3) holds 9 values but there are 10");
    expect(() => encodeNpyFloat32(new Float32Array(3), [-1, -3])).toThrow("must list whole sizes");
  });
});

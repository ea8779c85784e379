import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../../array-shape-error";
import { encodeNpyFloat32 } from "../../npy-writer";
import { npyFloat32Bytes, npyHeader } from "./npy-header";

const latin1 = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

describe("npyHeader", () => {
  it("is byte for byte the header encodeNpyFloat32 writes, so header + rows equals the whole-array file", () => {
    const data = new Float32Array(3 * 5).map((_, index) => index / 3 - 2);
    const header = npyHeader("<f4", [3, 5]);
    expect(header.length % 64).toBe(0);
    expect(Array.from(header.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    expect(header[8]! + header[9]! * 256).toBe(header.length - 10);
    expect(latin1(header.subarray(10))).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(3, 5\), \} *\n$/);
    const rows = [0, 1, 2].map((row) => npyFloat32Bytes(data.subarray(row * 5, row * 5 + 5)));
    const streamed = new Uint8Array([...header, ...rows.flatMap((row) => [...row])]);
    expect(streamed).toEqual(encodeNpyFloat32(data, [3, 5]));
  });

  it("declares the other dtypes and shapes as numpy spells them", () => {
    expect(latin1(npyHeader("<i8", [7]))).toContain("{'descr': '<i8', 'fortran_order': False, 'shape': (7,), }");
    expect(latin1(npyHeader("<f8", []))).toContain("'shape': ()");
    expect(latin1(npyHeader("<f4", [0, 1024]))).toContain("'shape': (0, 1024)");
    expect(() => npyHeader("<f4", [2.5, 3])).toThrow(ArrayShapeError);
  });

  it("copies the viewed part only, so the caller may reuse its buffer", () => {
    const buffer = new Float32Array([9, 1, 2, 9]);
    const bytes = npyFloat32Bytes(buffer.subarray(1, 3));
    buffer.fill(0);
    expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, 2))).toEqual([1, 2]);
  });
});

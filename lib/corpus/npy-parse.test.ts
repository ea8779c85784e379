import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NpyFormatError } from "./npy-format-error";
import { formatNpyShape, parseNpy } from "./npy-parse";

interface EncodeOptions {
  descr?: string;
  shape: number[];
  fortran?: boolean;
  version?: 1 | 2 | 3;
  /** Values in the order they are stored in the file. */
  stored: number[];
  header?: string;
  truncateBy?: number;
}

/** Writes NPY bytes the way numpy does: magic, version, header length, space-padded header ending in \n, data. */
function encodeNpy({ descr = "<f4", shape, fortran = false, version = 1, stored, header, truncateBy = 0 }: EncodeOptions): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  const dict = header ?? `{'descr': '${descr}', 'fortran_order': ${fortran ? "True" : "False"}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  const padded = dict.padEnd(Math.ceil((prefix + dict.length + 1) / 64) * 64 - prefix - 1, " ") + "\n";
  const match = /^([<>|])([a-zA-Z])(\d+)$/.exec(descr);
  const itemSize = Number(match?.[3] ?? 4);
  const data = new DataView(new ArrayBuffer(stored.length * itemSize));
  stored.forEach((value, index) => {
    const little = match?.[1] !== ">";
    if (descr.endsWith("f8")) data.setFloat64(index * 8, value, little);
    else if (descr.endsWith("f4")) data.setFloat32(index * 4, value, little);
    else if (descr.endsWith("i8")) data.setBigInt64(index * 8, BigInt(value), little);
  });
  const bytes = new Uint8Array(prefix + padded.length + data.byteLength);
  bytes.set([0x93, ...new TextEncoder().encode("NUMPY"), version, 0]);
  const view = new DataView(bytes.buffer);
  if (version === 1) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  bytes.set(new TextEncoder().encode(padded), prefix);
  bytes.set(new Uint8Array(data.buffer), prefix + padded.length);
  return bytes.subarray(0, bytes.length - truncateBy);
}

describe("parseNpy", () => {
  it("reads a little-endian float32 vector", () => {
    const parsed = parseNpy(encodeNpy({ shape: [4], stored: [0.5, -1.25, 3, 1e-3] }), "embedding.npy");
    expect(parsed).toMatchObject({ shape: [4], dtype: "<f4", fortranOrder: false });
    expect([...parsed.data]).toEqual([0.5, -1.25, 3, Math.fround(1e-3)]);
  });

  it("reads a scalar and an empty array", () => {
    expect([...parseNpy(encodeNpy({ shape: [], header: "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", descr: "<f8", stored: [2.5] }), "s.npy").data]).toEqual([2.5]);
    const empty = parseNpy(encodeNpy({ shape: [0, 768], stored: [] }), "e.npy");
    expect(empty.shape).toEqual([0, 768]);
    expect(empty.data).toHaveLength(0);
  });

  it("reads a C-order (F, D) float32 matrix row by row", () => {
    const parsed = parseNpy(encodeNpy({ shape: [2, 3], stored: [1, 2, 3, 4, 5, 6] }), "e.npy");
    expect(parsed.shape).toEqual([2, 3]);
    expect([...parsed.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("transposes a big-endian float64 Fortran-order matrix into row-major float32", () => {
    // The 2×3 matrix [[1,2,3],[4,5,6]] stored column by column.
    const parsed = parseNpy(encodeNpy({ descr: ">f8", shape: [2, 3], fortran: true, stored: [1, 4, 2, 5, 3, 6.1] }), "e.npy");
    expect(parsed).toMatchObject({ shape: [2, 3], dtype: ">f8", fortranOrder: true });
    expect([...parsed.data]).toEqual([1, 2, 3, 4, 5, Math.fround(6.1)]);
  });

  it("transposes a Fortran-order 3-D array", () => {
    const shape = [2, 3, 4];
    const cValue = (i: number, j: number, k: number) => i * 100 + j * 10 + k;
    const stored: number[] = [];
    for (let k = 0; k < 4; k += 1) for (let j = 0; j < 3; j += 1) for (let i = 0; i < 2; i += 1) stored.push(cValue(i, j, k));
    const parsed = parseNpy(encodeNpy({ descr: "<f4", shape, fortran: true, stored }), "e.npy");
    const expected: number[] = [];
    for (let i = 0; i < 2; i += 1) for (let j = 0; j < 3; j += 1) for (let k = 0; k < 4; k += 1) expected.push(cValue(i, j, k));
    expect([...parsed.data]).toEqual(expected);
  });

  it("reads format versions 2.0 and 3.0 and data at an unaligned offset", () => {
    for (const version of [2, 3] as const) {
      const parsed = parseNpy(encodeNpy({ version, shape: [2], stored: [7, 8] }), "e.npy");
      expect([...parsed.data]).toEqual([7, 8]);
    }
    const bytes = encodeNpy({ shape: [3], stored: [1, 2, 3] });
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect([...parseNpy(shifted.subarray(1), "e.npy").data]).toEqual([1, 2, 3]);
  });

  it.each([
    [{ descr: "<i8", shape: [2], stored: [1, 2] }, "embedding.npy has dtype '<i8'; only float32/float64 arrays are supported"],
    [{ descr: "|f4", shape: [1], stored: [1] }, "embedding.npy has dtype '|f4'; only float32/float64 arrays are supported"],
    [{ descr: "<f2", shape: [1], stored: [] }, "embedding.npy has dtype '<f2'; only float32/float64 arrays are supported"],
    [{ descr: "|O", shape: [1], stored: [] }, "embedding.npy has dtype '|O'; object arrays hold pickled Python objects"],
    [{ descr: "<c8", shape: [1], stored: [] }, "embedding.npy has dtype '<c8'; complex numbers are not embeddings"],
    [{ shape: [3], stored: [1, 2, 3], truncateBy: 5 }, "embedding.npy is truncated: shape (3,) needs 12 bytes of data but the file has 7"],
    [{ shape: [2], stored: [], header: "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }" }, "holds a structured array"],
    [{ shape: [2], stored: [], header: "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), " }, "has a header that cannot be read"],
    [{ shape: [2], stored: [], header: "{'descr': '<f4', 'shape': (2,)}" }, "without a True/False 'fortran_order' entry"],
    [{ shape: [2], stored: [], header: "{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}" }, "whose 'shape' is not a tuple of sizes"],
    [{ shape: [2], stored: [], header: "__import__('os').system('true')" }, "has a header that cannot be read"],
  ])("refuses %j", (options, message) => {
    const attempt = () => parseNpy(encodeNpy(options as EncodeOptions), "embedding.npy");
    expect(attempt).toThrow(NpyFormatError);
    expect(attempt).toThrow(message);
  });

  it("refuses files that are not NPY or of an unknown version", () => {
    expect(() => parseNpy(new TextEncoder().encode("PK\x03\x04 a zip"), "e.npy")).toThrow("e.npy is not a NumPy .npy file");
    const future = encodeNpy({ shape: [1], stored: [1] });
    future[6] = 4;
    expect(() => parseNpy(future, "e.npy")).toThrow("uses .npy format version 4.0");
    expect(() => parseNpy(encodeNpy({ shape: [1], stored: [1] }).subarray(0, 20), "e.npy")).toThrow("ends inside its header");
  });

  it("formats shapes as Python prints them", () => {
    expect([formatNpyShape([]), formatNpyShape([768]), formatNpyShape([12, 768])]).toEqual(["()", "(768,)", "(12, 768)"]);
  });
});

describe("parseNpy on files written by numpy", () => {
  const hasNumpy = (() => {
    try {
      execFileSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  const dir = mkdtempSync(path.join(tmpdir(), "npy-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasNumpy)("reads float32, big-endian float64 Fortran-order and version-2 files (skipped without python3 numpy)", () => {
    execFileSync("python3", [
      "-c",
      [
        "import numpy as np, sys",
        "d = sys.argv[1]",
        "a = (np.arange(12, dtype=np.float32).reshape(3, 4) / 7).astype(np.float32)",
        "np.save(d + '/c.npy', a)",
        "np.save(d + '/f.npy', np.asfortranarray(a.astype('>f8')))",
        "np.lib.format.write_array(open(d + '/v2.npy', 'wb'), a[0], version=(2, 0))",
        "np.save(d + '/s.npy', np.float64(0.25))",
      ].join("\n"),
      dir,
    ]);
    const expected = Array.from({ length: 12 }, (_, i) => Math.fround(Math.fround(i) / 7));
    const c = parseNpy(readFileSync(path.join(dir, "c.npy")), "c.npy");
    expect(c).toMatchObject({ shape: [3, 4], dtype: "<f4", fortranOrder: false });
    expect([...c.data]).toEqual(expected);
    const f = parseNpy(readFileSync(path.join(dir, "f.npy")), "f.npy");
    expect(f).toMatchObject({ shape: [3, 4], dtype: ">f8", fortranOrder: true });
    expect([...f.data]).toEqual(expected);
    expect([...parseNpy(readFileSync(path.join(dir, "v2.npy")), "v2.npy").data]).toEqual(expected.slice(0, 4));
    expect(parseNpy(readFileSync(path.join(dir, "s.npy")), "s.npy")).toMatchObject({ shape: [], data: new Float32Array([0.25]) });
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encodeNpyFloat32 } from "../domain/npy-writer";

/** The domain's .npy writer checked against numpy itself; lives here because it runs a subprocess. */
describe("encodeNpyFloat32 read by numpy", () => {
  const hasNumpy = (() => {
    try {
      execFileSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  const dir = mkdtempSync(path.join(tmpdir(), "npy-writer-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasNumpy)("loads as float32 with the same shape and values, C-contiguous (skipped without python3 numpy)", () => {
    const frames = new Float32Array(5 * 768).map((_, index) => Math.fround(Math.sin(index) / 3));
    const vector = new Float32Array([0.5, -1.25, 3e-8]);
    writeFileSync(path.join(dir, "frames.npy"), encodeNpyFloat32(frames, [5, 768]));
    writeFileSync(path.join(dir, "vector.npy"), encodeNpyFloat32(vector, [3]));
    writeFileSync(path.join(dir, "scalar.npy"), encodeNpyFloat32(new Float32Array([7]), []));
    const output = execFileSync(
      "python3",
      [
        "-c",
        [
          "import json, sys, numpy as np",
          "out = {}",
          "for name in ('frames', 'vector', 'scalar'):",
          "    a = np.load(sys.argv[1] + '/' + name + '.npy', allow_pickle=False)",
          "    out[name] = {'dtype': str(a.dtype), 'shape': list(a.shape), 'c': bool(a.flags.c_contiguous),",
          "                 'values': [float(x) for x in a.ravel()]}",
          "print(json.dumps(out))",
        ].join("\n"),
        dir,
      ],
      { encoding: "utf8" },
    );
    const loaded = JSON.parse(output) as Record<string, { dtype: string; shape: number[]; c: boolean; values: number[] }>;
    expect(loaded.frames).toMatchObject({ dtype: "float32", shape: [5, 768], c: true });
    expect(loaded.frames!.values).toEqual(Array.from(frames));
    expect(loaded.vector).toEqual({ dtype: "float32", shape: [3], c: true, values: Array.from(vector) });
    expect(loaded.scalar).toEqual({ dtype: "float32", shape: [], c: true, values: [7] });
  });
});

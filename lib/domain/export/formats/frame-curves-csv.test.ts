import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../../array-shape-error";
import { CANONICAL_LABELS } from "../../emotion-labels";
import { ExportFormatError } from "./export-format-error";
import { frameCurvesCsv, frameCurvesCsvChunks } from "./frame-curves-csv";
import { PYTHON, readBack } from "./testing/python-read-back";

describe("frameCurvesCsv", () => {
  it("writes a time column from the frame offset and rate, then one column per label", () => {
    const scores = new Float32Array([0.1, 0.2, 0.7, 1, 0, 0]);
    expect(frameCurvesCsv(scores, 50, 1.5, ["angry", "happy", "sad"])).toBe(
      "time_s,angry,happy,sad\r\n1.500,0.100000,0.200000,0.700000\r\n1.520,1.000000,0.000000,0.000000\r\n",
    );
    expect(frameCurvesCsv(new Float32Array(0), 50, 0, ["a"])).toBe("time_s,a\r\n");
    expect(frameCurvesCsv(new Float32Array([Number.NaN]), 50, 0, ["a"])).toBe("time_s,a\r\n0.000,\r\n");
  });

  it("streams the same text in chunks of whole rows", () => {
    const scores = new Float32Array(10 * 9).map((_, index) => Math.fround(((index * 7919) % 1000) / 1000));
    const chunks = [...frameCurvesCsvChunks(scores, 50, 0.25, CANONICAL_LABELS, 4)];
    expect(chunks).toHaveLength(1 + 3);
    expect(chunks.join("")).toBe(frameCurvesCsv(scores, 50, 0.25, CANONICAL_LABELS));
    expect(chunks.slice(1).map((chunk) => chunk.split("\r\n").length - 1)).toEqual([4, 4, 2]);
  });

  it("writes an hour at 50 Hz without drifting: the last frame starts at 3599.980 s", () => {
    const frames = 180_000;
    const scores = new Float32Array(frames * 9).fill(1 / 9);
    const started = performance.now();
    let rows = 0;
    let last = "";
    let bytes = 0;
    for (const chunk of frameCurvesCsvChunks(scores, 50, 0, CANONICAL_LABELS)) {
      rows += chunk.split("\r\n").length - 1;
      bytes += chunk.length;
      last = chunk;
    }
    const elapsed = performance.now() - started;
    expect(rows).toBe(frames + 1);
    expect(last.endsWith("3599.980,0.111111,0.111111,0.111111,0.111111,0.111111,0.111111,0.111111,0.111111,0.111111\r\n")).toBe(true);
    expect(bytes).toBeGreaterThan(frames * 80);
    // Generous bound for a loaded CI machine; it guards against accidental quadratic string building.
    expect(elapsed).toBeLessThan(15_000);
  });

  it("refuses scores that do not fill whole frames and rates that are not positive", () => {
    expect(() => frameCurvesCsv(new Float32Array(5), 50, 0, ["a", "b"])).toThrow(ArrayShapeError);
    expect(() => frameCurvesCsv(new Float32Array(0), 50, 0, [])).toThrow(ArrayShapeError);
    expect(() => frameCurvesCsv(new Float32Array(2), 0, 0, ["a", "b"])).toThrow(ExportFormatError);
    expect(() => frameCurvesCsv(new Float32Array(2), 50, Number.NaN, ["a", "b"])).toThrow(ExportFormatError);
    expect(() => [...frameCurvesCsvChunks(new Float32Array(2), 50, 0, ["a", "b"], 0)]).toThrow(ExportFormatError);
  });

  it.skipIf(PYTHON === null)("reads back with Python's csv module: times and scores as written (skipped without python3)", () => {
    const frames = 300;
    const scores = new Float32Array(frames * 9).map((_, index) => Math.fround(Math.abs(Math.sin(index))));
    const rows = readBack("csv", { "curves.csv": frameCurvesCsv(scores, 50, 12, CANONICAL_LABELS) }, ["{dir}/curves.csv"]) as string[][];
    expect(rows[0]).toEqual(["time_s", ...CANONICAL_LABELS]);
    expect(rows).toHaveLength(frames + 1);
    expect(rows[1]![0]).toBe("12.000");
    expect(rows[frames]![0]).toBe("17.980");
    for (let frame = 0; frame < frames; frame++) {
      for (let column = 0; column < 9; column++) {
        expect(Math.abs(Number(rows[frame + 1]![column + 1]) - scores[frame * 9 + column]!)).toBeLessThanOrEqual(5e-7);
      }
    }
  });
});

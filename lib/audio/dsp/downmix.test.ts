import { describe, expect, it } from "vitest";
import { downmixToMono } from "./downmix";

describe("downmixToMono", () => {
  it("returns the single channel itself, without copying", () => {
    const mono = Float32Array.from([0.1, -0.2, 0.3]);
    expect(downmixToMono([mono])).toBe(mono);
  });

  it("averages two channels", () => {
    const left = Float32Array.from([1, 0.5, -1, 0]);
    const right = Float32Array.from([-1, 0.5, -0.5, 0.25]);
    expect(Array.from(downmixToMono([left, right]))).toEqual([0, 0.5, -0.75, 0.125]);
  });

  it("averages any number of channels", () => {
    const channels = [Float32Array.from([0.75, 0]), Float32Array.from([0.25, 0.5]), Float32Array.from([-1, 1]), Float32Array.from([0, 0.5])];
    expect(Array.from(downmixToMono(channels))).toEqual([0, 0.5]);
    expect(Array.from(downmixToMono(channels.slice(0, 3)))).toEqual([0, 0.5]);
  });

  it("cancels a channel against its inverse and leaves the inputs untouched", () => {
    const left = Float32Array.from([0.3, -0.7, 0.9]);
    const right = left.map((value) => -value);
    expect(Array.from(downmixToMono([left, right]))).toEqual([0, 0, 0]);
    expect(Array.from(left)).toEqual(Array.from(Float32Array.from([0.3, -0.7, 0.9])));
  });

  it("writes into a given output buffer and returns a view of the mixed frames", () => {
    const output = new Float32Array(8).fill(9);
    const mixed = downmixToMono([Float32Array.from([1, 0.5, 0]), Float32Array.from([0, 0.5, -1])], output);
    expect(Array.from(mixed)).toEqual([0.5, 0.5, -0.5]);
    expect(mixed.buffer).toBe(output.buffer);
    expect(Array.from(output.subarray(3))).toEqual([9, 9, 9, 9, 9]);
    expect(() => downmixToMono([new Float32Array(9), new Float32Array(9)], output)).toThrow(RangeError);
  });

  it("handles empty channels", () => {
    expect(downmixToMono([new Float32Array(0), new Float32Array(0)]).length).toBe(0);
  });

  it("rejects no channels and channels of different lengths", () => {
    expect(() => downmixToMono([])).toThrow(RangeError);
    expect(() => downmixToMono([new Float32Array(3), new Float32Array(4)])).toThrow(/3 and 4 samples/);
  });
});

describe("downmixToMono on long signals", () => {
  it("matches the plain mean sample by sample across kernel blocks", () => {
    const length = 40_003;
    const channels = [0.013, 0.021, 0.007].map((step) => Float32Array.from({ length }, (_, i) => Math.sin(i * step) * 0.9));
    const stereo = downmixToMono(channels.slice(0, 2));
    const three = downmixToMono(channels);
    let worstStereo = 0;
    let worstThree = 0;
    for (let i = 0; i < length; i += 1) {
      worstStereo = Math.max(worstStereo, Math.abs(stereo[i]! - (channels[0]![i]! + channels[1]![i]!) / 2));
      worstThree = Math.max(worstThree, Math.abs(three[i]! - (channels[0]![i]! + channels[1]![i]! + channels[2]![i]!) / 3));
    }
    expect(stereo.length).toBe(length);
    expect(worstStereo).toBeLessThan(1e-7);
    expect(worstThree).toBeLessThan(1e-6);
  });
});

import { describe, expect, it } from "vitest";
import { ALAW_TABLE, MULAW_TABLE, deinterleavePcm } from "./pcm-convert";

const le16 = (...values: number[]) => new Uint8Array(new Int16Array(values).buffer);

// Expected values are ffmpeg's pcm_mulaw/pcm_alaw output for the same codes (all 256 of each agree).
describe("G.711 tables", () => {
  it("decode µ-law to the standard linear values", () => {
    expect(MULAW_TABLE[0xff]).toBe(0);
    expect(MULAW_TABLE[0x80]! * 32768).toBe(32124);
    expect(MULAW_TABLE[0x00]! * 32768).toBe(-32124);
    expect(MULAW_TABLE[0xfe]! * 32768).toBe(8);
    expect(MULAW_TABLE[0x7e]! * 32768).toBe(-8);
    expect(MULAW_TABLE[0xa9]! * 32768).toBe(5628);
    expect(MULAW_TABLE[0x33]! * 32768).toBe(-3516);
  });

  it("decode A-law to the standard linear values", () => {
    expect(ALAW_TABLE[0xd5]! * 32768).toBe(8);
    expect(ALAW_TABLE[0x55]! * 32768).toBe(-8);
    expect(ALAW_TABLE[0xaa]! * 32768).toBe(32256);
    expect(ALAW_TABLE[0x2a]! * 32768).toBe(-32256);
    expect(ALAW_TABLE[0x33]! * 32768).toBe(-11520);
    expect(ALAW_TABLE[0xb3]! * 32768).toBe(11520);
  });

  it("is odd-symmetric and monotonic over each sign's codes", () => {
    for (let i = 0; i < 128; i++) expect(MULAW_TABLE[i]).toBe(-MULAW_TABLE[i + 128]!);
    for (let i = 0x80; i < 0xff; i++) expect(MULAW_TABLE[i]!).toBeGreaterThan(MULAW_TABLE[i + 1]!);
  });
});

describe("deinterleavePcm", () => {
  it("splits 16-bit stereo into planar channels scaled by 1/32768", () => {
    const [left, right] = deinterleavePcm(le16(0, 16384, -32768, 32767, 1, -1), "s16", 2, 3);
    expect(Array.from(left!)).toEqual([0, -1, 1 / 32768]);
    expect(Array.from(right!)).toEqual([0.5, 32767 / 32768, -1 / 32768]);
  });

  it("keeps channel order for many channels", () => {
    const channels = deinterleavePcm(le16(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), "s16", 6, 2);
    expect(channels.map((c) => Math.round(c[1]! * 32768))).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it("sign-extends 24-bit samples", () => {
    const bytes = new Uint8Array([0xff, 0xff, 0x7f, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff]);
    expect(Array.from(deinterleavePcm(bytes, "s24", 1, 3)[0]!)).toEqual([8388607 / 8388608, -1, -1 / 8388608]);
  });

  it("centres unsigned 8-bit and scales 32-bit", () => {
    expect(Array.from(deinterleavePcm(new Uint8Array([0, 128, 255]), "u8", 1, 3)[0]!)).toEqual([-1, 0, 127 / 128]);
    const s32 = new Uint8Array(new Int32Array([-2147483648, 1073741824]).buffer);
    expect(Array.from(deinterleavePcm(s32, "s32", 1, 2)[0]!)).toEqual([-1, 0.5]);
  });

  it("clamps float samples to [-1, 1] and turns NaN into 0", () => {
    const f32 = new Uint8Array(new Float32Array([0.25, 1.5, -3, Number.NaN]).buffer);
    expect(Array.from(deinterleavePcm(f32, "f32", 1, 4)[0]!)).toEqual([0.25, 1, -1, 0]);
    const f64 = new Uint8Array(new Float64Array([-0.125, 2]).buffer);
    expect(Array.from(deinterleavePcm(f64, "f64", 1, 2)[0]!)).toEqual([-0.125, 1]);
  });

  it("accepts input that starts at an odd byte offset", () => {
    const padded = new Uint8Array(5);
    padded.set(le16(16384, -16384), 1);
    expect(Array.from(deinterleavePcm(padded.subarray(1), "s16", 1, 2)[0]!)).toEqual([0.5, -0.5]);
  });

  it("refuses a byte count too small for the frames asked", () => {
    expect(() => deinterleavePcm(new Uint8Array(3), "s16", 1, 2)).toThrow(RangeError);
  });
});

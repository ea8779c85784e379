import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openAudioDecoding } from "./decode-audio-file";
import { collectDecoding } from "./decode-test-signal";
import { encodeWav } from "./wav-encode";
import { createWavFileWriter } from "./wav-file-writer";

const scratch = mkdtempSync(join(tmpdir(), "wav-writer-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A deterministic test signal covering the full range, including values past full scale. */
function signal(length: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 31) * 2.2 - 1.1;
  });
}

const clamp = (v: number) => Math.max(-1, Math.min(1, v));

describe("createWavFileWriter", () => {
  it("round-trips pcm16 through the reader within one step of 1/32767", async () => {
    const path = join(scratch, "mono.wav");
    const writer = await createWavFileWriter(path, { sampleRate: 16000, channels: 1, encoding: "pcm16" });
    const parts = [signal(1000, 1), signal(2501, 2), new Float32Array([1, -1, 0, 0.5, -0.5])];
    for (const part of parts) await writer.write(part);
    const result = await writer.close();
    expect(result).toEqual({ frames: 3506, bytes: 44 + 3506 * 2 });
    expect(statSync(path).size).toBe(result.bytes);

    const decoding = await openAudioDecoding(path);
    expect(decoding.info).toMatchObject({ codec: "pcm_s16le", sampleRate: 16000, channels: 1, expectedDurationSeconds: 3506 / 16000 });
    const { channels, outcome } = await collectDecoding(decoding);
    expect(outcome).toEqual({ decodedFrames: 3506 });
    const written = Float32Array.from(parts.flatMap((p) => Array.from(p)));
    let worst = 0;
    for (let i = 0; i < written.length; i++) worst = Math.max(worst, Math.abs(channels[0]![i]! - clamp(written[i]!)));
    expect(worst).toBeLessThanOrEqual(1 / 32767);
    expect(Array.from(channels[0]!.subarray(-5))).toEqual([32767 / 32768, -1, 0, 0.5, -0.5]);
  });

  it("round-trips float32 exactly, several channels, with writes not awaited one by one", async () => {
    const path = join(scratch, "stereo-float.wav");
    const writer = await createWavFileWriter(path, { sampleRate: 48000, channels: 3, encoding: "float32" });
    const a = signal(777, 3).map((v) => v / 1.1);
    const b = signal(777, 4).map((v) => v / 1.1);
    const c = signal(777, 5).map((v) => v / 1.1);
    await Promise.all([writer.write([a.subarray(0, 400), b.subarray(0, 400), c.subarray(0, 400)]), writer.write([a.subarray(400), b.subarray(400), c.subarray(400)])]);
    expect(await writer.close()).toEqual({ frames: 777, bytes: 58 + 777 * 12 });
    const { channels } = await collectDecoding(await openAudioDecoding(path));
    expect(channels).toEqual([a, b, c]);
  });

  it("refuses writes of the wrong shape and writes after close", async () => {
    const writer = await createWavFileWriter(join(scratch, "shape.wav"), { sampleRate: 8000, channels: 2, encoding: "pcm16" });
    expect(() => writer.write(new Float32Array(4))).toThrow(/expected 2 channels/);
    expect(() => writer.write([new Float32Array(4), new Float32Array(3)])).toThrow(/same number of samples/);
    await writer.close();
    expect(() => writer.write([new Float32Array(1), new Float32Array(1)])).toThrow(/already closed/);
  });

  it("deletes the partial file on abort", async () => {
    const path = join(scratch, "aborted.wav");
    const writer = await createWavFileWriter(path, { sampleRate: 16000, channels: 1, encoding: "pcm16" });
    await writer.write(signal(100, 6));
    await writer.abort();
    expect(existsSync(path)).toBe(false);
  });
});

describe("encodeWav", () => {
  it("writes the header a reader expects", () => {
    const wav = encodeWav([new Float32Array([0.5, -0.5]), new Float32Array([0.25, 1])], 22050, "pcm16");
    const view = new DataView(wav.buffer);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe("RIFF");
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(22050);
    expect(view.getUint32(28, true)).toBe(22050 * 4);
    expect(view.getUint32(40, true)).toBe(8);
    expect([view.getInt16(44, true), view.getInt16(46, true), view.getInt16(48, true), view.getInt16(50, true)]).toEqual([16384, 8192, -16384, 32767]);
  });

  it("round-trips through the file reader", async () => {
    const samples = signal(1234, 7).map((v) => v / 1.1);
    const path = join(scratch, "encoded.wav");
    writeFileSync(path, encodeWav(samples, 44100, "float32"));
    expect(readFileSync(path).subarray(38, 42).toString()).toBe("fact");
    const { channels } = await collectDecoding(await openAudioDecoding(path));
    expect(channels[0]).toEqual(samples);
  });
});

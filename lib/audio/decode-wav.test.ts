import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openAudioDecoding } from "./decode-audio-file";
import { DecodeCancelledError } from "./decode-cancelled-error";
import { AUDIO_FIXTURES, collectDecoding, rmsDbfs, toneFrequency } from "./decode-test-signal";
import { encodeWav } from "./wav-encode";

/** RMS of a sine at -6 dBFS peak. */
const TONE_RMS_DBFS = -9.03;
const fixture = (name: string) => join(AUDIO_FIXTURES, name);
const scratch = mkdtempSync(join(tmpdir(), "decode-wav-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("openAudioDecoding on WAV", () => {
  it.each([
    ["tone-u8-16k.wav", "pcm_u8", 16000, 8],
    ["tone-s16-44k1.wav", "pcm_s16le", 44100, 16],
    ["tone-s24-48k.wav", "pcm_s24le", 48000, 24],
    ["tone-s32-16k.wav", "pcm_s32le", 16000, 32],
    ["tone-f32-16k.wav", "pcm_f32le", 16000, 32],
    ["tone-f32-plain-16k.wav", "pcm_f32le", 16000, 32],
    ["tone-f64-8k.wav", "pcm_f64le", 8000, 64],
    ["tone-mulaw-8k.wav", "pcm_mulaw", 8000, 8],
    ["tone-alaw-8k.wav", "pcm_alaw", 8000, 8],
  ])("decodes %s (%s, %i Hz) to the 440 Hz tone at -6 dBFS", async (name, codec, sampleRate, bitsPerSample) => {
    const decoding = await openAudioDecoding(fixture(name));
    expect(decoding.info).toEqual({ container: "wav", codec, sampleRate, channels: 1, bitsPerSample, expectedDurationSeconds: 1 });
    const { channels, outcome } = await collectDecoding(decoding);
    expect(outcome).toEqual({ decodedFrames: sampleRate });
    expect(channels).toHaveLength(1);
    expect(toneFrequency(channels[0]!, sampleRate)).toBeCloseTo(440, 0);
    expect(Math.abs(rmsDbfs(channels[0]!) - TONE_RMS_DBFS)).toBeLessThan(0.5);
  });

  it("decodes 96 kHz float (WAVE_FORMAT_EXTENSIBLE) at its own rate", async () => {
    const decoding = await openAudioDecoding(fixture("tone-f32-96k.wav"));
    expect(decoding.info).toMatchObject({ sampleRate: 96000, codec: "pcm_f32le", expectedDurationSeconds: 0.25 });
    const { channels, outcome } = await collectDecoding(decoding);
    expect(outcome.decodedFrames).toBe(24000);
    expect(toneFrequency(channels[0]!, 96000)).toBeCloseTo(440, 0);
  });

  it("keeps the six channels of a 5.1 file in their order", async () => {
    const decoding = await openAudioDecoding(fixture("six-channel-8k.wav"));
    expect(decoding.info).toMatchObject({ channels: 6, sampleRate: 8000, expectedDurationSeconds: 0.5 });
    const { channels } = await collectDecoding(decoding);
    expect(channels.map((c) => Math.round(toneFrequency(c, 8000)))).toEqual([200, 300, 400, 500, 600, 700]);
  });

  it("keeps different content in the two channels of a stereo file", async () => {
    const { channels } = await collectDecoding(await openAudioDecoding(fixture("stereo-48k.wav")));
    const [left, right] = channels;
    expect(toneFrequency(left!, 48000)).toBeCloseTo(440, 0);
    expect(toneFrequency(right!, 48000)).toBeCloseTo(1000, 0);
    expect(rmsDbfs(left!)).toBeCloseTo(TONE_RMS_DBFS, 1);
    expect(rmsDbfs(right!)).toBeCloseTo(-15.05, 1);
  });

  it("decodes µ-law bytes to their G.711 values", async () => {
    const bytes = readFileSync(fixture("tone-mulaw-8k.wav"));
    const dataOffset = bytes.indexOf("data") + 8;
    const { channels } = await collectDecoding(await openAudioDecoding(fixture("tone-mulaw-8k.wav")));
    // The first code is 0xFF (zero); 0xA9 is +5628/32768 and 0x2B is -5116/32768 (as ffmpeg decodes them).
    expect(bytes[dataOffset]).toBe(0xff);
    expect(channels[0]![0]).toBe(0);
    for (let i = 0; i < 50; i++) {
      const code = bytes[dataOffset + i]!;
      if (code === 0xa9) expect(channels[0]![i]! * 32768).toBe(5628);
      if (code === 0x2b) expect(channels[0]![i]! * 32768).toBe(-5116);
    }
    expect([...bytes.subarray(dataOffset, dataOffset + 50)]).toEqual(expect.arrayContaining([0xa9]));
  });

  it("reads a streaming writer's WAV (sizes 0xFFFFFFFF) to the end of the file without calling it truncated", async () => {
    const decoding = await openAudioDecoding(fixture("streaming-16k.wav"));
    expect(decoding.info.expectedDurationSeconds).toBe(1);
    expect((await collectDecoding(decoding)).outcome).toEqual({ decodedFrames: 16000 });
  });

  it("yields the audio of a WAV whose header declares more than it holds and reports the truncation", async () => {
    const decoding = await openAudioDecoding(fixture("lying-header.wav"));
    expect(decoding.info.expectedDurationSeconds).toBe(1);
    const { channels, outcome } = await collectDecoding(decoding);
    expect(outcome).toEqual({
      decodedFrames: 8000,
      truncation: { endsAtSeconds: 0.5, expectedSeconds: 1, detail: "stream ends at 0.5 s of 1.0 s" },
    });
    expect(toneFrequency(channels[0]!, 16000)).toBeCloseTo(440, 0);
  });

  it("stops at the declared data size when more bytes follow, and ignores a partial trailing frame", async () => {
    const tone = Float32Array.from({ length: 1000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16000));
    const wav = encodeWav(tone, 16000, "pcm16");
    const declaresHalf = Buffer.concat([wav, Buffer.from("LIST\x04\x00\x00\x00INFO")]);
    declaresHalf.writeUInt32LE(1000, 40); // 500 frames of 16-bit mono
    writeFileSync(join(scratch, "short-declared.wav"), declaresHalf);
    expect((await collectDecoding(await openAudioDecoding(join(scratch, "short-declared.wav")))).outcome).toEqual({ decodedFrames: 500 });

    const stereo = encodeWav([tone, tone], 16000, "pcm16");
    const ragged = Buffer.concat([stereo, Buffer.from([1, 2, 3])]);
    ragged.writeUInt32LE(0xffffffff, 40);
    writeFileSync(join(scratch, "ragged.wav"), ragged);
    expect((await collectDecoding(await openAudioDecoding(join(scratch, "ragged.wav")))).outcome).toEqual({ decodedFrames: 1000 });
  });

  it("gives the same samples whether it reads in big blocks or small ones", async () => {
    const big = await collectDecoding(await openAudioDecoding(fixture("tone-s24-48k.wav")));
    const small = await collectDecoding(await openAudioDecoding(fixture("tone-s24-48k.wav"), { readBlockBytes: 1000 }));
    expect(big.chunkCount).toBe(1);
    expect(small.chunkCount).toBe(Math.ceil(48000 / 333));
    expect(small.channels[0]).toEqual(big.channels[0]);
    const six = await collectDecoding(await openAudioDecoding(fixture("six-channel-8k.wav"), { readBlockBytes: 100 }));
    const sixBig = await collectDecoding(await openAudioDecoding(fixture("six-channel-8k.wav")));
    expect(six.channels).toEqual(sixBig.channels);
  });

  it("decodes again from the start on a second chunks() call", async () => {
    const decoding = await openAudioDecoding(fixture("tone-s16-44k1.wav"), { readBlockBytes: 4096 });
    const first = await collectDecoding(decoding);
    const second = await collectDecoding(decoding);
    expect(second.channels).toEqual(first.channels);
  });

  it("stops between chunks when the signal is aborted", async () => {
    const decoding = await openAudioDecoding(fixture("tone-s16-44k1.wav"), { readBlockBytes: 4096 });
    const controller = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const chunk of decoding.chunks(controller.signal)) {
        seen.push(chunk.channels[0]!.length);
        if (seen.length === 2) controller.abort();
      }
    };
    const error = await run().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DecodeCancelledError);
    expect((error as DecodeCancelledError).code).toBe("CANCELLED");
    expect(seen).toEqual([2048, 2048]);
    await expect(collectDecoding(decoding, AbortSignal.abort())).rejects.toBeInstanceOf(DecodeCancelledError);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIO_FIXTURES } from "./decode-test-signal";
import { mp3ExpectedSamples, parseMp3StreamHeader, parseMpegFrameHeader } from "./mp3-frame-header";
import { id3v2TagLength } from "./sniff-audio-container";

const fixture = (name: string) => new Uint8Array(readFileSync(join(AUDIO_FIXTURES, name)));

describe("parseMpegFrameHeader", () => {
  it("reads MPEG-1 Layer III frame sizes, with and without padding", () => {
    expect(parseMpegFrameHeader(new Uint8Array([0xff, 0xfb, 0x90, 0x64]), 0)).toEqual({
      version: 1,
      layer: 3,
      bitrateKbps: 128,
      sampleRate: 44100,
      channels: 2,
      frameLength: 417,
      samplesPerFrame: 1152,
    });
    expect(parseMpegFrameHeader(new Uint8Array([0xff, 0xfb, 0x92, 0xc4]), 0)).toMatchObject({ frameLength: 418, channels: 1 });
  });

  it("reads MPEG-2 Layer III at 24 kHz (576 samples per frame)", () => {
    // 0xF3: MPEG-2, Layer III; 0x84: 64 kbit/s, 24 kHz.
    expect(parseMpegFrameHeader(new Uint8Array([0xff, 0xf3, 0x84, 0xc4]), 0)).toMatchObject({ version: 2, sampleRate: 24000, frameLength: 192, samplesPerFrame: 576 });
  });

  it("rejects reserved versions, layers, bitrates and rates", () => {
    for (const header of [
      [0xff, 0xeb, 0x90, 0x64], // version 01
      [0xff, 0xf9, 0x90, 0x64], // layer 00
      [0xff, 0xfb, 0xf0, 0x64], // bitrate 1111
      [0xff, 0xfb, 0x00, 0x64], // free format
      [0xff, 0xfb, 0x9c, 0x64], // rate 11
      [0xfe, 0xfb, 0x90, 0x64], // no sync
    ]) {
      expect(parseMpegFrameHeader(new Uint8Array(header), 0)).toBeNull();
    }
    expect(parseMpegFrameHeader(new Uint8Array([0xff, 0xfb, 0x90]), 0)).toBeNull();
  });
});

describe("parseMp3StreamHeader", () => {
  it("reads the Info frame count and LAME delay/padding that ffmpeg writes for CBR", () => {
    const bytes = fixture("tone-cbr.mp3");
    const start = id3v2TagLength(bytes);
    const frame = parseMpegFrameHeader(bytes, start)!;
    const header = parseMp3StreamHeader(bytes, start, frame)!;
    expect(header).toEqual({ frameCount: 40, encoderDelay: 576, encoderPadding: 1404, source: "info" });
    expect(mp3ExpectedSamples(header, frame)).toBe(44100);
  });

  it("reads the Xing header of a VBR file", () => {
    const bytes = fixture("tone-vbr.mp3");
    const start = id3v2TagLength(bytes);
    const frame = parseMpegFrameHeader(bytes, start)!;
    const header = parseMp3StreamHeader(bytes, start, frame)!;
    expect(header.source).toBe("xing");
    expect(mp3ExpectedSamples(header, frame)).toBe(48000);
  });

  it("returns null for an ordinary audio frame", () => {
    const bytes = fixture("tone-cbr.mp3");
    const start = id3v2TagLength(bytes);
    const second = start + parseMpegFrameHeader(bytes, start)!.frameLength;
    expect(parseMp3StreamHeader(bytes, second, parseMpegFrameHeader(bytes, second)!)).toBeNull();
  });

  it("reads a VBRI header's frame count", () => {
    const frame = new Uint8Array(417);
    frame.set([0xff, 0xfb, 0x90, 0x64]);
    frame.set(new TextEncoder().encode("VBRI"), 36);
    frame.set([0, 1, 0x02, 0x41, 0, 75, 0, 0, 0x40, 0, 0, 0, 0, 100], 40); // version, delay 577, quality, bytes, frames 100
    const header = parseMp3StreamHeader(frame, 0, parseMpegFrameHeader(frame, 0)!);
    expect(header).toEqual({ frameCount: 100, encoderDelay: 577, encoderPadding: 0, source: "vbri" });
  });
});

import { describe, expect, it } from "vitest";
import { describeUnrecognisedContent } from "./sniff-content-description";

const bytes = (s: string) => new Uint8Array(Array.from(s, (c) => c.charCodeAt(0)));

describe("describeUnrecognisedContent", () => {
  it("says a text file is text and what header its extension promised", () => {
    expect(describeUnrecognisedContent(bytes("participant,session\n07,2\n"), "x.wav")).toEqual({
      code: "AUDIO_NOT_AUDIO",
      message: "x.wav is not audio: it starts with text, not a RIFF/WAVE header",
    });
    expect(describeUnrecognisedContent(new TextEncoder().encode("notes: café ünd süß"), "notes.mp3").message).toBe(
      "notes.mp3 is not audio: it starts with text, not an MP3 frame or ID3 tag",
    );
  });

  it("names other audio formats as unsupported rather than not audio", () => {
    const aiff = describeUnrecognisedContent(bytes("FORM\x00\x00\x10\x00AIFFCOMM"), "session.aif");
    expect(aiff.code).toBe("AUDIO_UNSUPPORTED");
    expect(aiff.message).toContain("AIFF");
  });

  it("recognises common non-audio files and zero-filled copies", () => {
    expect(describeUnrecognisedContent(bytes("%PDF-1.7"), "a.wav").message).toBe("a.wav is not audio: it is a PDF document, not a RIFF/WAVE header");
    expect(describeUnrecognisedContent(new Uint8Array(4096), "b.flac").message).toContain("zero bytes");
    expect(describeUnrecognisedContent(new Uint8Array([0x13, 0xf7, 0x02, 0x9c, 0x00, 0x81]), "c").message).toBe(
      "c is not audio: its first bytes match no format we read (WAV, MP3, M4A/AAC, FLAC, Ogg Vorbis/Opus or WebM)",
    );
  });
});

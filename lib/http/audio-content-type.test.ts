import { describe, expect, it } from "vitest";
import { audioContentType } from "./audio-content-type";

describe("audioContentType", () => {
  it("maps each container the importer recognises", () => {
    expect(audioContentType("wav/pcm_s16le")).toBe("audio/wav");
    expect(audioContentType("mp3/mp3")).toBe("audio/mpeg");
    expect(audioContentType("m4a/aac")).toBe("audio/mp4");
    expect(audioContentType("aac/aac")).toBe("audio/aac");
    expect(audioContentType("flac/flac")).toBe("audio/flac");
    expect(audioContentType("ogg-vorbis/vorbis")).toBe("audio/ogg");
    expect(audioContentType("ogg-opus/opus")).toBe("audio/ogg");
    expect(audioContentType("webm/opus")).toBe("audio/webm");
  });

  it("serves an unknown container as opaque bytes", () => {
    expect(audioContentType("aiff/pcm_s16be")).toBe("application/octet-stream");
    expect(audioContentType("")).toBe("application/octet-stream");
  });
});

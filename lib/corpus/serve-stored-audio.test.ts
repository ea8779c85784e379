import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAudioStore, type AudioStore } from "./audio-store";
import type { RecordingMedia } from "./corpus-types";
import { serveStoredAudio } from "./serve-stored-audio";

const FIXTURE = path.join(import.meta.dirname, "..", "..", "datasets", "fixtures", "audio", "tone-s16-44k1.wav");

let folder: string;
let store: AudioStore;
let original: Uint8Array;
let analysis: Uint8Array;
let media: RecordingMedia;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function put(filePath: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  await writeFile(filePath, bytes);
}

function get(headers: Record<string, string> = {}, method = "GET") {
  return { method, headers: new Headers(headers) };
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "serve-stored-audio-"));
  store = openAudioStore(folder);
  original = new Uint8Array(await readFile(FIXTURE));
  // Bigger than one read chunk, so streaming takes several pulls.
  analysis = new Uint8Array(1_000_003).map((_, index) => (index * 7) % 251);
  media = {
    id: "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b",
    contentHash: sha256(original),
    analysisHash: sha256(analysis),
    format: "wav/pcm_s16le",
    originalName: "interview-03.wav",
    durationSeconds: 1,
  };
  await put(store.originalPath(media.contentHash), original);
  await put(store.analysisPath(media.analysisHash!), analysis);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("serveStoredAudio", () => {
  it("streams the whole original with its type, length and hash", async () => {
    const response = await serveStoredAudio({ store, media, variant: "original", request: get() });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("content-length")).toBe(String(original.length));
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("etag")).toBe(`"${media.contentHash}"`);
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect(response.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''interview-03.wav");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(original);
  });

  it("answers a closed range with 206 and exactly those bytes", async () => {
    const response = await serveStoredAudio({ store, media, variant: "original", request: get({ range: "bytes=0-43" }) });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 0-43/${original.length}`);
    expect(response.headers.get("content-length")).toBe("44");
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body).toEqual(original.subarray(0, 44));
    expect(new TextDecoder().decode(body.subarray(0, 4))).toBe("RIFF");
  });

  it("streams the analysis WAV across several chunks, and open and suffix ranges of it", async () => {
    const whole = await serveStoredAudio({ store, media, variant: "analysis", request: get() });
    expect(whole.headers.get("content-type")).toBe("audio/wav");
    expect(whole.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''interview-03.16k.wav");
    expect(sha256(new Uint8Array(await whole.arrayBuffer()))).toBe(media.analysisHash);

    const open = await serveStoredAudio({ store, media, variant: "analysis", request: get({ range: "bytes=300000-" }) });
    expect(open.status).toBe(206);
    expect(open.headers.get("content-range")).toBe(`bytes 300000-${analysis.length - 1}/${analysis.length}`);
    // Byte-wise toEqual on megabytes is slow; equal hashes say the same.
    expect(sha256(new Uint8Array(await open.arrayBuffer()))).toBe(sha256(analysis.subarray(300_000)));

    const suffix = await serveStoredAudio({ store, media, variant: "analysis", request: get({ range: "bytes=-100" }) });
    expect(suffix.status).toBe(206);
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(analysis.subarray(analysis.length - 100));
  });

  it("answers 416 with the size for a range past the end", async () => {
    const response = await serveStoredAudio({ store, media, variant: "original", request: get({ range: `bytes=${original.length}-` }) });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${original.length}`);
  });

  it("serves the whole file for several ranges and for a stale If-Range", async () => {
    const several = await serveStoredAudio({ store, media, variant: "original", request: get({ range: "bytes=0-1,4-5" }) });
    expect(several.status).toBe(200);
    expect(several.headers.get("content-length")).toBe(String(original.length));
    await several.body?.cancel();

    const stale = await serveStoredAudio({
      store,
      media,
      variant: "original",
      request: get({ range: "bytes=0-1", "if-range": '"something-else"' }),
    });
    expect(stale.status).toBe(200);
    await stale.body?.cancel();

    const current = await serveStoredAudio({
      store,
      media,
      variant: "original",
      request: get({ range: "bytes=0-1", "if-range": `"${media.contentHash}"` }),
    });
    expect(current.status).toBe(206);
    await current.body?.cancel();
  });

  it("answers 304 when the browser already holds this content", async () => {
    const response = await serveStoredAudio({
      store,
      media,
      variant: "original",
      request: get({ "if-none-match": `"${media.contentHash}"` }),
    });
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
  });

  it("sends headers without a body for HEAD", async () => {
    const response = await serveStoredAudio({ store, media, variant: "analysis", request: get({}, "HEAD") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(analysis.length));
    expect(response.body).toBeNull();
  });

  it("stops reading when the client goes away mid-stream", async () => {
    const response = await serveStoredAudio({ store, media, variant: "analysis", request: get() });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    expect(first.value?.length).toBeLessThan(analysis.length);
    await reader.cancel();
  });

  it("answers 404 naming the recording, never a path, when a file is missing", async () => {
    const missing = { ...media, analysisHash: "f".repeat(64) };
    const response = await serveStoredAudio({ store, media: missing, variant: "analysis", request: get() });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string; code: string };
    expect(body.code).toBe("AUDIO_FILE_MISSING");
    expect(body.error).toContain("interview-03.wav");
    expect(body.error).not.toContain(folder);
    expect(body.error).not.toContain("/");
  });

  it("answers 404 for a recording without analysis audio", async () => {
    const response = await serveStoredAudio({ store, media: { ...media, analysisHash: null }, variant: "analysis", request: get() });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe("AUDIO_NOT_STORED");
  });

  it("labels compressed originals by their container", async () => {
    const response = await serveStoredAudio({ store, media: { ...media, format: "m4a/aac" }, variant: "original", request: get() });
    expect(response.headers.get("content-type")).toBe("audio/mp4");
    await response.body?.cancel();
  });
});

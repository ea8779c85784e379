import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NpyFormatError } from "./npy-format-error";
import { describeWebUiFolder } from "./webui-folder";
import { WebUiFolderError } from "./webui-folder-error";
import { WebUiResultError } from "./webui-result-error";

/** Little-endian float32, C order, format 1.0. */
function npyFloat32(shape: number[], values: number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const header = dict.padEnd(Math.ceil((11 + dict.length) / 64) * 64 - 11, " ") + "\n";
  const bytes = new Uint8Array(10 + header.length + values.length * 4);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  bytes.set(new TextEncoder().encode(header), 10);
  new Uint8Array(bytes.buffer, 10 + header.length).set(new Uint8Array(new Float32Array(values).buffer));
  return bytes;
}

const scores = [0.02, 0.01, 0.03, 0.05, 0.2, 0.01, 0.65, 0.02, 0.01];
const result = (granularity: string) => JSON.stringify({ emotion: "难过/sad", confidence: 0.65, scores, granularity, timestamp: null });

describe("describeWebUiFolder", () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), "webui-test-")));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  function makeFolder(name: string, files: Record<string, string | Uint8Array>): string {
    const dir = path.join(base, name);
    mkdirSync(dir);
    for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
    return dir;
  }

  it("reads an utterance run with a (D,) embedding", async () => {
    const dir = makeFolder("outputs_20240305_143012", {
      "processed_audio.wav": "RIFF",
      "result.json": result("utterance"),
      "embedding.npy": npyFloat32([4], [0.1, 0.2, 0.3, 0.4]),
    });
    const folder = await describeWebUiFolder(dir);
    expect(folder).toMatchObject({
      folderName: "outputs_20240305_143012",
      audioPath: path.join(dir, "processed_audio.wav"),
      startedAt: "2024-03-05T14:30:12",
      result: { emotion: "sad", granularity: "utterance" },
      embedding: { shape: [4] },
    });
    expect([...(folder.embedding?.data ?? [])]).toEqual([0.1, 0.2, 0.3, 0.4].map(Math.fround));
  });

  it("reads a frame run with an (F, D) embedding, and a run without embedding in a renamed folder", async () => {
    const frame = makeFolder("outputs_20240305_150000", {
      "processed_audio.wav": "RIFF",
      "result.json": result("frame"),
      "embedding.npy": npyFloat32([2, 3], [1, 2, 3, 4, 5, 6]),
    });
    expect((await describeWebUiFolder(frame)).embedding?.shape).toEqual([2, 3]);
    const renamed = makeFolder("interview 3", { "processed_audio.wav": "RIFF", "result.json": result("frame") });
    const folder = await describeWebUiFolder(renamed);
    expect(folder.startedAt).toBeNull();
    expect(folder.embedding).toBeUndefined();
  });

  it("refuses an embedding whose shape contradicts the granularity", async () => {
    const dir = makeFolder("outputs_20240305_160000", {
      "processed_audio.wav": "RIFF",
      "result.json": result("utterance"),
      "embedding.npy": npyFloat32([2, 3], [1, 2, 3, 4, 5, 6]),
    });
    const attempt = describeWebUiFolder(dir);
    await expect(attempt).rejects.toThrow(WebUiFolderError);
    await expect(attempt).rejects.toThrow(
      "outputs_20240305_160000/embedding.npy has shape (2, 3) but result.json says granularity utterance, which needs shape (D,)",
    );
    const frame = makeFolder("outputs_20240305_160001", {
      "processed_audio.wav": "RIFF",
      "result.json": result("frame"),
      "embedding.npy": npyFloat32([6], [1, 2, 3, 4, 5, 6]),
    });
    await expect(describeWebUiFolder(frame)).rejects.toMatchObject({ code: "WEBUI_EMBEDDING_SHAPE" });
  });

  it("names the missing or malformed file", async () => {
    const noAudio = makeFolder("outputs_20240305_170000", { "result.json": result("utterance") });
    await expect(describeWebUiFolder(noAudio)).rejects.toMatchObject({
      code: "WEBUI_AUDIO_MISSING",
      message: "outputs_20240305_170000 has no processed_audio.wav; it is not a complete WebUI output folder",
    });
    const noResult = makeFolder("outputs_20240305_170001", { "processed_audio.wav": "RIFF" });
    await expect(describeWebUiFolder(noResult)).rejects.toMatchObject({ code: "WEBUI_RESULT_MISSING" });
    const badResult = makeFolder("outputs_20240305_170002", { "processed_audio.wav": "RIFF", "result.json": "{}" });
    await expect(describeWebUiFolder(badResult)).rejects.toThrow(WebUiResultError);
    await expect(describeWebUiFolder(badResult)).rejects.toThrow("outputs_20240305_170002/result.json: field emotion is missing");
    const badNpy = makeFolder("outputs_20240305_170003", {
      "processed_audio.wav": "RIFF",
      "result.json": result("utterance"),
      "embedding.npy": "not numpy",
    });
    await expect(describeWebUiFolder(badNpy)).rejects.toThrow(NpyFormatError);
  });

  it("with roots given, refuses files in the folder that link outside the roots", async () => {
    const root = path.join(base, "root");
    const outside = path.join(base, "outside");
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(path.join(outside, "private.wav"), "RIFF");
    const dir = path.join(root, "outputs_20240305_180000");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "result.json"), result("utterance"));
    symlinkSync(path.join(outside, "private.wav"), path.join(dir, "processed_audio.wav"));
    await expect(describeWebUiFolder(dir, { roots: [root] })).rejects.toMatchObject({
      code: "IMPORT_PATH_OUTSIDE_ROOTS",
      message: "outputs_20240305_180000/processed_audio.wav is a symbolic link to a place outside the import roots",
    });
    expect((await describeWebUiFolder(dir, { roots: [base] })).audioPath).toBe(path.join(outside, "private.wav"));
  });
});

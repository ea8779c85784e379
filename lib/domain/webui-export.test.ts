import { describe, expect, it } from "vitest";
// The corpus readers are the oracle: what we write must import back as it was meant. Both are pure.
import { parseNpy } from "../corpus/npy-parse";
import { parseWebUiFolderTimestamp } from "../corpus/webui-folder-name";
import { parseWebUiResult } from "../corpus/webui-result";
import { ArrayShapeError } from "./array-shape-error";
import { CANONICAL_LABELS } from "./emotion-labels";
import { buildWebUiResult, buildWebUiRunEntries, formatWebUiTimestamp, webUiFolderName } from "./webui-export";
import { WebUiExportError } from "./webui-export-error";

const scores = [0.012, 0.008, 0.015, 0.853, 0.045, 0.023, 0.018, 0.021, 0.005];
const at = new Date("2026-11-21T09:30:00Z");
/** A minimal valid WAV header (no samples); the builder only checks it is a WAV. */
const wav = new Uint8Array([..."RIFF"].map((c) => c.charCodeAt(0)).concat([36, 0, 0, 0], [..."WAVE"].map((c) => c.charCodeAt(0))));

describe("buildWebUiResult", () => {
  it("writes the WebUI's five fields in its order, with plain English labels", () => {
    const json = buildWebUiResult({ scores, granularity: "utterance", at, utcOffsetMinutes: 60 });
    expect(json).toBe(
      [
        "{",
        '  "emotion": "happy",',
        '  "confidence": 0.853,',
        '  "scores": {',
        ...CANONICAL_LABELS.map((label, index) => `    "${label}": ${scores[index]}${index < 8 ? "," : ""}`),
        "  },",
        '  "granularity": "utterance",',
        '  "timestamp": "2026-11-21 10:30:00"',
        "}",
      ].join("\n"),
    );
  });

  it("imports back through the WebUI reader unchanged and without warnings", () => {
    const float32Scores = new Float32Array([0.02, 0.01, 0.03, 0.05, 0.2, 0.01, 0.65, 0.02, 0.01]);
    const json = buildWebUiResult({ scores: float32Scores, granularity: "frame", at, extra: { model: "emotion2vec-plus-base", version: "1.0.0" } });
    const result = parseWebUiResult(json, "result.json");
    expect(result).toMatchObject({
      emotion: "sad",
      granularity: "frame",
      timestamp: "2026-11-21 09:30:00",
      extra: { model: "emotion2vec-plus-base", version: "1.0.0" },
      warnings: [],
    });
    expect(result.confidence).toBeCloseTo(0.65, 6);
    CANONICAL_LABELS.forEach((label, index) => expect(result.scores[label]).toBeCloseTo(float32Scores[index]!, 6));
  });

  it("rounds to the decimals asked for and names the first label on a tie", () => {
    const tied = [0.1, 0.1, 0.1, 0.30000001, 0.3, 0.1, 0, 0, 0];
    const parsed = JSON.parse(buildWebUiResult({ scores: tied, granularity: "utterance", at, decimals: 3 })) as { emotion: string; confidence: number; scores: Record<string, number> };
    expect(parsed).toMatchObject({ emotion: "happy", confidence: 0.3, scores: { happy: 0.3, neutral: 0.3 } });
    expect(JSON.parse(buildWebUiResult({ scores: [0, 0, 0, 0, 0.5, 0.5, 0, 0, 0], granularity: "utterance", at })).emotion).toBe("neutral");
  });

  it("refuses anything that is not nine probabilities, and extra fields that shadow the WebUI's", () => {
    const attempt = (input: Partial<Parameters<typeof buildWebUiResult>[0]>) => () => buildWebUiResult({ scores, granularity: "utterance", at, ...input });
    expect(attempt({ scores: scores.slice(1) })).toThrow(ArrayShapeError);
    expect(attempt({ scores: scores.map((s, i) => (i === 6 ? Number.NaN : s)) })).toThrow("the sad score is NaN; scores must be probabilities between 0 and 1");
    expect(attempt({ scores: scores.map((s, i) => (i === 0 ? 1.5 : s)) })).toThrow(WebUiExportError);
    expect(attempt({ extra: { emotion: "sad" } })).toThrow('the extra field "emotion" would replace the WebUI\'s own');
    expect(attempt({ at: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe("WebUI timestamps and folder names", () => {
  it("write wall-clock time at the given offset, across a day boundary", () => {
    const instant = new Date("2026-01-01T02:00:05Z");
    expect(formatWebUiTimestamp(instant)).toBe("2026-01-01 02:00:05");
    expect(formatWebUiTimestamp(instant, -300)).toBe("2025-12-31 21:00:05");
    expect(webUiFolderName(instant, -300)).toBe("outputs_20251231_210005");
    expect(webUiFolderName(instant, 330)).toBe("outputs_20260101_073005");
  });

  it("name folders the import recognises, with the same time", () => {
    expect(parseWebUiFolderTimestamp(webUiFolderName(at, 60))).toBe("2026-11-21T10:30:00");
  });
});

describe("buildWebUiRunEntries", () => {
  it("lays out one run's folder: audio, result and embedding, dated at the analysis time", () => {
    const embedding = new Float32Array(4 * 768).map((_, index) => index / 1000);
    const entries = buildWebUiRunEntries({ scores, granularity: "frame", at, processedAudioWav: wav, embedding: { data: embedding, shape: [4, 768] } });
    expect(entries.map((entry) => entry.name)).toEqual([
      "outputs_20261121_093000/processed_audio.wav",
      "outputs_20261121_093000/result.json",
      "outputs_20261121_093000/embedding.npy",
    ]);
    expect(entries.every((entry) => entry.modified === at)).toBe(true);
    expect(entries[0]!.data).toBe(wav);
    expect(parseWebUiResult(new TextDecoder().decode(entries[1]!.data), "result.json").granularity).toBe("frame");
    expect(parseNpy(entries[2]!.data, "embedding.npy")).toMatchObject({ shape: [4, 768], data: embedding });
  });

  it("nests the folder when asked and leaves out a missing embedding", () => {
    const entries = buildWebUiRunEntries({ scores, granularity: "utterance", at, processedAudioWav: wav, folder: "interview-03/outputs_20261121_093000" });
    expect(entries.map((entry) => entry.name)).toEqual(["interview-03/outputs_20261121_093000/processed_audio.wav", "interview-03/outputs_20261121_093000/result.json"]);
  });

  it("refuses an embedding whose shape contradicts the granularity, and audio that is not WAV", () => {
    const base = { scores, at, processedAudioWav: wav };
    expect(() => buildWebUiRunEntries({ ...base, granularity: "utterance", embedding: { data: new Float32Array(8), shape: [2, 4] } })).toThrow(
      "cannot write outputs_20261121_093000/embedding.npy: granularity utterance needs shape (D,) with no empty dimension, got (2, 4)",
    );
    expect(() => buildWebUiRunEntries({ ...base, granularity: "frame", embedding: { data: new Float32Array(0), shape: [0, 768] } })).toThrow(WebUiExportError);
    expect(() => buildWebUiRunEntries({ ...base, granularity: "utterance", processedAudioWav: new Uint8Array(44) })).toThrow("is not a WAV file");
  });
});

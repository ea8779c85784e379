import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../../array-shape-error";
import { ExportFormatError } from "./export-format-error";
import { jsonlManifestLine } from "./jsonl-manifest";
import { PYTHON, readBack } from "./testing/python-read-back";
import { ANONYMOUS_ITEM, HUMAN_ITEM, MODEL_ITEM, SAMPLE_ITEMS, withFields } from "./testing/sample-items";

const HUMAN_LINE =
  '{"id":"rec01","audio":"audio/train/rec01.wav","offset":0.000,"duration":12.500,"label":"happy","split":"train",' +
  '"patient":"P-007","cohort":"control","label_source":"human","confidence":null}\n';
const MODEL_LINE =
  '{"id":"rec02_reg7","audio":"audio/validation/rec02_reg7.wav","offset":61.000,"duration":2.000,"label":"negative","split":"validation",' +
  '"patient":"=HYPERLINK(\\"x\\")","cohort":"depression + anxiety","label_source":"model","confidence":0.612346,' +
  '"scores":{"angry":0.010000,"disgusted":0.020000,"fearful":0.030000,"happy":0.100000,"neutral":0.200000,"other":0.010000,' +
  '"sad":0.612346,"surprised":0.012346,"unknown":0.000000}}\n';

describe("jsonlManifestLine", () => {
  it("writes the keys in fixed order with seconds to 3 and scores to 6 decimals, scores only when present", () => {
    expect(jsonlManifestLine(HUMAN_ITEM)).toBe(HUMAN_LINE);
    expect(jsonlManifestLine(MODEL_ITEM)).toBe(MODEL_LINE);
  });

  it("gives the same bytes for the same item, whatever order its fields were set in", () => {
    const reordered = Object.fromEntries(Object.entries(MODEL_ITEM).reverse()) as unknown as typeof MODEL_ITEM;
    expect(jsonlManifestLine(reordered)).toBe(MODEL_LINE);
    expect(jsonlManifestLine(MODEL_ITEM)).toBe(jsonlManifestLine(MODEL_ITEM));
  });

  it("refuses values JSON cannot hold and score arrays of the wrong length", () => {
    expect(() => jsonlManifestLine(withFields(HUMAN_ITEM, { durationSeconds: Number.NaN }))).toThrow(ExportFormatError);
    expect(() => jsonlManifestLine(withFields(HUMAN_ITEM, { durationSeconds: Number.NaN }))).toThrow("duration of item rec01");
    expect(() => jsonlManifestLine(withFields(MODEL_ITEM, { confidence: Infinity }))).toThrow("confidence of item rec02_reg7");
    expect(() => jsonlManifestLine(withFields(MODEL_ITEM, { modelScores: [0.5, 0.5] }))).toThrow(ArrayShapeError);
    const nanScores = [...MODEL_ITEM.modelScores!];
    nanScores[3] = Number.NaN;
    expect(() => jsonlManifestLine(withFields(MODEL_ITEM, { modelScores: nanScores }))).toThrow("happy score of item rec02_reg7");
  });

  it.skipIf(PYTHON === null)("reads back with Python's json module, one record per line, keys in the written order (skipped without python3)", () => {
    const text = SAMPLE_ITEMS.map(jsonlManifestLine).join("");
    const records = readBack("jsonl", { "manifest.jsonl": text }, ["{dir}/manifest.jsonl"]) as { keys: string[]; value: Record<string, unknown> }[];
    expect(records).toHaveLength(3);
    const base = ["id", "audio", "offset", "duration", "label", "split", "patient", "cohort", "label_source", "confidence"];
    expect(records.map((record) => record.keys)).toEqual([base, [...base, "scores"], base]);
    expect(records[1]!.value).toEqual({
      id: "rec02_reg7",
      audio: "audio/validation/rec02_reg7.wav",
      offset: 61,
      duration: 2,
      label: "negative",
      split: "validation",
      patient: '=HYPERLINK("x")',
      cohort: "depression + anxiety",
      label_source: "model",
      confidence: 0.612346,
      scores: { angry: 0.01, disgusted: 0.02, fearful: 0.03, happy: 0.1, neutral: 0.2, other: 0.01, sad: 0.612346, surprised: 0.012346, unknown: 0 },
    });
    expect(records[2]!.value).toMatchObject({ id: ANONYMOUS_ITEM.id, offset: 3.25, duration: 1.063, patient: null, cohort: null, confidence: null });
  });
});

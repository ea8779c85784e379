import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { parseWebUiResult } from "./webui-result";
import { WebUiResultError } from "./webui-result-error";

const bilingual = ["生气/angry", "厌恶/disgusted", "恐惧/fearful", "开心/happy", "中立/neutral", "其他/other", "难过/sad", "吃惊/surprised", "<unk>"];
const probabilities = [0.02, 0.01, 0.03, 0.05, 0.2, 0.01, 0.65, 0.02, 0.01];

const resultJson = (fields: Record<string, unknown>) =>
  JSON.stringify({
    emotion: "难过/sad",
    confidence: 0.65,
    scores: Object.fromEntries(bilingual.map((label, index) => [label, probabilities[index]])),
    granularity: "utterance",
    timestamp: "2024-03-05 14:30:12",
    ...fields,
  });

describe("parseWebUiResult", () => {
  it("reads bilingual labels, keeps unknown fields, and has no warnings for a consistent result", () => {
    const result = parseWebUiResult(resultJson({ model: "emotion2vec_plus_large", audio_seconds: 4.2 }), "outputs_x/result.json");
    expect(result).toEqual({
      emotion: "sad",
      confidence: 0.65,
      scores: Object.fromEntries(CANONICAL_LABELS.map((label, index) => [label, probabilities[index]])),
      granularity: "utterance",
      timestamp: "2024-03-05 14:30:12",
      extra: { model: "emotion2vec_plus_large", audio_seconds: 4.2 },
      warnings: [],
    });
  });

  it("accepts scores as nine numbers in model order or as {label|emotion, score} entries", () => {
    const fromArray = parseWebUiResult(resultJson({ scores: probabilities, timestamp: null }), "r.json");
    expect(fromArray.scores.sad).toBe(0.65);
    expect(fromArray.timestamp).toBeNull();
    const entries = bilingual.map((label, index) => (index % 2 ? { label, score: probabilities[index] } : { emotion: label, score: probabilities[index] }));
    const fromEntries = parseWebUiResult(resultJson({ scores: entries, granularity: "frame", timestamp: undefined }), "r.json");
    expect(fromEntries).toMatchObject({ granularity: "frame", timestamp: null, scores: { unknown: 0.01, happy: 0.05 } });
  });

  it("warns, without failing, when scores do not sum to 1 or disagree with emotion and confidence", () => {
    const scores = { ...Object.fromEntries(CANONICAL_LABELS.map((label) => [label, 0])), sad: 0.3, happy: 0.5 };
    const result = parseWebUiResult(resultJson({ scores, confidence: 0.9 }), "r.json");
    expect(result.warnings).toEqual([
      "the scores sum to 0.800, not 1",
      "emotion is sad but the highest score is happy (0.500)",
      "confidence 0.900 differs from the sad score 0.300",
    ]);
  });

  it.each([
    ["{", "r.json is not valid JSON"],
    ["[1, 2]", "r.json: expected a JSON object"],
    [resultJson({ emotion: undefined }), "r.json: field emotion is missing"],
    [resultJson({ emotion: "joy" }), "r.json: field emotion 'joy' is not an emotion2vec+ label"],
    [resultJson({ confidence: "high" }), "r.json: field confidence must be a number between 0 and 1"],
    [resultJson({ confidence: 1.5 }), "r.json: field confidence is 1.5; it must be between 0 and 1"],
    [resultJson({ granularity: "segment" }), 'r.json: field granularity must be "utterance" or "frame"'],
    [resultJson({ scores: "sad" }), "r.json: field scores must be an object of numbers keyed by label"],
    [resultJson({ scores: probabilities.slice(1) }), "r.json: field scores has 8 numbers; a list needs all 9 in model order"],
    [resultJson({ scores: { angry: 1 } }), "r.json: field scores.disgusted is missing"],
    [resultJson({ scores: { ...Object.fromEntries(bilingual.map((l) => [l, 0.1])), sad: 0.2 } }), "r.json: field scores.sad gives a second score for sad"],
    [resultJson({ scores: { joy: 1 } }), "r.json: field scores.joy names 'joy', which is not an emotion2vec+ label"],
    [resultJson({ scores: [{ score: 1 }] }), "r.json: field scores[0].label is missing"],
    [resultJson({ scores: probabilities.map((p, i) => (i === 6 ? 1.2 : p)) }), "r.json: field scores.sad is 1.2; scores must be between 0 and 1"],
  ])("refuses %s", (json, message) => {
    const attempt = () => parseWebUiResult(json, "r.json");
    expect(attempt).toThrow(WebUiResultError);
    expect(attempt).toThrow(message);
  });
});

import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "./array-shape-error";
import { CANONICAL_INDEX, CANONICAL_LABELS, isCanonicalLabel, resolveLabelMapping, toCanonicalLabel, toCanonicalScores } from "./emotion-labels";

const bilingual = ["生气/angry", "厌恶/disgusted", "恐惧/fearful", "开心/happy", "中立/neutral", "其他/other", "难过/sad", "吃惊/surprised", "<unk>"];

describe("toCanonicalLabel", () => {
  it("accepts every emotion2vec spelling", () => {
    expect(bilingual.map(toCanonicalLabel)).toEqual([...CANONICAL_LABELS]);
    expect(["Sad", " sad ", "难过", "unk"].map(toCanonicalLabel)).toEqual(["sad", "sad", "sad", "unknown"]);
    expect(["joy", "", "难过/joy", "难过/happy", "a/b/sad"].map(toCanonicalLabel)).toEqual([null, null, null, null, null]);
  });
});

describe("CANONICAL_INDEX and isCanonicalLabel", () => {
  it("index the nine labels in model order and recognise only their exact names", () => {
    expect(CANONICAL_LABELS.map((label) => CANONICAL_INDEX[label])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(["sad", "unknown", "Sad", "<unk>", "toString", "__proto__"].map(isCanonicalLabel)).toEqual([true, true, false, false, false, false]);
  });
});

describe("resolveLabelMapping", () => {
  it("resolves emotion2vec's own bilingual labels without a mapping", () => {
    expect(resolveLabelMapping(bilingual)).toEqual({ ok: true, toCanonical: [...CANONICAL_LABELS] });
  });

  it("applies the mapping, including null for labels with no canonical counterpart", () => {
    const result = resolveLabelMapping(["ang", "hap", "exc", "Neutral", "xxx"], { ang: "angry", hap: "happy", exc: "happy", xxx: null });
    expect(result).toEqual({ ok: true, toCanonical: ["angry", "happy", "happy", "neutral", null] });
  });

  it("lets a mapping override a label that is itself canonical", () => {
    expect(resolveLabelMapping(["sad", "other"], { other: null })).toEqual({ ok: true, toCanonical: ["sad", null] });
  });

  it("reports every problem at once", () => {
    const result = resolveLabelMapping(["ang", "joy", "ang", "calm"], { ang: "angry", calm: "Calm", fear: "fearful" });
    expect(result).toEqual({
      ok: false,
      problems: [
        "labels[1] 'joy' is not a canonical label; map it in labelMapping to one of angry, disgusted, fearful, happy, neutral, other, sad, surprised, unknown or to null",
        "labels[2] 'ang' appears more than once",
        "labelMapping maps 'calm' to 'Calm', which is not one of angry, disgusted, fearful, happy, neutral, other, sad, surprised, unknown (or null)",
        "labelMapping has 'fear', which is not among the labels",
      ],
    });
  });

  it("refuses an empty label list", () => {
    expect(resolveLabelMapping([])).toEqual({ ok: false, problems: ["labels is empty; list the model's output labels in output order"] });
  });
});

describe("toCanonicalScores", () => {
  it("sums labels that share a canonical label, drops null, and gives unmapped canonical labels 0", () => {
    const toCanonical = ["angry", "happy", "happy", null, "sad"] as const;
    const scores = toCanonicalScores(new Float32Array([0.25, 0.125, 0.375, 0.0625, 0.1875]), toCanonical);
    expect(scores).toEqual([0.25, 0, 0, 0.5, 0, 0, 0.1875, 0, 0]);
  });

  it("keeps emotion2vec's own order unchanged", () => {
    const row = [0.01, 0.02, 0.03, 0.04, 0.5, 0.1, 0.2, 0.05, 0.05];
    expect(toCanonicalScores(row, CANONICAL_LABELS)).toEqual(row);
  });

  it("refuses a row whose length differs from the label count", () => {
    expect(() => toCanonicalScores([0.5, 0.5], ["sad"])).toThrow(ArrayShapeError);
    expect(() => toCanonicalScores([0.5, 0.5], ["sad"])).toThrow("toCanonicalScores: 2 scores for 1 model labels");
  });
});

import { describe, expect, it } from "vitest";
import { labelPolicySchema, resolveItemLabel, type LabelPolicy } from "./label-policy";

const HUMAN: LabelPolicy = { kind: "human" };
const HUMAN_OVER_MODEL: LabelPolicy = { kind: "human-over-model", minConfidence: 0.6 };
const MODEL: LabelPolicy = { kind: "model", minConfidence: 0.6 };

const sure = { label: "happy", confidence: 0.9 } as const;
const unsure = { label: "happy", confidence: 0.4 } as const;

describe("resolveItemLabel", () => {
  it("takes human labels only under the human policy, with no confidence", () => {
    expect(resolveItemLabel({ human: "sad", model: sure }, HUMAN)).toEqual({ label: "sad", source: "human", confidence: null });
    expect(resolveItemLabel({ human: null, model: sure }, HUMAN)).toEqual({ skip: "no-human-label" });
  });

  it("prefers the human label, then falls back to a confident model", () => {
    expect(resolveItemLabel({ human: "sad", model: unsure }, HUMAN_OVER_MODEL)).toEqual({ label: "sad", source: "human", confidence: null });
    expect(resolveItemLabel({ human: null, model: sure }, HUMAN_OVER_MODEL)).toEqual({ label: "happy", source: "model", confidence: 0.9 });
    expect(resolveItemLabel({ human: null, model: unsure }, HUMAN_OVER_MODEL)).toEqual({ skip: "below-threshold" });
    expect(resolveItemLabel({ human: null, model: null }, HUMAN_OVER_MODEL)).toEqual({ skip: "no-model-result" });
  });

  it("ignores human labels under the model policy and treats the threshold as inclusive", () => {
    expect(resolveItemLabel({ human: "sad", model: sure }, MODEL)).toEqual({ label: "happy", source: "model", confidence: 0.9 });
    expect(resolveItemLabel({ human: "sad", model: { label: "angry", confidence: 0.6 } }, MODEL)).toEqual({ label: "angry", source: "model", confidence: 0.6 });
    expect(resolveItemLabel({ human: "sad", model: { label: "angry", confidence: 0.5999 } }, MODEL)).toEqual({ skip: "below-threshold" });
    expect(resolveItemLabel({ human: "sad", model: null }, MODEL)).toEqual({ skip: "no-model-result" });
  });

  it("refuses a confidence outside 0..1", () => {
    expect(() => resolveItemLabel({ human: null, model: { label: "sad", confidence: 1.2 } }, MODEL)).toThrow("model confidence 1.2 for 'sad' is outside 0..1");
    expect(() => resolveItemLabel({ human: "sad", model: { label: "sad", confidence: Number.NaN } }, HUMAN)).toThrow("outside 0..1");
  });
});

describe("labelPolicySchema", () => {
  it("defaults human-over-model to threshold 0 but asks the model policy for one", () => {
    expect(labelPolicySchema.parse({ kind: "human-over-model" })).toEqual({ kind: "human-over-model", minConfidence: 0 });
    expect(labelPolicySchema.safeParse({ kind: "model" }).success).toBe(false);
    expect(labelPolicySchema.safeParse({ kind: "model", minConfidence: 1.5 }).error?.issues[0]?.message).toBe("labelPolicy.minConfidence must be at most 1");
    expect(labelPolicySchema.safeParse({ kind: "guess" }).error?.issues[0]?.message).toBe("labelPolicy.kind must be human, human-over-model or model");
    expect(labelPolicySchema.safeParse({ kind: "human", minConfidence: 0.5 }).success).toBe(false);
  });
});

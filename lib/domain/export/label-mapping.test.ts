import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { createLabelMapper, labelMappingSchema, VALENCE_MAPPING } from "./label-mapping";

describe("createLabelMapper", () => {
  it("keeps the nine labels as they are under the canonical mapping", () => {
    const mapper = createLabelMapper({ kind: "canonical" });
    expect(mapper.targetLabels).toEqual(CANONICAL_LABELS);
    expect(mapper.map("surprised")).toBe("surprised");
  });

  it("drops labels outside a subset and lists the subset in canonical order", () => {
    const mapper = createLabelMapper(labelMappingSchema.parse({ kind: "subset", labels: ["sad", "angry", "happy"] }));
    expect(mapper.targetLabels).toEqual(["angry", "happy", "sad"]);
    expect(mapper.map("sad")).toBe("sad");
    expect(mapper.map("neutral")).toBeNull();
  });

  it("maps onto custom names, ordered by the first canonical label that reaches each", () => {
    const mapper = createLabelMapper({ kind: "custom", map: { sad: "low", happy: "high", angry: "high", neutral: null } });
    expect(mapper.targetLabels).toEqual(["high", "low"]);
    expect(mapper.map("angry")).toBe("high");
    expect(mapper.map("neutral")).toBeNull();
    expect(mapper.map("fearful")).toBeNull();
  });

  it("gives the valence mapping three classes and drops surprise, other and unknown", () => {
    const mapper = createLabelMapper(VALENCE_MAPPING);
    expect(mapper.targetLabels).toEqual(["negative", "positive", "neutral"]);
    expect(CANONICAL_LABELS.map((label) => mapper.map(label))).toEqual(["negative", "negative", "negative", "positive", "neutral", null, "negative", null, null]);
    expect(labelMappingSchema.parse(VALENCE_MAPPING)).toEqual(VALENCE_MAPPING);
  });
});

describe("labelMappingSchema", () => {
  const message = (value: unknown) => labelMappingSchema.safeParse(value).error?.issues[0]?.message;

  it("refuses a subset of one label, a repeated label or a label that is not canonical", () => {
    expect(message({ kind: "subset", labels: ["sad"] })).toBe("mapping.labels must name at least 2 labels (a classifier needs two classes)");
    expect(message({ kind: "subset", labels: ["sad", "sad"] })).toBe("mapping.labels names a label twice");
    expect(message({ kind: "subset", labels: ["sad", "bored"] })).toMatch(/^mapping\.labels must be among angry, disgusted/);
  });

  it("refuses custom names that cannot be folder names, keys that are not labels, and a single class", () => {
    expect(message({ kind: "custom", map: { sad: "low mood", happy: "high" } })).toBe(
      "mapping.map targets must be 1 to 40 letters, digits, '_' or '-' (they become folder names)",
    );
    expect(message({ kind: "custom", map: { sad: "x".repeat(41), happy: "high" } })).toMatch(/^mapping\.map targets must be 1 to 40/);
    expect(message({ kind: "custom", map: { bored: "low", happy: "high" } })).toMatch(/^mapping\.map has bored, which is not among angry, /);
    expect(message({ kind: "custom", map: ["low"] })).toBe("mapping.map must map labels to names or null");
    expect(message({ kind: "custom", map: { sad: "low", angry: "low", happy: null } })).toBe(
      "mapping.map must map labels onto at least 2 different names (a classifier needs two classes)",
    );
  });
});

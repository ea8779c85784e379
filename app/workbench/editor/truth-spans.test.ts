import { describe, expect, it } from "vitest";
import { parseTruthSpans, truthSpanAt } from "./truth-spans";

describe("parseTruthSpans", () => {
  it("reads the demo corpus's JSON string, sorted by start", () => {
    const spans = parseTruthSpans('[{"start":5.53,"end":10.0,"emotion":"sad"},{"start":1.27,"end":4.87,"emotion":"neutral"}]');
    expect(spans).toEqual([
      { startSeconds: 1.27, endSeconds: 4.87, emotion: "neutral", canonical: "neutral" },
      { startSeconds: 5.53, endSeconds: 10, emotion: "sad", canonical: "sad" },
    ]);
  });

  it("takes an already parsed list, numeric strings, and emotion2vec's other spellings", () => {
    expect(parseTruthSpans([{ start: "1", end: "2", emotion: "生气/angry" }])).toEqual([{ startSeconds: 1, endSeconds: 2, emotion: "生气/angry", canonical: "angry" }]);
  });

  it("keeps a label it does not know, without a canonical colour", () => {
    expect(parseTruthSpans('[{"start":0,"end":1,"emotion":"bored"}]')?.[0]?.canonical).toBeNull();
  });

  it("skips unusable entries and answers null when nothing usable is left", () => {
    const spans = parseTruthSpans('[{"start":3,"end":2,"emotion":"sad"},{"start":-1,"end":2,"emotion":"sad"},null,7,{"start":1,"end":2},{"start":1,"end":2,"emotion":"happy"}]');
    expect(spans).toHaveLength(1);
    expect(parseTruthSpans("[]")).toBeNull();
  });

  it("never throws on bad input", () => {
    for (const value of ["not json", "{", '{"start":1}', 42, null, undefined, "", '"[]"']) expect(parseTruthSpans(value)).toBeNull();
  });
});

describe("truthSpanAt", () => {
  const spans = parseTruthSpans('[{"start":1,"end":2,"emotion":"sad"},{"start":3,"end":5,"emotion":"happy"}]')!;

  it("finds the span holding a time, and none in a gap", () => {
    expect(truthSpanAt(spans, 1.5)?.emotion).toBe("sad");
    expect(truthSpanAt(spans, 2.5)).toBeNull();
    expect(truthSpanAt(spans, 4.99)?.emotion).toBe("happy");
    expect(truthSpanAt(spans, 5)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { analysisProgressFraction, analysisProgressText, analysisRunText, formatPercent } from "./analysis-text";

describe("analysisProgressText", () => {
  it("says recordings, audio time and time left", () => {
    expect(
      analysisProgressText({ done: 1, total: 3, unit: "recordings", audioSecondsDone: 35, audioSecondsTotal: 70, etaSeconds: 20 }),
    ).toBe("1 of 3 recordings · 0:35 of 1:10 audio · about 0:20 left");
  });

  it("leaves out what it does not know, and the time left once done", () => {
    expect(analysisProgressText({ done: 0, total: 2, unit: "recordings" })).toBe("0 of 2 recordings");
    expect(analysisProgressText({ done: 2, total: 2, unit: "recordings", audioSecondsDone: 3600, audioSecondsTotal: 3600, etaSeconds: 0 })).toBe(
      "2 of 2 recordings · 1:00:00 of 1:00:00 audio",
    );
  });

  it("never promises no time left while work remains", () => {
    expect(analysisProgressText({ done: 0, total: 1, unit: "recordings", etaSeconds: 0 })).toBe("0 of 1 recordings · about 0:01 left");
  });
});

describe("analysisProgressFraction", () => {
  it("goes by audio time when known, by recordings otherwise", () => {
    expect(analysisProgressFraction({ done: 1, total: 2, unit: "recordings", audioSecondsDone: 10, audioSecondsTotal: 40 })).toBe(0.25);
    expect(analysisProgressFraction({ done: 1, total: 4, unit: "recordings" })).toBe(0.25);
    expect(analysisProgressFraction({ done: 0, total: 0, unit: "recordings" })).toBe(0);
  });
});

describe("analysisRunText", () => {
  const base = { model: { key: "m", version: "1.0.0", name: "Test model" }, executionProvider: "cpu", threads: 1, timings: {} };

  it("names model, provider and threads, and the speed when timed", () => {
    expect(analysisRunText(base)).toBe("Test model 1.0.0 · CPU, 1 thread");
    expect(analysisRunText({ ...base, executionProvider: "cuda", threads: 4, timings: { audioSeconds: 3600, inferenceMs: 45_000, realTimeFactor: 80 } })).toBe(
      "Test model 1.0.0 · CUDA, 4 threads · 3600.0 s of audio in 45.0 s (80× real time)",
    );
    expect(analysisRunText({ ...base, timings: { audioSeconds: 2, inferenceMs: 250, realTimeFactor: 8 } })).toBe(
      "Test model 1.0.0 · CPU, 1 thread · 2.0 s of audio in 250 ms (8.0× real time)",
    );
  });

  it("says when a result was imported rather than run here", () => {
    expect(analysisRunText({ ...base, executionProvider: "imported", threads: null })).toBe("Test model 1.0.0 · imported from the WebUI");
  });
});

describe("formatPercent", () => {
  it("rounds to whole percent and keeps small scores visible", () => {
    expect(formatPercent(0.853)).toBe("85%");
    expect(formatPercent(0.004)).toBe("<1%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(Number.NaN)).toBe("–");
  });
});

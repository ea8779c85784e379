import { describe, expect, it } from "vitest";
import { annotationTiers, checkedIntervals, overlapFreeLayers } from "./interval-layers";
import { OVERLAPPING, SMALL } from "./testing/annotation-fixtures";

describe("overlapFreeLayers", () => {
  it("puts each interval in the first layer it fits, touching intervals sharing one", () => {
    const layers = overlapFreeLayers([
      { start: 0, end: 2, label: "a" },
      { start: 1, end: 3, label: "b" },
      { start: 2, end: 4, label: "c" },
      { start: 1.5, end: 2.5, label: "d" },
      { start: 3, end: 5, label: "e" },
    ]);
    expect(layers.map((layer) => layer.map((interval) => interval.label).join(""))).toEqual(["ac", "be", "d"]);
  });

  it("returns one empty layer for no intervals", () => {
    expect(overlapFreeLayers([])).toEqual([[]]);
  });
});

describe("checkedIntervals", () => {
  it("clamps to the recording, rounds to the grid and drops what rounds to nothing", () => {
    const annotations = {
      ...SMALL,
      human: [
        { start: -1, end: 0.0004, label: "a" },
        { start: 2.9996, end: 3.5, label: "b" },
        { start: 1.0004, end: 1.0014, label: "c" },
        { start: 5, end: 6, label: "d" },
      ],
    };
    expect(checkedIntervals(annotations, "human", 1000)).toEqual([{ start: 1, end: 1.001, label: "c" }]);
  });
});

describe("annotationTiers", () => {
  it("names layers after their source and adds the model tier only with a model result", () => {
    expect(annotationTiers(OVERLAPPING, 1000).map((tier) => tier.name)).toEqual(["human", "human 2"]);
    expect(annotationTiers({ ...SMALL, model: [] }, 1000).map((tier) => tier.name)).toEqual(["human", "model"]);
  });
});

import { describe, expect, it } from "vitest";
import { audacityLabels } from "./audacity-labels-writer";

describe("audacityLabels", () => {
  it("writes start, end and label separated by tabs, six decimals, in the order given", () => {
    expect(
      audacityLabels([
        { start: 1.2, end: 3, label: "angry" },
        { start: 0, end: 0.1 + 0.2, label: "生气/angry" },
      ]),
    ).toBe("1.200000\t3.000000\tangry\n0.000000\t0.300000\t生气/angry\n");
  });

  it("turns tabs and line breaks in labels into spaces, writes nothing for no intervals and refuses broken times", () => {
    expect(audacityLabels([{ start: 0, end: 1, label: "a\tb\r\nc" }])).toBe("0.000000\t1.000000\ta b c\n");
    expect(audacityLabels([])).toBe("");
    expect(() => audacityLabels([{ start: 2, end: 1, label: "x" }])).toThrow(/interval 1 runs from 2 s to 1 s/);
  });
});

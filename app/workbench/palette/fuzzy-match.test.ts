import { describe, expect, it } from "vitest";
import { fuzzyMatch, highlightPieces, mergeRanges } from "./fuzzy-match";

function score(query: string, text: string): number {
  const match = fuzzyMatch(query, text);
  if (!match) throw new Error(`${query} should match ${text}`);
  return match.score;
}

describe("fuzzyMatch", () => {
  it("matches everything with an empty query, highlighting nothing", () => {
    expect(fuzzyMatch("  ", "View: Toggle Panel")).toEqual({ score: 0, ranges: [] });
  });

  it("matches a substring case-insensitively and highlights it", () => {
    expect(fuzzyMatch("panel", "View: Toggle Panel")?.ranges).toEqual([[13, 18]]);
  });

  it("matches every word in any order", () => {
    expect(fuzzyMatch("panel toggle", "View: Toggle Panel")?.ranges).toEqual([
      [6, 12],
      [13, 18],
    ]);
    expect(fuzzyMatch("panel zoom", "View: Toggle Panel")).toBeNull();
  });

  it("prefers an occurrence at a word start for highlighting", () => {
    // "in" occurs inside "Opening" first, but "Interview" starts a word.
    expect(fuzzyMatch("in", "Opening Interview")?.ranges).toEqual([[8, 10]]);
  });

  it("ranks prefixes above word starts above the middle of a word", () => {
    expect(score("split", "Split Editor Right")).toBeGreaterThan(score("split", "View: Split Editor"));
    expect(score("edit", "View: Editor")).toBeGreaterThan(score("dit", "View: Editor"));
  });

  it("falls back to the letters in order, below any substring match", () => {
    const match = fuzzyMatch("tgp", "View: Toggle Panel");
    expect(match?.ranges).toEqual([
      [6, 7],
      [8, 9],
      [13, 14],
    ]);
    expect(match?.score).toBeLessThan(score("panel", "View: Toggle Panel"));
    expect(fuzzyMatch("xyz", "View: Toggle Panel")).toBeNull();
  });

  it("prefers word starts (camelCase too) for letters in order", () => {
    expect(fuzzyMatch("sr", "editor.splitRight")?.ranges).toEqual([
      [7, 8],
      [12, 13],
    ]);
  });

  it("ranks the shorter text first for the same match", () => {
    expect(score("tone", "tone.wav")).toBeGreaterThan(score("tone", "tone-s16-44k1-long-name.wav"));
  });
});

describe("mergeRanges and highlightPieces", () => {
  it("merges overlapping and touching ranges", () => {
    expect(
      mergeRanges([
        [5, 8],
        [0, 2],
        [2, 3],
        [6, 9],
      ]),
    ).toEqual([
      [0, 3],
      [5, 9],
    ]);
  });

  it("cuts text into plain and matched pieces that join back to the text", () => {
    const pieces = highlightPieces("View: Toggle Panel", [
      [0, 4],
      [13, 18],
    ]);
    expect(pieces).toEqual([
      { text: "View", matched: true },
      { text: ": Toggle ", matched: false },
      { text: "Panel", matched: true },
    ]);
    expect(pieces.map((piece) => piece.text).join("")).toBe("View: Toggle Panel");
  });
});

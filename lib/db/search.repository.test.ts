import { describe, expect, it } from "vitest";
import { escapeLikePattern, matchSnippet } from "./search.repository";

describe("escapeLikePattern", () => {
  it("escapes the LIKE wildcards and the escape character itself", () => {
    expect(escapeLikePattern("50%_a!b")).toBe("50!%!_a!!b");
    expect(escapeLikePattern("plain text")).toBe("plain text");
  });
});

describe("matchSnippet", () => {
  it("keeps short text whole", () => {
    expect(matchSnippet("site: Leipzig", "leip")).toBe("site: Leipzig");
  });

  it("cuts long text between words around the match, marking the cuts", () => {
    const note = "Long pause after the question about sleep, then a clearly audible interview interruption by a nurse entering the room.";
    expect(matchSnippet(note, "INTERVIEW")).toBe("…about sleep, then a clearly audible interview interruption by a nurse entering the…");
    expect(matchSnippet(note, "long", 10)).toBe("Long pause…");
    expect(matchSnippet(note, "room.", 10)).toBe("…the room.");
  });

  it("folds line breaks and falls back to the start when the text does not contain the needle", () => {
    expect(matchSnippet("first line\nsecond   line", "second")).toBe("first line second line");
    expect(matchSnippet("x".repeat(100), "y", 10)).toBe(`${"x".repeat(10)}…`);
  });
});

import { describe, expect, it } from "vitest";
import { parseAnnotatorList } from "./annotator-list";

describe("parseAnnotatorList", () => {
  it("splits on commas, semicolons and spaces, lower-cases, and keeps each name once in order", () => {
    expect(parseAnnotatorList(" Ana, ben;cleo  ana\nDora ")).toEqual(["ana", "ben", "cleo", "dora"]);
  });

  it("reads nothing from blank text", () => {
    expect(parseAnnotatorList(" , ;\n")).toEqual([]);
  });
});

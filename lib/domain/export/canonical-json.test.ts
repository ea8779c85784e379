import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { ExportInputError } from "./export-input-error";

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order and drops undefined properties", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: "x" }, e: undefined })).toBe('{"a":{"c":"x","d":[3,1,{"y":null,"z":true}]},"b":1}');
  });

  it("gives the same text whatever order the keys were built in", () => {
    const one = { name: "set", splits: { train: 0.8, test: 0.2 }, formats: ["jsonl"] };
    const two = { formats: ["jsonl"], splits: { test: 0.2, train: 0.8 }, name: "set" };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it("sorts by code units, not by locale, and escapes as JSON does", () => {
    expect(canonicalJson({ b: 1, B: 2, ä: 3, "a\n": 4 })).toBe('{"B":2,"a\\n":4,"b":1,"ä":3}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { y: 1, x: 2 }))).toBe('{"x":2,"y":1}');
  });

  it("refuses values JSON cannot carry, naming where they are", () => {
    expect(() => canonicalJson({ splits: { train: Number.NaN } })).toThrow("$.splits.train is NaN");
    expect(() => canonicalJson({ list: [1, Infinity] })).toThrow("$.list[1] is Infinity");
    expect(() => canonicalJson({ at: new Date(0) })).toThrow("$.at is not a plain object");
    expect(() => canonicalJson({ n: 1n })).toThrow(ExportInputError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow("$.f is a function");
  });
});

import { describe, expect, it } from "vitest";
import { contentRangeHeader, etagMatches, parseByteRange, rangeStillValid, unsatisfiedRangeHeader } from "./byte-range";

describe("parseByteRange", () => {
  const size = 1000;

  it("serves everything when there is no Range header", () => {
    expect(parseByteRange(null, size)).toEqual({ kind: "whole" });
    expect(parseByteRange(undefined, size)).toEqual({ kind: "whole" });
  });

  it("serves a closed range", () => {
    expect(parseByteRange("bytes=0-43", size)).toEqual({ kind: "partial", start: 0, end: 43 });
    expect(parseByteRange("bytes=500-500", size)).toEqual({ kind: "partial", start: 500, end: 500 });
  });

  it("clamps a range that runs past the end", () => {
    expect(parseByteRange("bytes=900-5000", size)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseByteRange("bytes=0-99999999999999999999", size)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("serves an open range to the end", () => {
    expect(parseByteRange("bytes=100-", size)).toEqual({ kind: "partial", start: 100, end: 999 });
    expect(parseByteRange("bytes=999-", size)).toEqual({ kind: "partial", start: 999, end: 999 });
  });

  it("serves a suffix range, or everything when the suffix is longer than the file", () => {
    expect(parseByteRange("bytes=-10", size)).toEqual({ kind: "partial", start: 990, end: 999 });
    expect(parseByteRange("bytes=-5000", size)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("accepts any case of the unit and whitespace around the range", () => {
    expect(parseByteRange("Bytes= 0-1 ", size)).toEqual({ kind: "partial", start: 0, end: 1 });
    expect(parseByteRange("bytes=0-1,", size)).toEqual({ kind: "partial", start: 0, end: 1 });
  });

  it("answers unsatisfiable when the range starts at or past the end", () => {
    expect(parseByteRange("bytes=1000-", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseByteRange("bytes=1000-2000", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseByteRange("bytes=99999999999999999999-", size)).toEqual({ kind: "unsatisfiable" });
  });

  it("answers unsatisfiable for an empty suffix and for any range of an empty file", () => {
    expect(parseByteRange("bytes=-0", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseByteRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseByteRange("bytes=-5", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("ignores malformed headers and other units, serving everything", () => {
    for (const header of ["bytes=5-2", "bytes=a-b", "bytes=-", "bytes=", "bytes", "items=0-5", "bytes=1-2-3", "bytes=+1-2", "bytes=0x10-"]) {
      expect(parseByteRange(header, size), header).toEqual({ kind: "whole" });
    }
  });

  it("serves everything when several ranges are asked for", () => {
    expect(parseByteRange("bytes=0-1,5-9", size)).toEqual({ kind: "whole" });
    expect(parseByteRange("bytes=0-1, -5", size)).toEqual({ kind: "whole" });
  });
});

describe("conditional headers", () => {
  const etag = '"abc"';

  it("keeps a range when If-Range is absent or names the current tag", () => {
    expect(rangeStillValid(null, etag)).toBe(true);
    expect(rangeStillValid('"abc"', etag)).toBe(true);
  });

  it("drops a range when If-Range names another tag, a weak tag or a date", () => {
    expect(rangeStillValid('"old"', etag)).toBe(false);
    expect(rangeStillValid('W/"abc"', etag)).toBe(false);
    expect(rangeStillValid("Wed, 21 Oct 2015 07:28:00 GMT", etag)).toBe(false);
  });

  it("matches If-None-Match lists, weak tags and *", () => {
    expect(etagMatches(null, etag)).toBe(false);
    expect(etagMatches('"abc"', etag)).toBe(true);
    expect(etagMatches('"x", W/"abc"', etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
    expect(etagMatches('"abcd"', etag)).toBe(false);
  });
});

describe("Content-Range values", () => {
  it("spells a satisfied and an unsatisfied range", () => {
    expect(contentRangeHeader(0, 43, 1000)).toBe("bytes 0-43/1000");
    expect(unsatisfiedRangeHeader(1000)).toBe("bytes */1000");
  });
});

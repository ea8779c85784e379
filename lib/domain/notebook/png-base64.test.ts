import { describe, expect, it } from "vitest";
import { pngBase64 } from "./png-base64";
import { PNG_BASE64 } from "./testing/notebook-fixture";

describe("pngBase64", () => {
  it("accepts base64, with or without a data: prefix and line breaks", () => {
    expect(pngBase64(PNG_BASE64, "c")).toBe(PNG_BASE64);
    expect(pngBase64(`data:image/png;base64,${PNG_BASE64.slice(0, 20)}\n${PNG_BASE64.slice(20)}`, "c")).toBe(PNG_BASE64);
  });

  it("refuses anything that could leave an attribute or is not whole base64", () => {
    for (const bad of ["", '" onerror="x', "abc", "ab=c"]) expect(() => pngBase64(bad, "cell-9")).toThrow("cell cell-9");
  });
});


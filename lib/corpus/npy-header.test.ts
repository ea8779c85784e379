import { describe, expect, it } from "vitest";
import { parsePyLiteral } from "./npy-header";

describe("parsePyLiteral", () => {
  it("reads the header dict numpy writes", () => {
    expect(parsePyLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (12, 768), }")).toEqual({
      ok: true,
      value: { descr: "<f4", fortran_order: false, shape: [12, 768] },
    });
  });

  it("tells a one-element tuple from a parenthesised value, and reads lists, None and Python 2 longs", () => {
    expect(parsePyLiteral("((768,), (5), [1, 2L], (), None, True)")).toEqual({
      ok: true,
      value: [[768], 5, [1, 2], [], null, true],
    });
  });

  it("keeps a __proto__ key as data", () => {
    const result = parsePyLiteral("{'__proto__': 1}");
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(result.ok && Object.keys(result.value as object)).toEqual(["__proto__"]);
  });

  it.each([
    ["{'a': 1", "expected ',' or '}' at character 7"],
    ["{1: 2}", "dict keys must be strings"],
    ["{'a' 1}", "expected ':'"],
    ["'a\\'b'", "escapes in strings are not supported"],
    ["(1 2)", "expected ',' or ')'"],
    ["1.5", "unexpected text after the value"],
    ["np.float32", "unexpected 'n'"],
    ["", "unexpected end"],
  ])("refuses %j", (source, reason) => {
    const result = parsePyLiteral(source);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(reason);
  });
});

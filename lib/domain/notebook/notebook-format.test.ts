import { describe, expect, it } from "vitest";
import { formatCount, formatUtcMinute } from "./notebook-format";

describe("formatCount", () => {
  it("groups thousands and keeps up to three decimals", () => {
    expect([0, 7, 999, 1000, 12400, 1234567, -4500, 0.125, 2.5e-4].map(formatCount)).toEqual(["0", "7", "999", "1,000", "12,400", "1,234,567", "-4,500", "0.125", "0"]);
  });
});

describe("formatUtcMinute", () => {
  it("writes the minute in UTC whatever the offset", () => {
    expect(formatUtcMinute("2026-11-21T14:03:59.999Z")).toBe("21 Nov 2026 14:03 UTC");
    expect(formatUtcMinute("2026-01-01T00:30:00+01:00")).toBe("31 Dec 2025 23:30 UTC");
    expect(formatUtcMinute("soon")).toBe("soon");
  });
});

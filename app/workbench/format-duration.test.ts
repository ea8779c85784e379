import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("writes minutes and seconds under an hour", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(2.99)).toBe("0:02");
    expect(formatDuration(65)).toBe("1:05");
    expect(formatDuration(3599.5)).toBe("59:59");
  });

  it("adds hours from an hour on", () => {
    expect(formatDuration(3600)).toBe("1:00:00");
    expect(formatDuration(2 * 3600 + 5 * 60 + 7)).toBe("2:05:07");
  });

  it("shows nothing negative or invalid", () => {
    expect(formatDuration(-3)).toBe("0:00");
    expect(formatDuration(Number.NaN)).toBe("0:00");
  });
});

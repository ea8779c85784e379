import { describe, expect, it } from "vitest";
import { auditSearch, describeAuditDetails, NO_AUDIT_FILTER } from "./audit-query";

describe("auditSearch", () => {
  it("asks for everything without a filter", () => {
    expect(auditSearch(NO_AUDIT_FILTER)).toBe("");
  });

  it("sends the username, action and whole UTC days, the last day included", () => {
    const search = new URLSearchParams(auditSearch({ actorName: " ana ", action: "review.accept", fromDay: "2026-11-01", toDay: "2026-11-30" }));
    expect(Object.fromEntries(search)).toEqual({
      actorName: "ana",
      action: "review.accept",
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-12-01T00:00:00.000Z",
    });
  });

  it("ignores half-typed days, and adds the page and the CSV format", () => {
    const search = new URLSearchParams(auditSearch({ ...NO_AUDIT_FILTER, fromDay: "2026-11" }, { before: "e1", limit: 200, format: "csv" }));
    expect(Object.fromEntries(search)).toEqual({ before: "e1", limit: "200", format: "csv" });
  });
});

describe("describeAuditDetails", () => {
  it("lists each detail as key=value", () => {
    expect(describeAuditDetails({ emotion: "sad", region: null, counts: [3, 4], accepted: true })).toBe("emotion=sad, region=none, counts=3 4, accepted=true");
    expect(describeAuditDetails({})).toBe("");
  });
});

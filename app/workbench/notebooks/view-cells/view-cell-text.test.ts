import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../../api-fetch";
import { failureOf, formatRange, shortId, viewErrorMessage, viewHeading } from "./view-cell-text";

const ID = "3f2a9c1e-5b7d-4e21-9a0b-123456789abc";

describe("viewHeading", () => {
  it("names what each view shows once its data is there", () => {
    expect(viewHeading({ kind: "recording", recordingId: ID, startSeconds: 12, endSeconds: 18.5 }, { recording: "interview-03.wav" })).toBe("interview-03.wav · 12.0–18.5 s");
    expect(viewHeading({ kind: "projection", projectionId: ID }, { projection: "All sessions, UMAP" })).toBe("All sessions, UMAP");
    expect(viewHeading({ kind: "comparison", cohortIds: ["a", "b"] }, { cohorts: ["Intake", "Follow-up"] })).toBe("Intake vs Follow-up");
    expect(viewHeading({ kind: "trajectory", patientId: ID }, { patient: "P-014" })).toBe("P-014");
  });

  it("falls back to short ids while loading", () => {
    expect(viewHeading({ kind: "recording", recordingId: ID, startSeconds: 0, endSeconds: 2.25 })).toBe("3f2a9c1e… · 0.00–2.25 s");
    expect(viewHeading({ kind: "projection", projectionId: ID })).toBe("3f2a9c1e…");
    expect(viewHeading({ kind: "comparison", cohortIds: ["a", "b", "c"] })).toBe("3 cohorts");
  });
});

describe("formatRange and shortId", () => {
  it("keeps one decimal unless a second one matters", () => {
    expect(formatRange(12, 18.5)).toBe("12.0–18.5 s");
    expect(formatRange(12.25, 18.5)).toBe("12.25–18.50 s");
  });

  it("leaves short ids whole", () => {
    expect(shortId("abc")).toBe("abc");
    expect(shortId(ID)).toBe("3f2a9c1e…");
  });
});

describe("viewErrorMessage", () => {
  it("says a 404 means the pinned thing is gone", () => {
    const gone = failureOf(new ApiRequestError(`There is no projection with id ${ID}.`, 404, "PROJECTION_NOT_FOUND"));
    expect(viewErrorMessage({ kind: "projection", projectionId: ID }, gone)).toBe("Projection 3f2a9c1e… no longer exists.");
    expect(viewErrorMessage({ kind: "trajectory", patientId: ID }, gone)).toBe("Patient 3f2a9c1e… no longer exists.");
  });

  it("passes other failures on with what could not be shown", () => {
    const failure = failureOf(new ApiRequestError("The database is busy.", 503));
    expect(viewErrorMessage({ kind: "recording", recordingId: ID, startSeconds: 1, endSeconds: 2 }, failure)).toBe(
      "Cannot show recording 3f2a9c1e… (1.0–2.0 s): The database is busy.",
    );
    expect(failureOf(new Error("offline"))).toEqual({ message: "offline" });
  });
});

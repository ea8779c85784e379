import { describe, expect, it } from "vitest";
import { hitDescription, hitMatchText, hitTitle } from "./search-hit-text";
import type { SearchHit } from "./search-types";

const hit: SearchHit = {
  recordingId: "r1",
  name: "interview-03.wav",
  trackIndex: -1,
  corpusName: "Demo study",
  workspaceId: "00000000-0000-4000-8000-000000000001",
  patientCode: "P-014",
  sessionCode: null,
  cohortNames: ["anxiety"],
  durationSeconds: 42,
  labelStatus: "predicted",
  matches: [
    { field: "name", text: "interview-03.wav" },
    { field: "patient", text: "P-014" },
  ],
};

describe("search hit text", () => {
  it("describes a hit by corpus, patient, session and duration, leaving out what it lacks", () => {
    expect(hitDescription(hit)).toBe("Demo study · P-014 · 0:42");
  });

  it("names the first match other than the name, with a readable field", () => {
    expect(hitMatchText(hit)).toBe("patient: P-014");
    expect(hitMatchText({ matches: [{ field: "name", text: "x" }] })).toBeNull();
    expect(hitMatchText({ matches: [{ field: "metadata", text: "site: Berlin" }] })).toBe("metadata: site: Berlin");
  });

  it("names the channel of a split file", () => {
    expect(hitTitle(hit)).toBe("interview-03.wav");
    expect(hitTitle({ name: "session.wav", trackIndex: 1 })).toBe("session.wav · ch 2");
  });
});

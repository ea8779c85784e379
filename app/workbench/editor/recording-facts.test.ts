import { describe, expect, it } from "vitest";
import type { RecordingSummary } from "../api-types";
import { factsOf } from "./recording-facts";

const recording: RecordingSummary = {
  id: "00000000-0000-4000-8000-000000000001",
  corpusId: "00000000-0000-4000-8000-000000000002",
  corpusName: "Demo study",
  originalName: "P04_S3_interview.opus",
  format: "ogg-opus/opus",
  durationSeconds: 536.7,
  sampleRate: 48_000,
  channels: 1,
  trackIndex: -1,
  contentHash: "c",
  analysisHash: "a",
  qualityFlags: [],
  patientCode: "P04",
  sessionCode: "S3",
  sessionDate: "2024-03-26",
  cohorts: ["depression"],
  metadata: {},
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("factsOf", () => {
  it("names length, format, channels, corpus, patient, session and cohorts", () => {
    expect(factsOf(recording, 536.7).map(([, text]) => text)).toEqual([
      "8:56",
      "ogg-opus/opus, 48000 Hz",
      "1 channel",
      "Demo study",
      "patient P04",
      "session S3, 2024-03-26",
      "depression",
    ]);
  });

  it("says how a multichannel file became this recording", () => {
    expect(factsOf({ ...recording, channels: 2 }, 1)[2]?.[1]).toBe("2 channels, mixed to mono");
    expect(factsOf({ ...recording, channels: 2, trackIndex: 1, metadata: { channelRole: "patient" } }, 1)[2]?.[1]).toBe("2 channels, track 2 (patient)");
  });

  it("leaves out who and when when the corpus does not say", () => {
    const facts = factsOf({ ...recording, patientCode: null, sessionCode: null, sessionDate: null, cohorts: [] }, 10);
    expect(facts.map(([name]) => name)).toEqual(["Duration", "Format", "Channels", "Corpus"]);
  });
});

import type { RecordingSummary } from "../api-types";
import { formatDuration } from "../format-duration";

/** The editor header's facts as [name, text] pairs: length, format, channels and track, corpus, patient, session, cohorts. */
export function factsOf(recording: RecordingSummary, durationSeconds: number): [string, string][] {
  const channelRole = typeof recording.metadata.channelRole === "string" ? ` (${recording.metadata.channelRole})` : "";
  const facts: [string, string][] = [
    ["Duration", formatDuration(durationSeconds || recording.durationSeconds)],
    ["Format", `${recording.format}, ${recording.sampleRate} Hz`],
    [
      "Channels",
      `${recording.channels} channel${recording.channels === 1 ? "" : "s"}${recording.trackIndex < 0 ? (recording.channels > 1 ? ", mixed to mono" : "") : `, track ${recording.trackIndex + 1}${channelRole}`}`,
    ],
    ["Corpus", recording.corpusName],
  ];
  if (recording.patientCode) facts.push(["Patient", `patient ${recording.patientCode}`]);
  const session = [recording.sessionCode, recording.sessionDate].filter(Boolean).join(", ");
  if (session) facts.push(["Session", `session ${session}`]);
  if (recording.cohorts.length > 0) facts.push(["Cohorts", recording.cohorts.join(", ")]);
  return facts;
}

"use client";

import { RecordingAnalysis } from "../analysis/recording-analysis";
import type { RecordingSummary } from "../api-types";
import { formatDuration } from "../format-duration";
import { recordingAudioUrl } from "./recording-queries";

/** A recording's facts, a player for its analysis audio, and its model results; the editor (waveform, curves) comes later. */
export function RecordingDetail({ recording }: { recording: RecordingSummary }) {
  const facts: [string, string][] = [
    ["Corpus", recording.corpusName],
    ["Duration", formatDuration(recording.durationSeconds)],
    ["Format", `${recording.format}, ${recording.sampleRate} Hz, ${recording.channels} channel${recording.channels === 1 ? "" : "s"}`],
    ["Track", recording.trackIndex < 0 ? "all channels mixed to mono" : `channel ${recording.trackIndex + 1}`],
    ["Patient", recording.patientCode ?? "—"],
    ["Session", [recording.sessionCode, recording.sessionDate].filter(Boolean).join(", ") || "—"],
    ["Cohorts", recording.cohorts.join(", ") || "—"],
    ["Quality", recording.qualityFlags.join(", ") || "no flags"],
  ];
  return (
    <article className="recording-detail" aria-labelledby={`recording-${recording.id}`}>
      <h1 id={`recording-${recording.id}`}>{recording.originalName}</h1>
      <dl>
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {/* key: a new recording gets a fresh element, so the old one stops loading. */}
      <audio key={recording.id} controls preload="metadata" src={recordingAudioUrl(recording.id)} aria-label="Analysis audio (16 kHz mono)" />
      <p>
        <a href={recordingAudioUrl(recording.id, "original")} download>
          Download the original file
        </a>
      </p>
      <RecordingAnalysis key={recording.id} recording={recording} />
    </article>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import type { RecordingSummary } from "../api-types";
import { formatDuration } from "../format-duration";
import { recordingsQuery } from "./recording-queries";

/** A corpus's recordings: name (and channel of a split file), duration, patient code, quality flags. */
export function RecordingList({
  corpusId,
  corpusName,
  selectedId,
  onOpen,
}: {
  corpusId: string;
  corpusName: string;
  selectedId: string | null;
  onOpen: (recording: RecordingSummary) => void;
}) {
  const recordings = useQuery(recordingsQuery(corpusId));
  if (recordings.isPending) return <p className="side-bar__empty">Loading…</p>;
  if (recordings.isError) return <p className="form-error">{recordings.error.message}</p>;
  if (recordings.data.length === 0) return <p className="side-bar__empty">No recordings yet.</p>;

  return (
    <ul className="recording-list" aria-label={`Recordings of ${corpusName}`}>
      {recordings.data.map((recording) => (
        <li key={recording.id}>
          <button
            type="button"
            className="recording-list__item"
            aria-current={recording.id === selectedId ? "true" : undefined}
            onClick={() => onOpen(recording)}
          >
            <span className="recording-list__name">
              {recording.originalName}
              {recording.trackIndex >= 0 && ` · ch ${recording.trackIndex + 1}`}
            </span>
            <span className="recording-list__meta">
              <span>{formatDuration(recording.durationSeconds)}</span>
              {recording.patientCode && <span>{recording.patientCode}</span>}
              {recording.qualityFlags.map((flag) => (
                <span key={flag} className="flag">
                  {flag}
                </span>
              ))}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import type { RecordingSummary } from "../api-types";
import { RecordingList } from "./recording-list";
import { corporaQuery } from "./recording-queries";

/** Every corpus, open, with its recordings. */
export function CorpusTree({ selectedId, onOpen }: { selectedId: string | null; onOpen: (recording: RecordingSummary) => void }) {
  const corpora = useQuery(corporaQuery());
  if (corpora.isPending) return <p className="side-bar__empty">Loading…</p>;
  if (corpora.isError) return <p className="form-error">{corpora.error.message}</p>;
  if (corpora.data.length === 0) return <p className="side-bar__empty">No corpora yet. Import recordings to start one.</p>;

  return (
    <div className="corpus-tree">
      {corpora.data.map((corpus) => (
        <details key={corpus.id} open className="corpus-tree__corpus">
          <summary>
            {corpus.name} <span className="corpus-tree__count">{corpus.recordingCount}</span>
          </summary>
          <RecordingList corpusId={corpus.id} corpusName={corpus.name} selectedId={selectedId} onOpen={onOpen} />
        </details>
      ))}
    </div>
  );
}

"use client";

import { useState } from "react";
import type { RecordingSummary } from "../api-types";
import { ImportDialog } from "../import/import-dialog";
import { CorpusTree } from "../recordings/corpus-tree";

/** The Explorer side bar: the Import… entry point and the corpora with their recordings. */
export function ExplorerView({ selectedId, onOpen }: { selectedId: string | null; onOpen: (recording: RecordingSummary) => void }) {
  const [importing, setImporting] = useState(false);
  return (
    <>
      <div className="side-bar__actions">
        <button type="button" className="button button--primary" onClick={() => setImporting(true)}>
          Import…
        </button>
      </div>
      <CorpusTree selectedId={selectedId} onOpen={onOpen} />
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </>
  );
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { NotebookCell } from "@/lib/domain/notebook/notebook-cell";
import type { NotebookJson } from "@/lib/notebooks/serve-notebooks";
import { saveNotebookCells } from "./notebook-queries";

const SAVE_DELAY_MS = 400;

/** What a save writes: outputs arrive from runs and are not saved, so a run alone saves nothing. */
function structureOf(cells: readonly NotebookCell[]): string {
  return JSON.stringify(cells.map(({ id, kind, source, settings }) => [id, kind, source, settings]));
}

export type SaveState = { kind: "saved" } | { kind: "pending" } | { kind: "saving" } | { kind: "failed"; message: string };

/**
 * Saves the cell list a moment after the last change, one save at a time.
 * `flush` saves now and resolves when the server has what the editor shows,
 * so a run never runs an older text than the one on screen.
 */
export function useNotebookSaver(notebookId: string, cells: readonly NotebookCell[], onSaved: (answer: NotebookJson) => void) {
  const latest = useRef(cells);
  const saved = useRef(structureOf(cells));
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSavedRef = useRef(onSaved);
  const [state, setState] = useState<SaveState>({ kind: "saved" });

  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const saveNow = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = chain.current.then(async () => {
      const toSave = latest.current;
      const structure = structureOf(toSave);
      if (structure === saved.current) {
        setState((current) => (current.kind === "pending" ? { kind: "saved" } : current));
        return;
      }
      setState({ kind: "saving" });
      try {
        const answer = await saveNotebookCells(notebookId, toSave);
        saved.current = structure;
        setState(structureOf(latest.current) === structure ? { kind: "saved" } : { kind: "pending" });
        onSavedRef.current(answer);
      } catch (error) {
        setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    });
    // A failed save must not stop the next one.
    chain.current = next.catch(() => undefined);
    return next;
  }, [notebookId]);

  useEffect(() => {
    latest.current = cells;
    if (structureOf(cells) === saved.current) {
      // Edited back to what is saved (an insert and its deletion): nothing to write.
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      setState((current) => (current.kind === "pending" ? { kind: "saved" } : current));
      return;
    }
    setState({ kind: "pending" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      saveNow().catch(() => undefined);
    }, SAVE_DELAY_MS);
  }, [cells, saveNow]);

  // Whatever is still waiting when the tab closes is saved then.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        saveNow().catch(() => undefined);
      }
    },
    [saveNow],
  );

  return { state, flush: saveNow };
}

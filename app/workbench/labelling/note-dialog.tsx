"use client";

import { useEffect, useId, useRef, useState } from "react";
import styles from "./labelling.module.css";
import type { NoteEditor } from "./use-labelling";

/**
 * Editing a note: a modal dialog (the browser's own, so focus stays inside
 * and returns where it was), Enter saves, Shift+Enter starts a new line,
 * Escape cancels.
 */
export function NoteDialog({ editor, onSave, onClose }: { editor: NoteEditor; onSave: (note: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState(editor.initialNote);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="label-note-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(note);
        }}
      >
        <h2 id={titleId} className={styles.heading}>
          {editor.title}
        </h2>
        <textarea
          className={styles.noteInput}
          value={note}
          rows={4}
          autoFocus
          aria-label={editor.title}
          data-testid="label-note-input"
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              onSave(note);
            }
          }}
        />
        <p className={styles.muted}>Enter saves · Shift+Enter new line · Escape cancels</p>
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" data-testid="label-note-save">
            Save
          </button>
          <button type="button" className="button" onClick={onClose} data-testid="label-note-cancel">
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

"use client";

import "katex/dist/katex.min.css";
import { useMemo } from "react";
import { renderNotebookMarkdown } from "@/lib/domain/notebook/render-markdown";
import { CellTextArea } from "./cell-text-area";
import styles from "./notebooks.module.css";

/** A note: rendered (with math) until it is edited; Enter or a double click edits, Escape or Shift+Enter renders it again. */
export function MarkdownCell({
  source,
  editing,
  onEdit,
  onChange,
}: {
  source: string;
  editing: boolean;
  onEdit: () => void;
  onChange: (source: string) => void;
}) {
  const html = useMemo(() => (editing ? "" : renderNotebookMarkdown(source)), [editing, source]);
  if (editing) return <CellTextArea value={source} onChange={onChange} label="Markdown" autoFocus placeholder="Notes in Markdown; math as $x^2$ or $$…$$" />;
  if (source.trim() === "") {
    return (
      <p className={styles.placeholder} onDoubleClick={onEdit}>
        Empty note. Press Enter or double-click to write.
      </p>
    );
  }
  return <div className={styles.markdown} data-testid="notebook-markdown" onDoubleClick={onEdit} dangerouslySetInnerHTML={{ __html: html }} />;
}

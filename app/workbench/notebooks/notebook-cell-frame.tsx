"use client";

import type { ReactNode } from "react";
import { describeProvenance } from "@/lib/domain/notebook/cell-provenance";
import type { CellStaleness } from "@/lib/domain/notebook/cell-staleness";
import type { NotebookCell, NotebookCellKind } from "@/lib/domain/notebook/notebook-cell";
import styles from "./notebooks.module.css";

const KIND_TITLES: Record<NotebookCellKind, string> = { markdown: "Markdown", sql: "SQL", chart: "Chart", view: "View" };

/**
 * A cell's frame: its number and run button in the gutter, its kind and
 * actions, and under the body, when it has run, whether its output is stale
 * and where it came from.
 */
export function NotebookCellFrame({
  cell,
  index,
  selected,
  running,
  staleness,
  onSelect,
  onRun,
  onMove,
  onDelete,
  onKind,
  children,
}: {
  cell: NotebookCell;
  index: number;
  selected: boolean;
  running: boolean;
  staleness: CellStaleness | undefined;
  onSelect: () => void;
  onRun: () => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
  onKind: (kind: NotebookCellKind) => void;
  children: ReactNode;
}) {
  const runnable = cell.kind === "sql" || cell.kind === "view";
  const state = running ? "running" : (staleness?.state ?? "never-run");
  return (
    <section
      className={selected ? `${styles.cell} ${styles.selected}` : styles.cell}
      data-testid="notebook-cell"
      data-cell-id={cell.id}
      data-kind={cell.kind}
      data-state={cell.kind === "markdown" ? "fresh" : state}
      aria-label={`Cell ${index + 1}, ${KIND_TITLES[cell.kind]}`}
      tabIndex={-1}
      onMouseDown={onSelect}
      onFocus={onSelect}
    >
      <div className={styles.gutter}>
        <span className={styles.cellNumber}>[{index + 1}]</span>
        {runnable && (
          <button type="button" className={styles.runButton} aria-label={`Run cell ${index + 1}`} title="Run (Shift+Enter runs and moves on)" disabled={running} onClick={onRun}>
            {running ? "…" : "▶"}
          </button>
        )}
      </div>
      <div className={styles.cellMain}>
        <div className={styles.cellBar}>
          <select aria-label="Cell kind" value={cell.kind} onChange={(event) => onKind(event.target.value as NotebookCellKind)}>
            {Object.entries(KIND_TITLES).map(([kind, title]) => (
              <option key={kind} value={kind}>
                {title}
              </option>
            ))}
          </select>
          {staleness?.state === "stale" && !running && (
            <span className={styles.stale} data-testid="cell-stale" title={staleness.reasons.join("\n")}>
              Stale: {staleness.reasons.join("; ")}
            </span>
          )}
          <span className={styles.cellBarSpacer} />
          <button type="button" className={styles.barButton} aria-label="Move cell up" title="Move up (Alt+↑)" onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className={styles.barButton} aria-label="Move cell down" title="Move down (Alt+↓)" onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className={styles.barButton} aria-label="Delete cell" title="Delete (D D)" onClick={onDelete}>
            ✗
          </button>
        </div>
        {children}
        {cell.provenance && (
          <p className={styles.provenance} data-testid="cell-provenance">
            {describeProvenance(cell.provenance).join(" · ")}
          </p>
        )}
      </div>
    </section>
  );
}

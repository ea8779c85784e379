"use client";

import type { ReactNode } from "react";
import type { NotebookViewKind } from "@/lib/domain/notebook/notebook-cell";
import { VIEW_KIND_TITLES } from "./view-cell-text";
import styles from "./view-cells.module.css";

/** loading: data on its way; ready: drawn (what captureViewPng should wait for); error: a message instead of the view. */
export type ViewCellState = "loading" | "ready" | "error";

export interface ViewCellFrameProps {
  kind: NotebookViewKind;
  heading: string;
  state: ViewCellState;
  onOpen?: () => void;
  /** Extra controls beside "Open in editor" (the recording's Play). */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * What every view cell shares: the container the notebook finds it by
 * (data-view-kind, data-state), a heading naming what it shows, and
 * "Open in editor" when the notebook gives a way to open it.
 */
export function ViewCellFrame({ kind, heading, state, onOpen, actions, children }: ViewCellFrameProps) {
  const title = `${VIEW_KIND_TITLES[kind]}: ${heading}`;
  return (
    <section className={styles.cell} data-view-kind={kind} data-state={state} aria-label={title} aria-busy={state === "loading"}>
      <header className={styles.header}>
        <h2 className={styles.heading}>
          <span className={styles.kind}>{VIEW_KIND_TITLES[kind]}: </span>
          {heading}
        </h2>
        <div className={styles.headerActions}>
          {actions}
          {onOpen && (
            <button type="button" className="button" onClick={onOpen}>
              Open in editor
            </button>
          )}
        </div>
      </header>
      {children}
    </section>
  );
}

/** A loading line (role="status") or an error (role="alert") in place of the view. */
export function ViewCellMessage({ kind, children }: { kind: "status" | "alert"; children: ReactNode }) {
  return (
    <p role={kind} className={kind === "alert" ? `${styles.message} ${styles.error}` : styles.message}>
      {children}
    </p>
  );
}
